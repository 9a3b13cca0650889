// The list template as an Excel workbook: the template's columns on the first
// sheet, a dropdown of the campaign's groups (by their Vietnamese names, which
// the import accepts as well as codes) on the Nhóm column, and a second sheet
// naming each group with its code.
import type ExcelJS from 'exceljs';
import { loadExcel } from '../../csv/excel.js';
import { fields, templateHeaders } from './columns.js';

const ROWS_WITH_DROPDOWN = 5000;
const widths: Record<(typeof fields)[number], number> = { name: 28, email: 34, phone: 16, organisation: 34, position: 22, group: 44 };

export async function templateXlsx(groups: readonly { code: string; name: string }[]): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  const list = wb.addWorksheet('Danh sách', { views: [{ state: 'frozen', ySplit: 1 }] });
  list.columns = fields.map((f) => ({ header: templateHeaders[f], key: f, width: widths[f] }));
  list.getRow(1).font = { bold: true };
  const groupSheet = wb.addWorksheet('Nhóm');
  groupSheet.columns = [
    { header: 'Mã nhóm', key: 'code', width: 18 },
    { header: 'Nhóm đối tượng', key: 'name', width: 70 },
  ];
  groupSheet.getRow(1).font = { bold: true };
  for (const g of groups) groupSheet.addRow({ code: g.code, name: g.name });
  const column = fields.indexOf('group') + 1;
  const letter = list.getColumn(column).letter;
  const validation: ExcelJS.DataValidation = {
    type: 'list',
    allowBlank: true,
    formulae: [`'Nhóm'!$B$2:$B$${groups.length + 1}`],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: 'Nhóm đối tượng',
    error: 'Hãy chọn một nhóm trong danh sách (xem trang "Nhóm").',
  };
  (list as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}${ROWS_WITH_DROPDOWN}`, validation);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
