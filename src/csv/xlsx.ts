// Writes one sheet of a table as an Excel workbook (.xlsx) with exceljs's
// streaming writer, so a large download is built row by row. Cells stay values:
// strings are never turned into formulas, and the header row is bold and frozen.
import { PassThrough } from 'node:stream';
import { loadExcel } from './excel.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type XlsxSheet = {
  name: string;
  header: readonly string[];
  rows: Iterable<readonly unknown[]> | AsyncIterable<readonly unknown[]>;
};

/** Excel limits a sheet name to 31 characters and forbids a few of them. */
const sheetName = (name: string) => name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet1';

const cellOf = (value: unknown) =>
  value === null || value === undefined ? null : typeof value === 'number' || value instanceof Date ? value : String(value);

export async function toXlsx(sheets: readonly XlsxSheet[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new (await loadExcel()).stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheetName(sheet.name), { views: [{ state: 'frozen', ySplit: 1 }] });
    const head = ws.addRow([...sheet.header]);
    head.font = { bold: true };
    head.commit();
    for await (const row of sheet.rows) ws.addRow(row.map(cellOf)).commit();
    ws.commit();
  }
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}
