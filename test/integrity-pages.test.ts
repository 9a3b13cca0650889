import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reports, responses } from '../src/db/schema/index.js';
import { integrityJob } from '../src/modules/integrity/integrity.job.js';
import { addUser, createTestApp, seedProvinceCampaign, type TestApp } from './helpers/app.js';
import { csrfFrom, pageLogin, type Browser } from './helpers/pages.js';
import { insertResponses } from './helpers/responses.js';

let t: TestApp;
let moha: Browser;
let officer: Browser;
const C = '2023-tinh';
const T0 = Date.parse('2023-12-20T02:00:00Z');
const WORDS = 'Trưởng phòng bảo cả phòng chọn A cho mọi câu.';
const voided = () => t.db.$count(responses, sql`${responses.voidedAt} is not null`);

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { bodies: ['01', '22'] });
  await addUser(t, 'moha', 'admin');
  await addUser(t, 'qn', 'body', '22');
  const sheet = (i: number) => ({ q01: 'ABCD'[i % 4]!, q02: 'BCDA'[(i * 7) % 4]! });
  await insertResponses(t.db, C, '01', Array.from({ length: 40 }, (_, i) => ({ submittedAt: new Date(T0 + i * 3_600_000), answers: { '01': sheet(i) }, secondsSpent: 600 + i * 5, ipHash: 'van-phong', uaHash: 'chrome', netHash: 'mang' })));
  // Seven forms clicked through in a minute of activity each, and one respondent's report.
  await insertResponses(t.db, C, '22', Array.from({ length: 7 }, (_, i) => ({ submittedAt: new Date(T0 + i * 6 * 60_000), answers: { '22': sheet(i) }, secondsSpent: 60, ipHash: 'may-tinh-van-thu', uaHash: 'trinh-duyet', netHash: 'mang' })));
  await t.db.insert(reports).values({ campaignId: C, bodyCode: '22', kind: 'pressured', message: WORDS });
  moha = await pageLogin(t.app, 'moha');
  officer = await pageLogin(t.app, 'qn');
});
afterAll(() => t?.close());

const flagId = (body: string, rule: string) => body.match(new RegExp(`id="flag-([0-9a-f-]{36})" data-rule="${rule}"`))![1]!;

describe('interference review page', () => {
  it('is filled by the background job as responses arrive', async () => {
    await integrityJob(t.services, 1000).run(new AbortController().signal);
    const list = await t.services.integrity.listFlags(C, { limit: 10, offset: 0 });
    expect(list.flags.map((f) => f.rule).sort()).toEqual(['reports', 'speeders']);
  });

  it('reads as sentences with Vietnamese names and numbers, and shows the respondent\'s words', async () => {
    const page = await moha.get(`/admin/campaigns/${C}/flags`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Tỉnh Quảng Ninh · Trả lời quá nhanh');
    expect(page.body).toContain('Điều đã thấy:</b> 7 trên 7 phiếu được làm trong chưa đến 25%');
    expect(page.body).toContain('Nếu mọi người trả lời trung thực:</b>');
    expect(page.body).toMatch(/Xác suất nếu trung thực<\/dt><dd>1 trên (hơn một nghìn tỷ|[\d,]+ (nghìn|triệu|tỷ))/);
    expect(page.body).toContain(`<blockquote>${WORDS}</blockquote>`);
    expect(page.body).toContain('Báo cáo: bị ép trả lời theo một cách');
    expect(page.body).toMatch(/Thời gian trung vị của nhóm \(giây\)<\/dt><dd>Đại biểu/);
    expect(page.body).not.toMatch(/phieu-hdnd|pressured:|\b0\.\d/);
  });

  it.each([
    ['the page', `/admin/campaigns/${C}/flags?status=open&severity=&rule=`],
    ['the page, every filter at "Tất cả"', `/admin/campaigns/${C}/flags?status=all&severity=&rule=`],
  ])('answers filters left at "Tất cả" on %s', async (_, url) => {
    const page = await moha.get(url);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Trả lời quá nhanh');
  });

  it('asks once, saying what will happen, before voiding; then voids', async () => {
    const page = await moha.get(`/admin/campaigns/${C}/flags`);
    const id = flagId(page.body, 'speeders');
    const form = { _csrf: csrfFrom(page.body), decision: 'void_responses', reason: 'Văn thư nhập hộ' };
    const ask = await moha.post(`/admin/campaigns/${C}/flags/${id}/decision`, form);
    expect(ask.status).toBe(200);
    expect(ask.body).toContain('Hủy 7 phiếu trong bằng chứng của Tỉnh Quảng Ninh');
    expect(ask.body).toContain('name="confirm" value="1"');
    expect(await voided()).toBe(0);
    const res = await moha.post(`/admin/campaigns/${C}/flags/${id}/decision`, { ...form, _csrf: csrfFrom(ask.body), confirm: '1' });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/admin/campaigns/${C}/flags?done=decided`);
    expect(await voided()).toBe(7);
    const decided = await moha.get(`/admin/campaigns/${C}/flags?status=confirmed`);
    expect(decided.body).toContain('Hủy các phiếu trong bằng chứng — Văn thư nhập hộ (moha');
  });

  it('reopens a decided flag from its button, after saying it restores the voided answers', async () => {
    const page = await moha.get(`/admin/campaigns/${C}/flags?status=confirmed`);
    const id = flagId(page.body, 'speeders');
    expect(page.body).toContain('Mở lại cảnh báo');
    const ask = await moha.post(`/admin/campaigns/${C}/flags/${id}/reopen`, { _csrf: csrfFrom(page.body), reason: 'Xem xét lại' });
    expect(ask.body).toContain('các phiếu đã bị hủy theo quyết định đó được khôi phục');
    expect(await voided()).toBe(7);
    const res = await moha.post(`/admin/campaigns/${C}/flags/${id}/reopen`, { _csrf: csrfFrom(ask.body), reason: 'Xem xét lại', confirm: '1' });
    expect(res.location).toBe(`/admin/campaigns/${C}/flags?done=reopened`);
    expect(await voided()).toBe(0);
    expect((await t.services.integrity.getFlag(C, id)).status).toBe('open');
  });

  it('dismisses without a confirmation step, and shows the reason a decision was refused', async () => {
    const page = await moha.get(`/admin/campaigns/${C}/flags`);
    const id = flagId(page.body, 'reports');
    const refused = await moha.post(`/admin/campaigns/${C}/flags/${id}/decision`, { _csrf: csrfFrom(page.body), decision: 'dismiss', reason: '' });
    expect(refused.status).toBe(422);
    expect(refused.body).toContain('cần nêu lý do');
    const res = await moha.post(`/admin/campaigns/${C}/flags/${id}/decision`, { _csrf: csrfFrom(page.body), decision: 'dismiss', reason: 'Đã gọi điện xác minh' });
    expect(res.status).toBe(303);
  });

  it('refuses a form posted without its CSRF token', async () => {
    const page = await moha.get(`/admin/campaigns/${C}/flags`);
    const id = flagId(page.body, 'speeders');
    expect((await moha.post(`/admin/campaigns/${C}/flags/${id}/decision`, { decision: 'dismiss', reason: 'không có token' })).status).toBe(403);
  });

  it('is closed to body officers', async () => {
    expect((await officer.get(`/admin/campaigns/${C}/flags`)).status).toBe(403);
    expect((await officer.post(`/admin/campaigns/${C}/flags/00000000-0000-4000-8000-000000000000/reopen`, { reason: 'thử' })).status).toBe(403);
    const own = await officer.get(`/c/${C}/b/22`);
    expect(own.body).not.toContain('may-tinh');
  });
});
