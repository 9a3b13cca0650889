// exceljs is loaded on first use: it is the largest library of the service
// (about 50 MB of a process), and most processes, and every CSV import, never need it.
import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

export function loadExcel(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((m) => m.default);
  return loading;
}
