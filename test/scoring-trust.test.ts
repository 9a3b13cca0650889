import { and, eq, sql } from 'drizzle-orm';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../src/app.js';
import { auditLog, campaignBodies, flags, responses } from '../src/db/schema/index.js';
import { scoreExportSchema } from '../src/modules/scoring/scoring.schemas.js';
import { addUser, bearer, createTestApp, login, seedProvinceCampaign, type TestApp } from './helpers/app.js';
import { pageLogin } from './helpers/pages.js';
import { insertUniformResponses } from './helpers/responses.js';

let t: TestApp;
let moha = '';

// Campaign "tin" (2023 province preset, minimum 5 valid per group), closed:
//   Quảng Ninh (22): 6 delegates answer A, 5 department heads answer D → 18.50 of 38.5.
//   Hà Nội (01): only 3 delegates answered (below the minimum): nothing is scored.
//   TP. Hồ Chí Minh (79): voided.
beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { id: 'tin', bodies: ['01', '22', '79'], listDeadline: '2023-12-15', responseDeadline: '2024-01-10' });
  const config = await t.services.campaigns.config('tin');
  const add = (bodyCode: string, groupCode: string, option: string, count: number) =>
    insertUniformResponses(t, config, { campaignId: 'tin', bodyCode, groupCode, option, count });
  await add('22', 'hdnd', 'A', 6);
  await add('22', 'lanh_dao_so', 'D', 5);
  await add('01', 'hdnd', 'A', 3);
  await add('79', 'hdnd', 'A', 5);
  await t.db.update(campaignBodies).set({ voidedAt: new Date(), voidReason: 'can thiệp' }).where(and(eq(campaignBodies.campaignId, 'tin'), eq(campaignBodies.code, '79')));
  await addUser(t, 'moha', 'admin');
  await addUser(t, 'qn', 'body', '22');
  moha = await login(t.app, 'moha');
}, 120_000);
afterAll(() => t?.close());

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: bearer(moha) });
const post = (url: string, payload?: object) => t.app.inject({ method: 'POST', url, headers: bearer(moha), ...(payload ? { payload } : {}) });
const csvRows = (text: string) => Papa.parse<string[]>(text.replace(/^\ufeff/, '').split('\r\n\r\n')[1]!.trimEnd(), { newline: '\r\n' }).data;

describe('unscored is never zero', () => {
  it('exports a unit with nothing scored as insufficient, with empty points, in CSV and JSON', async () => {
    const rows = csvRows((await get('/api/v1/campaigns/tin/scores?format=csv')).body);
    const header = rows[0]!;
    const col = (name: string) => header.indexOf(name);
    const unit = (code: string) => rows.find((r) => r[0] === 'unit' && r[1] === code)!;
    expect(unit('01')[col('points')]).toBe('');
    expect(unit('01')[col('percentage')]).toBe('');
    expect(unit('01')[col('status')]).toBe('insufficient');
    expect(unit('79')[col('status')]).toBe('voided');
    expect(unit('22')[col('status')]).toBe('scored');
    const subs01 = rows.filter((r) => r[0] === 'sub_criterion' && r[1] === '01');
    expect(subs01.length).toBeGreaterThan(0);
    for (const r of subs01) expect([r[col('points')], r[col('status')]]).toEqual(['', 'insufficient']);
    const belowMinimum = rows.find((r) => r[0] === 'group' && r[1] === '01' && r[5] === 'hdnd')!;
    expect([belowMinimum[col('points')], belowMinimum[col('status')]]).toEqual(['', 'insufficient']);
    const statuses = new Set(rows.slice(1).filter((r) => r[0] !== 'excluded').map((r) => r[col('status')]));
    expect([...statuses].sort()).toEqual(['insufficient', 'scored', 'voided']);
    const doc = scoreExportSchema.parse((await get('/api/v1/campaigns/tin/scores?format=json')).json());
    expect(doc.units.find((u) => u.unitCode === '01')).toMatchObject({ status: 'insufficient', points: null, percentage: null });
  });

  it('says "chưa đủ phiếu" on the body page rather than a zero', async () => {
    const page = await (await pageLogin(t.app, 'moha')).get('/c/tin/b/01/scores');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Chưa đủ phiếu');
    expect(page.body).not.toContain('<b data-testid="points">0,00</b>');
  });
});

describe('reproducible bytes', () => {
  it('gives byte-identical CSV and JSON for the same data', async () => {
    for (const format of ['csv', 'json']) {
      const first = await get(`/api/v1/campaigns/tin/scores?format=${format}`);
      const second = await get(`/api/v1/campaigns/tin/scores?format=${format}`);
      expect(first.statusCode).toBe(200);
      expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    }
  });
});

describe('a seal freezes', () => {
  let sealedTotal = '';

  it('seals and publishes; the body sees the sealed figures', async () => {
    expect((await post('/api/v1/campaigns/tin/scores/seal')).statusCode).toBe(201);
    expect((await post('/api/v1/campaigns/tin/scores/publish')).statusCode).toBe(200);
    const qn = await login(t.app, 'qn');
    const mine = await t.app.inject({ method: 'GET', url: '/api/v1/campaigns/tin/bodies/22/scores', headers: bearer(qn) });
    sealedTotal = mine.json().units[0].points;
    expect(sealedTotal).toBe('18.50');
  });

  it('keeps serving the sealed figures after a restart even if stored answers change', async () => {
    await t.db.execute(sql`update ${responses} set answers = jsonb_set(answers, '{22,q01}', '"A"') where campaign_id = 'tin' and body_code = '22' and group_code = 'lanh_dao_so'`);
    const restarted = createServices({ database: t.database, config: t.config });
    const view = await restarted.scoring.bodyScores('tin', '22', 'body');
    expect(view.units[0]!.points).toBe(sealedTotal);
    const doc = scoreExportSchema.parse((await get('/api/v1/campaigns/tin/scores?format=json')).json());
    expect(doc.units.find((u) => u.unitCode === '22')!.points).toBe(sealedTotal);
  });

  it('refuses to void responses of a sealed campaign', async () => {
    const ids = (await t.db.select({ id: responses.id }).from(responses).where(and(eq(responses.campaignId, 'tin'), eq(responses.bodyCode, '22')))).map((r) => r.id);
    const [flag] = await t.db
      .insert(flags)
      .values({ campaignId: 'tin', bodyCode: '22', rule: 'same_device', severity: 'high', fingerprint: 'trust-1', evidence: { responseIds: ids.slice(0, 2) } })
      .returning();
    const res = await post(`/api/v1/campaigns/tin/flags/${flag!.id}/decision`, { decision: 'void_responses', reason: 'Nhập hộ phiếu' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('campaign_sealed');
    const voided = await t.db.select({ id: responses.id }).from(responses).where(and(eq(responses.campaignId, 'tin'), sql`${responses.voidedAt} is not null`));
    expect(voided).toHaveLength(0);
  });

  it('refuses to undo a void, or to move the response deadline so that a late answer could arrive', async () => {
    const [flag] = await t.db
      .insert(flags)
      .values({ campaignId: 'tin', bodyCode: '79', rule: 'same_device', severity: 'high', fingerprint: 'trust-2', evidence: {}, status: 'confirmed', decision: 'void_body', decisionReason: 'can thiệp', decidedBy: 'moha' })
      .returning();
    const reopen = await post(`/api/v1/campaigns/tin/flags/${flag!.id}/reopen`, { reason: 'Xem xét lại' });
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json().code).toBe('campaign_sealed');
    const late = await t.app.inject({ method: 'PATCH', url: '/api/v1/campaigns/tin/deadlines', headers: bearer(moha), payload: { responseDeadline: '2099-02-10' } });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('campaign_sealed');
  });

  it('after an audited unseal with a reason, a new version shows the affected body old and new figures', async () => {
    expect((await post('/api/v1/campaigns/tin/scores/unseal', { reason: '' })).statusCode).toBe(400);
    const unsealed = await post('/api/v1/campaigns/tin/scores/unseal', { reason: 'Quyết định hủy phiếu nhập hộ của tỉnh Quảng Ninh' });
    expect(unsealed.statusCode).toBe(200);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'scores.unseal'));
    expect(entry).toMatchObject({ campaignId: 'tin', actor: 'moha', details: { reason: 'Quyết định hủy phiếu nhập hộ của tỉnh Quảng Ninh', version: 1 } });
    const resealed = await post('/api/v1/campaigns/tin/scores/seal');
    expect(resealed.statusCode).toBe(201);
    expect(resealed.json().version).toBe(2);
    const page = await (await pageLogin(t.app, 'qn')).get('/c/tin/b/22/scores');
    expect(page.body).toContain('điểm đã được tính lại');
    expect(page.body).toContain('18,50');
    expect(page.body).toContain('phiên bản 2');
  });
});
