// Officers' lists as Excel workbooks: read like a CSV, with Excel row numbers
// in the report; other binaries get one sentence saying what to do.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respondents } from '../src/db/schema/index.js';
import { addUser, bearer, createTestApp, login, seedProvinceCampaign, type TestApp } from './helpers/app.js';
import { multipart } from './helpers/multipart.js';

let t: TestApp;
let qn: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { bodies: ['22'] });
  await addUser(t, 'qn', 'body', '22');
  qn = await login(t.app, 'qn');
});
afterAll(() => t?.close());

function upload(bytes: Buffer, fields: Record<string, string>, name = 'danh-sach.xlsx') {
  const form = multipart(fields, { name, bytes, type: 'application/octet-stream' });
  return t.app.inject({ method: 'POST', url: '/api/v1/campaigns/2023-tinh/bodies/22/imports', headers: { ...bearer(qn), ...form.headers }, payload: form.payload });
}

async function workbook(sheets: Record<string, unknown[][]>) {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, i) => {
      if (row.length) ws.getRow(i + 1).values = row as ExcelJS.CellValue[];
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const head = ['STT', 'Họ và tên', 'Email', 'Số điện thoại', 'Cơ quan/đơn vị', 'Chức vụ', 'Nhóm'];

describe('Excel lists', () => {
  it('imports the first sheet of a workbook: numbers, links and rich text read as shown', async () => {
    const bytes = await workbook({
      'Danh sách': [
        head,
        [1, 'Nguyễn Văn Ấn', { text: 'nguyen.van.an@quangninh.gov.vn', hyperlink: 'mailto:nguyen.van.an@quangninh.gov.vn' }, 912345678, 'Sở Nội vụ', 'Giám đốc', 'hdnd'],
        [],
        [2, { richText: [{ text: 'Trần ' }, { font: { bold: true }, text: 'Thị Bình' }] }, 'tran.thi.binh@quangninh.gov.vn', '0987.654.321', 'Sở Tài chính', 'Phó Giám đốc', 'lanh_dao_so'],
      ],
      Khác: [['Họ và tên', 'Email'], ['Không đọc', 'khong@quangninh.gov.vn']],
    });
    const res = await upload(bytes, { dryRun: 'false' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ imported: 2, errors: [], encoding: 'xlsx' });
    const rows = await t.db.select({ name: respondents.fullName, phone: respondents.phoneNorm, line: respondents.line }).from(respondents).orderBy(respondents.line);
    expect(rows).toEqual([
      { name: 'Nguyễn Văn Ấn', phone: '+84912345678', line: 2 },
      { name: 'Trần Thị Bình', phone: '+84987654321', line: 4 },
    ]);
  });

  it('reports errors by Excel row number, on a sheet chosen by name or number', async () => {
    const bytes = await workbook({
      Bìa: [['Danh sách người được khảo sát']],
      'Lãnh đạo sở': [head, [], [], [1, 'Lê Hoàng Dũng', 'khong-phai-email', '', '', '', 'lanh_dao_so']],
    });
    for (const sheet of ['Lãnh đạo sở', 'lanh dao so', '2']) {
      const res = await upload(bytes, { dryRun: 'true', sheet });
      expect(res.statusCode, sheet).toBe(422);
      expect(res.json().errors).toEqual([expect.objectContaining({ line: 4, column: 'Email', code: 'invalid_email' })]);
      expect(res.json().errors[0].message).toMatch(/^Dòng 4, cột C \(Email\)/);
    }
    const missing = await upload(bytes, { dryRun: 'true', sheet: 'Không có' });
    expect(missing.json().errors).toEqual([expect.objectContaining({ code: 'not_a_list', message: expect.stringContaining('Bìa, Lãnh đạo sở') })]);
  });

  it.each([
    ['an Excel 97-2003 workbook', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2000, 1)]), /\.xls\b/],
    ['a PDF', Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj<<>>endobj\n'.repeat(40), 'latin1'), /PDF/],
    ['an OpenDocument sheet', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from('\u0000'.repeat(26)), Buffer.from('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')]), /\.ods/],
    ['a Word document', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(26), Buffer.from('[Content_Types].xml word/document.xml')]), /Word/],
    ['an image', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 7)]), /ảnh/],
    ['a damaged workbook', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(26), Buffer.from('[Content_Types].xml xl/workbook.xml'), Buffer.alloc(300, 9)]), /Excel/],
  ])('answers %s with one sentence saying what to do', async (_, bytes, what) => {
    const res = await upload(bytes, { dryRun: 'true', group: 'hdnd' });
    expect(res.statusCode).toBe(422);
    const { errors, warnings } = res.json();
    expect(warnings).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'not_a_list', message: expect.stringMatching(what) });
    expect(errors[0].message).toMatch(/Lưu thành|tải lại/);
    expect(errors[0].message).not.toMatch(/PK|[\u0000-\u0008]/);
  });

  it('offers the template as a workbook with a dropdown of the groups, and reads it back with groups written by name', async () => {
    const res = await t.app.inject({ url: '/api/v1/campaigns/2023-tinh/template.xlsx', headers: bearer(qn) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [list, groups] = wb.worksheets;
    expect((list!.getRow(1).values as unknown[]).slice(1)).toEqual(['Họ và tên', 'Email', 'Số điện thoại', 'Cơ quan/đơn vị', 'Chức vụ', 'Nhóm']);
    expect(list!.getCell('F2').dataValidation).toMatchObject({ type: 'list', formulae: ["'Nhóm'!$B$2:$B$5"] });
    expect(groups!.getColumn(2).values.slice(2)).toEqual([
      'Đại biểu Hội đồng nhân dân cấp tỉnh',
      'Lãnh đạo các cơ quan chuyên môn thuộc Ủy ban nhân dân cấp tỉnh',
      'Lãnh đạo các phòng thuộc cơ quan chuyên môn cấp tỉnh',
      'Lãnh đạo Ủy ban nhân dân cấp huyện',
    ]);
    list!.getRow(2).values = ['Phạm Minh Đức', 'pham.minh.duc@quangninh.gov.vn', '', 'HĐND tỉnh', 'Đại biểu', 'Đại biểu HĐND tỉnh'];
    list!.getRow(3).values = ['Vũ Thị Hà', 'vu.thi.ha@quangninh.gov.vn', '', 'UBND huyện Tiên Yên', 'Chủ tịch', 'Lãnh đạo UBND huyện'];
    list!.getRow(4).values = ['Đỗ Thu Trang', 'do.thu.trang@quangninh.gov.vn', '', 'Sở Y tế', 'Giám đốc', 'Lãnh đạo các cơ quan chuyên môn thuộc Ủy ban nhân dân cấp tỉnh'];
    list!.getRow(5).values = ['Hồ Văn E', 'ho.van.e@quangninh.gov.vn', '', '', '', 'Lãnh đạo xã'];
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const report = (await upload(filled, { dryRun: 'true' })).json();
    expect(report.errors).toEqual([expect.objectContaining({ line: 5, code: 'unknown_group' })]);
    expect(report.errors[0].message).toContain('"Đại biểu Hội đồng nhân dân cấp tỉnh" (hdnd)');
    list!.getRow(5).values = [];
    const done = await upload(Buffer.from(await wb.xlsx.writeBuffer()), { dryRun: 'true' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ imported: 3, errors: [] });
  });
});
