import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvText, encodeAs, header, sampleRows } from './fixtures/roster-files.js';
import { runCli } from './helpers/cli.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';

let env: Record<string, string>;
let dir: string;
let database: TestDatabase | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'par-roster-cli-'));
  env = { DATA_DIR: dir };
  if (process.env.TEST_DATABASE_URL) {
    database = await createTestDatabase();
    env.DATABASE_URL = database.url!;
  }
  const created = await runCli(['campaign', 'create', '--preset', '2023-province', '--id', 't', '--list-deadline', '15/12/2099', '--response-deadline', '10/01/2100', '--bodies', '01,22'], env);
  expect(created.code).toBe(0);
});
afterAll(async () => database?.close());

function write(name: string, bytes: Buffer) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

// Each command starts a process and opens the database: slow on a busy machine.
describe('par-survey import and roster', { timeout: 150_000 }, () => {
  it('imports an Excel "Unicode Text" file and prints the report as one JSON object', async () => {
    const path = write('unicode.txt', encodeAs(csvText([header, ...sampleRows], { delimiter: '\t' }), 'utf16le'));
    const res = await runCli(['import', '--campaign', 't', '--body', '22', '--group', 'lanh_dao_so', path, '--json'], env);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ imported: 3, merged: 0, warnings: [], errors: [] });
  });

  it('exits non-zero with line-by-line errors and stores nothing', async () => {
    const path = write('bad.csv', Buffer.from(csvText([['Họ và tên', 'Email', 'Nhóm'], ['A', 'sai-dia-chi', 'hdnd']])));
    const res = await runCli(['import', '--campaign', 't', '--body', '22', path, '--json'], env);
    expect(res.code).toBe(1);
    expect(JSON.parse(res.stdout).errors).toEqual([expect.objectContaining({ line: 2, column: 'Email', code: 'invalid_email' })]);
    const text = await runCli(['import', '--campaign', 't', '--body', '22', path, '--dry-run'], env);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/Dòng 2, cột B \(Email\)/);
  });

  it('prints the list, one JSON object per respondent', async () => {
    const res = await runCli(['roster', '--campaign', 't', '--body', '22', '--json'], env);
    expect(res.code).toBe(0);
    const people = res.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(people).toHaveLength(3);
    expect(people[0]).toEqual({ name: 'Nguyễn Văn Ấn', email: 'nguyen.van.an@quangninh.gov.vn', phone: '0912 345 678', organisation: 'Sở Nội vụ', position: 'Giám đốc', group: 'lanh_dao_so' });
    const table = await runCli(['roster', '--campaign', 't', '--body', '22'], env);
    expect(table.stdout).toMatch(/Lãnh đạo các cơ quan chuyên môn/);
  });

  it('says the campaign is not found when its id is wrong', async () => {
    const path = write('one.csv', Buffer.from(csvText([['Họ và tên', 'Email', 'Nhóm'], ['A', 'a@quangninh.gov.vn', 'hdnd']])));
    const res = await runCli(['import', '--campaign', 'khong-co', '--body', '22', path, '--dry-run'], env);
    expect(res.code).not.toBe(0);
    expect(res.stdout + res.stderr).toMatch(/Không tìm thấy đợt khảo sát/);
    expect(res.stdout + res.stderr).not.toMatch(/đơn vị/);
  });

  it('summarises many warnings by kind and writes them all with --report', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => [`Người Số ${i}`, `nguoi.${i}@gmail.com`, 'lanh_dao_phong']);
    const path = write('many.csv', Buffer.from(csvText([['Họ và tên', 'Email', 'Nhóm'], ...rows])));
    const report = join(dir, 'bao-cao.txt');
    const res = await runCli(['import', '--campaign', 't', '--body', '22', path, '--dry-run', '--report', report], env);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/Cảnh báo 40 dòng cùng loại/);
    expect(res.stdout).toMatch(/… và 37 dòng khác cùng loại/);
    expect(res.stdout.split('\n').length).toBeLessThan(12);
    expect(readFileSync(report, 'utf8').match(/gmail\.com/g)).toHaveLength(40);
  });

  it('imports a chosen sheet of an Excel workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Bìa').getCell('A1').value = 'Danh sách';
    const ws = wb.addWorksheet('HĐND');
    ws.addRow(['Họ và tên', 'Email', 'Nhóm']);
    ws.addRow(['Phạm Minh Đức', 'pham.minh.duc@quangninh.gov.vn', 'Đại biểu HĐND tỉnh']);
    const path = write('ds.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const res = await runCli(['import', '--campaign', 't', '--body', '22', '--sheet', 'HĐND', path, '--dry-run', '--json'], env);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ imported: 1, errors: [] });
  });
});
