import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responses } from '../src/db/schema/index.js';
import { integrityJob } from '../src/modules/integrity/integrity.job.js';
import { addUser, createTestApp, seedProvinceCampaign, type TestApp } from './helpers/app.js';
import { csrfFrom, pageLogin, type Browser } from './helpers/pages.js';
import { insertResponses } from './helpers/responses.js';

let t: TestApp;
let moha: Browser;
let officer: Browser;
const C = '2023-tinh';
const T0 = Date.parse('2023-12-20T02:00:00Z');

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { bodies: ['01', '22'] });
  await addUser(t, 'moha', 'admin');
  await addUser(t, 'qn', 'body', '22');
  await insertResponses(
    t.db,
    C,
    '22',
    Array.from({ length: 7 }, (_, i) => ({ submittedAt: new Date(T0 + i * 6 * 60_000), answers: { '22': { q01: String.fromCharCode(65 + (i % 4)) } }, secondsSpent: 650, ipHash: 'may-tinh-van-thu', uaHash: 'trinh-duyet', netHash: 'mang' })),
  );
  moha = await pageLogin(t.app, 'moha');
  officer = await pageLogin(t.app, 'qn');
});
afterAll(() => t?.close());

describe('interference review page', () => {
  it('is filled by the background job as responses arrive', async () => {
    const job = integrityJob(t.services, 1000);
    await job.run(new AbortController().signal);
    expect((await t.services.integrity.listFlags(C, { limit: 10, offset: 0 })).total).toBe(1);
  });

  it('lists flags by body and severity with their evidence', async () => {
    const page = await moha.get(`/admin/campaigns/${C}/flags`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Tỉnh Quảng Ninh (22)');
    expect(page.body).toContain('Nhiều phiếu từ một thiết bị');
    expect(page.body).toContain('7 phiếu gửi từ cùng một thiết bị');
    expect(page.body).toContain('may-tinh·trinh-du');
    expect(page.body).toContain('name="_csrf"');
  });

  it('records a decision from the form and shows it', async () => {
    const page = await moha.get(`/admin/campaigns/${C}/flags`);
    const id = page.body.match(/flags\/([0-9a-f-]{36})\/decision/)![1]!;
    const res = await moha.post(`/admin/campaigns/${C}/flags/${id}/decision`, { _csrf: csrfFrom(page.body), decision: 'void_responses', reason: 'Văn thư nhập hộ' });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/admin/campaigns/${C}/flags?done=decided`);
    expect(await t.db.$count(responses, sql`${responses.voidedAt} is not null`)).toBe(7);
    const decided = await moha.get(`/admin/campaigns/${C}/flags?status=confirmed`);
    expect(decided.body).toContain('Hủy các phiếu trong bằng chứng — Văn thư nhập hộ (moha');
  });

  it('shows the reason a decision was refused', async () => {
    await t.services.integrity.reopen(C, (await t.services.integrity.listFlags(C, { limit: 1, offset: 0 })).flags[0]!.id, { reason: 'xem lại' }, 'moha');
    const page = await moha.get(`/admin/campaigns/${C}/flags`);
    const id = page.body.match(/flags\/([0-9a-f-]{36})\/decision/)![1]!;
    const res = await moha.post(`/admin/campaigns/${C}/flags/${id}/decision`, { _csrf: csrfFrom(page.body), decision: 'dismiss', reason: '' });
    expect(res.status).toBe(422);
    expect(res.body).toContain('cần nêu lý do');
  });

  it('refuses a form posted without its CSRF token', async () => {
    const page = await moha.get(`/admin/campaigns/${C}/flags`);
    const id = page.body.match(/flags\/([0-9a-f-]{36})\/decision/)![1]!;
    expect((await moha.post(`/admin/campaigns/${C}/flags/${id}/decision`, { decision: 'dismiss', reason: 'không có token' })).status).toBe(403);
  });

  it('is closed to body officers', async () => {
    expect((await officer.get(`/admin/campaigns/${C}/flags`)).status).toBe(403);
    const own = await officer.get(`/c/${C}/b/22`);
    expect(own.body).not.toContain('may-tinh');
  });
});
