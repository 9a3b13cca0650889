import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/db/schema/index.js';
import { presetsDir } from '../src/presets/index.js';
import { addUser, createTestApp, type TestApp } from './helpers/app.js';
import { multipart } from './helpers/multipart.js';
import { csrfFrom, pageLogin, type Browser } from './helpers/pages.js';
import { insertUniformResponses } from './helpers/responses.js';

let t: TestApp;
let moha: Browser;

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t, 'moha', 'admin');
  await addUser(t, 'qn', 'body', '22');
  moha = await pageLogin(t.app, 'moha');
}, 120_000);
afterAll(() => t?.close());

/** Posts a multipart form from the logged-in MOHA page session. */
async function upload(fields: Record<string, string>, file?: { name: string; bytes: Buffer; type?: string }) {
  const page = await moha.get('/admin/campaigns/new');
  const body = multipart({ _csrf: csrfFrom(page.body), ...fields }, file);
  return t.app.inject({ method: 'POST', url: '/admin/campaigns', headers: { ...body.headers, cookie: moha.cookie }, payload: body.payload });
}

describe('creating a campaign from the pages', () => {
  it('offers the presets with their notice that questions and points are illustrative', async () => {
    const page = await moha.get('/admin/campaigns/new');
    expect(page.status).toBe(200);
    expect(page.body).toContain('data-testid="notice-2023-ministry"');
    expect(page.body).toContain('minh họa');
    expect(page.body).toContain('29/QĐ-BNV');
    expect(page.body).toContain('7156/BNV-CCHC');
    const sheet = await t.app.inject({ method: 'GET', url: '/admin/presets/2023-ministry.xlsx', headers: { cookie: moha.cookie } });
    expect(sheet.statusCode).toBe(200);
    expect(sheet.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('creates one from a preset', async () => {
    const res = await upload({ source: '2023-province', id: 'tinh-trang', bodies: '01, 22', listDeadline: '15/12/2023', responseDeadline: '10/01/2024' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/c/tinh-trang/national');
    expect((await t.services.campaigns.get('tinh-trang')).bodies).toBe(2);
  });

  it('creates one from an uploaded questionnaire spreadsheet, and scores it: spreadsheet → campaign → export', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(presetsDir, '2023-province.xlsx')) as unknown as ArrayBuffer);
    wb.getWorksheet('Câu hỏi')!.getRow(2).getCell(5).value = 'Câu hỏi của quyết định mới';
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload({ source: 'file', id: 'tu-bang-tinh', bodies: '22', listDeadline: '15/12/2023', responseDeadline: '10/01/2024' }, { name: 'phieu.xlsx', bytes, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(res.statusCode).toBe(303);
    const config = await t.services.campaigns.config('tu-bang-tinh');
    expect(config.forms[0]!.sections[0]!.questions[0]!.text).toBe('Câu hỏi của quyết định mới');
    expect(config.sources?.groups.document).toContain('7156/BNV-CCHC');
    await insertUniformResponses(t, config, { campaignId: 'tu-bang-tinh', bodyCode: '22', groupCode: 'hdnd', option: 'A', count: 5 });
    await insertUniformResponses(t, config, { campaignId: 'tu-bang-tinh', bodyCode: '22', groupCode: 'lanh_dao_so', option: 'D', count: 5 });
    const table = await moha.get('/c/tu-bang-tinh/scores');
    expect(table.body).toMatch(/data-testid="points">18,50</);
  });

  it('keeps what was typed and says which sheet and row to fix', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(presetsDir, '2023-province.xlsx')) as unknown as ArrayBuffer);
    wb.getWorksheet('Tiêu chí')!.getRow(4).getCell(4).value = 'nhiều';
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload({ source: 'file', id: 'sai-bang-tinh', name: 'Đợt thử' }, { name: 'phieu.xlsx', bytes });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('trang &quot;Tiêu chí&quot;, dòng 4');
    expect(res.body).toContain('value="sai-bang-tinh"');
    const junk = await upload({ source: 'file', id: 'rac' }, { name: 'x.json', bytes: Buffer.from('{"id": 1') });
    expect(junk.statusCode).toBe(422);
    expect(junk.body).toContain('không phải JSON hợp lệ');
    expect((await upload({ id: 'khong-chon' })).statusCode).toBe(422);
  });

  it('is for MOHA only', async () => {
    const qn = await pageLogin(t.app, 'qn');
    expect((await qn.get('/admin/campaigns/new')).status).toBe(403);
  });
});

describe('national scores table, seal and publish from the pages', () => {
  it('shows the scores as tạm tính, sortable, with chưa đủ phiếu rather than zero', async () => {
    const page = await moha.get('/c/tinh-trang/scores?sort=points&order=desc');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Tạm tính — chưa niêm phong');
    expect(page.body).toContain('chưa đủ phiếu');
    expect(page.body).toContain('aria-sort="descending"');
    expect(page.body).toMatch(/data-testid="illustrative">.*câu hỏi, bảng điểm, trọng số phương án/);
    const bad = await moha.get('/c/tinh-trang/scores?sort=drop&order=x');
    expect(bad.status).toBe(200);
  });

  it('downloads the table as CSV and Excel with status and version', async () => {
    const csv = await t.app.inject({ method: 'GET', url: '/c/tu-bang-tinh/scores.csv', headers: { cookie: moha.cookie } });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.startsWith('\ufeffMã,Đơn vị,Trạng thái,Số phiếu,Điểm')).toBe(true);
    expect(csv.body).toContain('22,Tỉnh Quảng Ninh,Đã tính điểm,10,18.5,38.5,48.05,0,Tạm tính — chưa niêm phong,');
    const xlsx = await t.app.inject({ method: 'GET', url: '/c/tu-bang-tinh/scores.xlsx', headers: { cookie: moha.cookie } });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const row = wb.worksheets[0]!.getRow(2).values as unknown[];
    expect(row.slice(1, 8)).toEqual(['22', 'Tỉnh Quảng Ninh', 'Đã tính điểm', 10, 18.5, 38.5, 48.05]);
  });

  it('says what sealing does before doing it, and does it only once confirmed', async () => {
    const confirm = await moha.get('/c/tinh-trang/scores/seal');
    expect(confirm.status).toBe(200);
    expect(confirm.body).toContain('phiên bản 1');
    expect(confirm.body).toContain('bị từ chối cho đến khi mở niêm phong');
    const csrf = csrfFrom(confirm.body);
    const unconfirmed = await moha.post('/c/tinh-trang/scores/seal', { _csrf: csrf });
    expect(unconfirmed.status).toBe(422);
    expect(await t.services.scoring.versions('tinh-trang')).toHaveLength(0);
    const done = await moha.post('/c/tinh-trang/scores/seal', { _csrf: csrf, confirm: 'yes' });
    expect(done.status).toBe(303);
    const page = await moha.get('/c/tinh-trang/scores?done=seal');
    expect(page.body).toContain('Đã niêm phong điểm');
    expect(page.body).toContain('Tạm tính — đã niêm phong phiên bản 1, chưa công bố');
  });

  it('publishes once confirmed, then unseals only with a reason, audited', async () => {
    const confirm = await moha.get('/c/tinh-trang/scores/publish');
    expect(confirm.body).toContain('Không thể rút lại');
    expect((await moha.post('/c/tinh-trang/scores/publish', { _csrf: csrfFrom(confirm.body), confirm: 'yes' })).status).toBe(303);
    expect((await moha.get('/c/tinh-trang/scores')).body).toContain('Đã công bố (phiên bản 1)');
    const unseal = await moha.get('/c/tinh-trang/scores/unseal');
    expect(unseal.body).toContain('Lý do mở niêm phong');
    const refused = await moha.post('/c/tinh-trang/scores/unseal', { _csrf: csrfFrom(unseal.body), confirm: 'yes', reason: '' });
    expect(refused.status).toBe(422);
    expect(refused.body).toContain('lý do');
    const ok = await moha.post('/c/tinh-trang/scores/unseal', { _csrf: csrfFrom(unseal.body), confirm: 'yes', reason: 'Quyết định số 12/QĐ-BNV hủy phiếu' });
    expect(ok.status).toBe(303);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'scores.unseal'));
    expect(entry).toMatchObject({ actor: 'moha', details: { reason: 'Quyết định số 12/QĐ-BNV hủy phiếu', version: 1 } });
    const again = await moha.get('/c/tinh-trang/scores');
    expect(again.body).toContain('Quyết định số 12/QĐ-BNV hủy phiếu');
  });

  it('keeps the scores pages from bodies', async () => {
    const qn = await pageLogin(t.app, 'qn');
    expect((await qn.get('/c/tinh-trang/scores')).status).toBe(403);
    expect((await qn.get('/c/tinh-trang/scores/seal')).status).toBe(403);
  });
});
