import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toXlsx } from './xlsx.js';

describe('toXlsx', () => {
  it('writes a workbook Excel reads back with the same cells, formulas kept as text', async () => {
    const buffer = await toXlsx([{ name: 'Tiến độ', header: ['Họ và tên', 'Số'], rows: [['Nguyễn Văn A', 3], ['=1+1', null]] }]);
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Tiến độ')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Họ và tên', 'Số']);
    expect(sheet.getCell('A2').value).toBe('Nguyễn Văn A');
    expect(sheet.getCell('B2').value).toBe(3);
    expect(sheet.getCell('A3').value).toBe('=1+1');
    expect(sheet.getCell('A3').formula).toBeUndefined();
  });
});
