import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, campaignBodies, flags, reports, responses } from '../src/db/schema/index.js';
import { addUser, bearer, createTestApp, login, seedProvinceCampaign, type TestApp } from './helpers/app.js';
import { insertResponses, type ResponseSeed } from './helpers/responses.js';
import { seedSubmittedList } from './helpers/seed.js';

let t: TestApp;
let admin: string;
let officer: string;
const C = '2023-tinh';
const T0 = Date.parse('2023-12-20T02:00:00Z');
const MIN = 60_000;
const questions = Array.from({ length: 27 }, (_, i) => `q${String(i + 1).padStart(2, '0')}`);

/** An honest body: people on many devices across three weeks, varied answers and pace. */
function honest(body: string, n: number, seed: number): ResponseSeed[] {
  let s = seed;
  const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  return Array.from({ length: n }, (_, i) => ({
    submittedAt: new Date(T0 + Math.floor(rand() * 20) * 86_400_000 + Math.floor(rand() * 9 * 60) * MIN),
    answers: { [body]: Object.fromEntries(questions.map((q) => [q, 'ABCDK'[Math.floor(rand() * rand() * 5)]!])) },
    secondsSpent: Math.round(700 * Math.exp((rand() - 0.5) * 0.9)),
    ipHash: rand() < 0.6 ? `office-${body}` : `home-${body}-${i}`,
    netHash: `net-${body}`,
    uaHash: `ua-${Math.floor(rand() * 12)}`,
    devicesSeen: 1,
  }));
}

/** Nine forms typed in on one PC within forty minutes, all alike and rushed. */
const planted = (body: string): ResponseSeed[] =>
  Array.from({ length: 9 }, (_, i) => ({
    submittedAt: new Date(T0 + 5 * 86_400_000 + i * 5 * MIN),
    answers: { [body]: Object.fromEntries(questions.map((q) => [q, 'A'])) },
    secondsSpent: 80,
    ipHash: 'pc-van-thu',
    netHash: `net-${body}`,
    uaHash: 'ua-pc',
    devicesSeen: 1,
  }));

let plantedIds: string[];

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { bodies: ['01', '22'] });
  await addUser(t, 'moha', 'admin');
  await addUser(t, 'qn', 'body', '22');
  admin = await login(t.app, 'moha');
  officer = await login(t.app, 'qn');
  await insertResponses(t.db, C, '01', honest('01', 150, 1));
  await insertResponses(t.db, C, '22', honest('22', 150, 2));
  plantedIds = await insertResponses(t.db, C, '22', planted('22'));
});
afterAll(() => t?.close());

const api = (method: 'GET' | 'POST', url: string, token: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: bearer(token), ...(payload !== undefined ? { payload: payload as object } : {}) });

describe('interference run', () => {
  it('flags the planted patterns of one body and leaves the honest body alone', async () => {
    const run = await api('POST', `/api/v1/campaigns/${C}/integrity/run`, admin, {});
    expect(run.statusCode).toBe(200);
    expect(run.json()).toMatchObject({ bodies: 2, responses: 309 });
    const list = (await api('GET', `/api/v1/campaigns/${C}/flags`, admin)).json();
    const rules = new Set(list.flags.map((f: { rule: string }) => f.rule));
    expect(rules).toEqual(new Set(['speeders', 'straight_lining']));
    expect(list.flags.every((f: { bodyCode: string }) => f.bodyCode === '22')).toBe(true);
    for (const rule of ['speeders', 'straight_lining']) {
      const flag = list.flags.find((f: { rule: string }) => f.rule === rule);
      expect(flag.evidence.responseIds).toEqual([...plantedIds].sort());
      expect(flag.evidence).toMatchObject({ count: 9, probability: expect.any(Number), honest: expect.any(String) });
    }
    expect(JSON.stringify(list)).not.toMatch(/@|gov\.vn|Giám đốc/);
  });

  it('gives the same flags for the same data, without duplicates', async () => {
    const before = (await api('GET', `/api/v1/campaigns/${C}/flags`, admin)).json();
    await t.services.integrity.run({ campaignId: C });
    const after = (await api('GET', `/api/v1/campaigns/${C}/flags`, admin)).json();
    expect(after.flags.map((f: { id: string; fingerprint: string }) => [f.id, f.fingerprint])).toEqual(before.flags.map((f: { id: string; fingerprint: string }) => [f.id, f.fingerprint]));
  });

  it('re-evaluates only bodies whose data changed', async () => {
    const svc = t.services.integrity;
    await svc.run({ campaignId: C });
    expect(await svc.runChanged({ campaignId: C })).toMatchObject({ bodies: 0 });
    // One report is enough to put the body on the review list, with the respondent's words.
    await t.db.insert(reports).values([{ campaignId: C, bodyCode: '01', kind: 'pressured', message: 'Trưởng phòng bảo cả phòng chọn A.' }]);
    expect(await svc.runChanged({ campaignId: C })).toMatchObject({ bodies: 1, responses: 150 });
    const list = await svc.listFlags(C, { body: '01', limit: 10, offset: 0 });
    expect(list.flags.map((f) => f.rule)).toEqual(['reports']);
    expect(list.flags[0]!.evidence).toMatchObject({ count: 1, byKind: { pressured: 1 }, messages: [{ kind: 'pressured', message: 'Trưởng phòng bảo cả phòng chọn A.' }] });
  });

  it('flags a submitted list padded with private mailboxes and short of delegates', async () => {
    await seedSubmittedList(t, C, '01', [
      ...Array.from({ length: 20 }, (_, i) => ({ email: `db${i}@hanoi.gov.vn`, group: 'hdnd' })),
      ...Array.from({ length: 6 }, (_, i) => ({ email: `nguoi${i}@gmail.com`, group: 'lanh_dao_so' })),
    ]);
    await t.services.integrity.runChanged({ campaignId: C });
    const list = await t.services.integrity.listFlags(C, { body: '01', rule: 'suspicious_list', limit: 10, offset: 0 });
    expect(list.flags.map((f) => f.fingerprint).sort()).toEqual(['suspicious_list:01:outside_domains', 'suspicious_list:01:small_group']);
    const outside = list.flags.find((f) => f.fingerprint.endsWith('outside_domains'))!;
    expect(outside.evidence).toMatchObject({ count: 6, domains: { 'gmail.com': 6 } });
    expect(JSON.stringify(outside.evidence)).not.toContain('nguoi');
  });

  it('filters flags and shows one with its evidence', async () => {
    const high = (await api('GET', `/api/v1/campaigns/${C}/flags?rule=speeders&body=22`, admin)).json();
    expect(high.total).toBe(1);
    const one = await api('GET', `/api/v1/campaigns/${C}/flags/${high.flags[0].id}`, admin);
    expect(one.statusCode).toBe(200);
    expect(one.json().evidence.summary).toContain('9 phiếu');
    expect((await api('GET', `/api/v1/campaigns/${C}/flags/00000000-0000-4000-8000-000000000000`, admin)).statusCode).toBe(404);
    expect((await api('GET', `/api/v1/campaigns/khong-co/flags`, admin)).statusCode).toBe(404);
    // Filters left at "Tất cả" arrive empty and mean no filter.
    const all = await api('GET', `/api/v1/campaigns/${C}/flags?status=&rule=&severity=&body=`, admin);
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBeGreaterThanOrEqual(2);
  });
});

describe('review decisions', () => {
  const flagOf = async (rule: string) => (await t.services.integrity.listFlags(C, { rule: rule as never, body: '22', limit: 5, offset: 0 })).flags[0]!;

  it('voids only the responses in the evidence, audited, and restores them on reopening', async () => {
    const flag = await flagOf('speeders');
    const res = await api('POST', `/api/v1/campaigns/${C}/flags/${flag.id}/decision`, admin, { decision: 'void_responses', reason: 'Văn thư nhập hộ phiếu' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ voidedResponses: 9, bodyVoided: false, flag: { status: 'confirmed', decision: 'void_responses', decidedBy: 'moha' } });
    const voided = await t.db.select({ id: responses.id }).from(responses).where(sql`${responses.voidedAt} is not null`);
    expect(voided.map((r) => r.id).sort()).toEqual([...plantedIds].sort());
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'flag.confirm'));
    expect(entry).toMatchObject({ actor: 'moha', bodyCode: '22', details: expect.objectContaining({ flagId: flag.id, voidedResponses: 9, reason: 'Văn thư nhập hộ phiếu' }) });

    expect((await api('POST', `/api/v1/campaigns/${C}/flags/${flag.id}/decision`, admin, { decision: 'dismiss', reason: 'lại' })).statusCode).toBe(409);
    const reopened = await api('POST', `/api/v1/campaigns/${C}/flags/${flag.id}/reopen`, admin, { reason: 'Xem xét lại' });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({ restoredResponses: 9, flag: { status: 'open', decision: null } });
    expect(await t.db.$count(responses, sql`${responses.voidedAt} is not null`)).toBe(0);
  });

  it('keeps a decided flag as decided when the rules run again', async () => {
    const flag = await flagOf('speeders');
    await api('POST', `/api/v1/campaigns/${C}/flags/${flag.id}/decision`, admin, { decision: 'dismiss', reason: 'Người dùng thành thạo' });
    await t.services.integrity.run({ campaignId: C });
    expect(await t.services.integrity.getFlag(C, flag.id)).toMatchObject({ status: 'dismissed', decisionReason: 'Người dùng thành thạo' });
  });

  it('refuses a decision without a reason, leaving everything as it was', async () => {
    const flag = await flagOf('straight_lining');
    const res = await api('POST', `/api/v1/campaigns/${C}/flags/${flag.id}/decision`, admin, { decision: 'void_body', reason: '' });
    expect(res.statusCode).toBe(400);
    expect((await t.services.integrity.getFlag(C, flag.id)).status).toBe('open');
  });

  it("voids the whole body's result, which the body then sees, but never the flags", async () => {
    const flag = await flagOf('straight_lining');
    const res = await api('POST', `/api/v1/campaigns/${C}/flags/${flag.id}/decision`, admin, { decision: 'void_body', reason: 'Phiếu bị điền sẵn theo mẫu' });
    expect(res.json()).toMatchObject({ bodyVoided: true, voidedResponses: 159 });
    const [body] = await t.db.select().from(campaignBodies).where(and(eq(campaignBodies.campaignId, C), eq(campaignBodies.code, '22')));
    expect(body!.voidedAt).not.toBeNull();
    const mine = (await api('GET', `/api/v1/campaigns/${C}/bodies/22`, officer)).json();
    expect(mine.voided).toBe(true);
    expect(JSON.stringify(mine)).not.toContain('flag');
  });
});

describe('access', () => {
  it.each([
    ['GET', `/api/v1/campaigns/${C}/flags`],
    ['GET', `/api/v1/campaigns/${C}/flags/00000000-0000-4000-8000-000000000000`],
    ['POST', `/api/v1/campaigns/${C}/flags/00000000-0000-4000-8000-000000000000/decision`],
    ['POST', `/api/v1/campaigns/${C}/flags/00000000-0000-4000-8000-000000000000/reopen`],
    ['POST', `/api/v1/campaigns/${C}/integrity/run`],
  ] as const)('refuses a body officer %s %s', async (method, url) => {
    const res = await api(method, url, officer, method === 'POST' ? { decision: 'dismiss', reason: 'thử' } : undefined);
    expect(res.statusCode).toBe(403);
  });

  it('refuses anyone not logged in', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${C}/flags` })).statusCode).toBe(401);
  });

  it('never leaks a flag of one campaign through another', async () => {
    await seedProvinceCampaign(t, { id: 'khac', bodies: ['01'] });
    const [any] = await t.db.select({ id: flags.id }).from(flags).limit(1);
    expect((await api('GET', `/api/v1/campaigns/khac/flags/${any!.id}`, admin)).statusCode).toBe(404);
  });
});
