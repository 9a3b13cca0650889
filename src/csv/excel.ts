// ExcelJS takes about 20 MB once loaded; it is loaded by the first workbook read
// or written, so that commands and processes that never touch one (the mail
// sender) do not carry it.
import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

export function loadExcel(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((m) => m.default);
  return loading;
}
