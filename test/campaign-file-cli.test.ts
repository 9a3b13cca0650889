import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';

let env: Record<string, string>;
let dir: string;
let database: TestDatabase | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'par-campaign-file-'));
  env = { DATA_DIR: dir };
  if (process.env.TEST_DATABASE_URL) {
    database = await createTestDatabase();
    env.DATABASE_URL = database.url!;
  }
}, 180_000);
afterAll(async () => database?.close());

describe('a campaign from the questionnaire spreadsheet', { timeout: 180_000 }, () => {
  it('goes spreadsheet → campaign file → campaign → export, and exports the same bytes twice', async () => {
    const sheet = join(dir, 'phieu.xlsx');
    expect((await runCli(['campaign', 'template', '--preset', '2023-ministry', '--out', sheet], env)).code).toBe(0);
    // MOHA edits the point table and a question in Excel: 1.1 worth 2.5 instead of 1.5, 1.2 worth 0.5 instead of 1.5.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sheet);
    const points = wb.getWorksheet('Tiêu chí')!;
    points.getRow(2).getCell(4).value = 2.5;
    points.getRow(3).getCell(4).value = 0.5;
    wb.getWorksheet('Câu hỏi')!.getRow(2).getCell(5).value = 'Câu hỏi theo quyết định mới';
    wb.getWorksheet('Thông tin')!.getRow(2).getCell(3).value = 'bo-2024';
    await wb.xlsx.writeFile(sheet);

    const json = join(dir, 'dot.json');
    const converted = await runCli(['campaign', 'convert', '--from', sheet, '--out', json], env);
    expect(converted.stderr).toBe('');
    const file = JSON.parse(readFileSync(json, 'utf8'));
    expect(file).toMatchObject({ format: 'par-survey campaign v1', id: 'bo-2024', sources: { groups: { document: expect.stringContaining('7156/BNV-CCHC') } } });
    expect(file.campaign.forms[0].sections[0].questions[0].text).toBe('Câu hỏi theo quyết định mới');

    const created = await runCli(['campaign', 'create', '--from', json, '--id', 'bo', '--bodies', 'BTP,BYT', '--list-deadline', '15/12/2023', '--response-deadline', '10/01/2024'], env);
    expect(created.stderr).toBe('');
    const out1 = join(dir, 'a.csv');
    const out2 = join(dir, 'b.csv');
    const first = await runCli(['export', '--campaign', 'bo', '--format', 'csv', '--out', out1], env);
    const second = await runCli(['export', '--campaign', 'bo', '--format', 'csv', '--out', out2], env);
    expect(first.stderr).toBe('');
    const sha = (s: string) => s.match(/SHA-256 của tệp: ([0-9a-f]{64})/)![1];
    expect(sha(second.stdout)).toBe(sha(first.stdout));
    expect(readFileSync(out2).equals(readFileSync(out1))).toBe(true);
    const rows = Papa.parse<string[]>(readFileSync(out1, 'utf8').split('\r\n\r\n')[1]!.trimEnd(), { newline: '\r\n' }).data;
    const sub = rows.find((r) => r[0] === 'sub_criterion' && r[1] === 'BTP' && r[3] === '1.1')!;
    expect([sub[10], sub[11], sub[13]]).toEqual(['2.5', '', 'insufficient']);
  });

  it('explains a spreadsheet mistake by sheet and row', async () => {
    const sheet = join(dir, 'sai.xlsx');
    await runCli(['campaign', 'template', '--preset', '2023-province', '--out', sheet], env);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sheet);
    wb.getWorksheet('Thông tin')!.getRow(14).getCell(3).value = 3;
    await wb.xlsx.writeFile(sheet);
    const res = await runCli(['campaign', 'convert', '--from', sheet, '--out', join(dir, 'sai.json')], env);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/trang "Thông tin", dòng 14/);
    expect(res.stderr).toMatch(/không được dưới 5 phiếu/);
    writeFileSync(join(dir, 'hong.json'), '{"id": 1}');
    const bad = await runCli(['campaign', 'create', '--from', join(dir, 'hong.json'), '--id', 'x'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/không hợp lệ/);
  });
});
