import { and, eq, sql } from 'drizzle-orm';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, campaignBodies, responses } from '../src/db/schema/index.js';
import { sealJob } from '../src/modules/scoring/scoring.job.js';
import { scoreExportSchema } from '../src/modules/scoring/scoring.schemas.js';
import { addUser, bearer, createTestApp, login, seedProvinceCampaign, type TestApp } from './helpers/app.js';
import { pageLogin } from './helpers/pages.js';
import { insertUniformResponses } from './helpers/responses.js';
import { seedSubmittedList } from './helpers/seed.js';

let t: TestApp;
const tokens: Record<string, string> = {};

// Campaign "diem" (2023 province preset, 24 sub-criteria, 38.5 points, minimum 5 valid per group), closed:
//   Quảng Ninh (22): 6 HĐND delegates answer A everywhere (S = 1), 5 department heads answer D (S = 0).
//     Each sub-criterion both forms ask: M_k × (1 + 0)/2. Sub-criterion 5.2 (1.5 points) is not on the
//     HĐND form, so it is 1.5 × 0 = 0. Total (38.5 − 1.5)/2 = 18.50 = 48.05 % of 38.5.
//   Hà Nội (01): 3 delegates answer A (under the minimum: reported, not used), 5 department heads answer B
//     (S = 0.6), and 1 voided response: every sub-criterion 0.6 × M_k, total 0.6 × 38.5 = 23.10 = 60.00 %.
//   TP. Hồ Chí Minh (79) is voided: its 5 responses are listed, not used.
beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { id: 'diem', bodies: ['01', '22', '79'], listDeadline: '2023-12-15', responseDeadline: '2024-01-10' });
  await seedProvinceCampaign(t, { id: 'mo', bodies: ['01', '22'] });
  const config = await t.services.campaigns.config('diem');
  await seedSubmittedList(t, 'diem', '22', [
    ...Array.from({ length: 7 }, (_, i) => ({ email: `hdnd${i}@quangninh.gov.vn`, group: 'hdnd' })),
    ...Array.from({ length: 5 }, (_, i) => ({ email: `so${i}@quangninh.gov.vn`, group: 'lanh_dao_so' })),
  ]);
  const add = (bodyCode: string, groupCode: string, option: string, count: number, voided = false) =>
    insertUniformResponses(t, config, { campaignId: 'diem', bodyCode, groupCode, option, count, voided });
  await add('22', 'lanh_dao_so', 'D', 5);
  await add('01', 'hdnd', 'A', 3);
  await add('22', 'hdnd', 'A', 6);
  await add('01', 'lanh_dao_so', 'B', 5);
  await add('01', 'lanh_dao_so', 'A', 1, true);
  await add('79', 'hdnd', 'A', 5);
  await t.db.update(campaignBodies).set({ voidedAt: new Date(), voidReason: 'can thiệp trái quy định' }).where(and(eq(campaignBodies.campaignId, 'diem'), eq(campaignBodies.code, '79')));
  await addUser(t, 'moha', 'admin');
  await addUser(t, 'tinhdiem', 'scoring');
  await addUser(t, 'qn', 'body', '22');
  await addUser(t, 'hn', 'body', '01');
  for (const name of ['moha', 'tinhdiem', 'qn', 'hn']) tokens[name] = await login(t.app, name);
});
afterAll(() => t?.close());

const get = (url: string, who?: string) => t.app.inject({ method: 'GET', url, headers: who ? bearer(tokens[who]!) : {} });
const post = (url: string, who: string) => t.app.inject({ method: 'POST', url, headers: bearer(tokens[who]!) });

describe('score export', () => {
  it('gives the hand-computed scores in JSON that matches the published schema', async () => {
    const res = await get('/api/v1/campaigns/diem/scores?format=json', 'tinhdiem');
    expect(res.statusCode).toBe(200);
    const doc = scoreExportSchema.parse(res.json());
    expect(res.headers['x-input-sha256']).toBe(doc.inputDigest);
    expect(doc.units.map((u) => [u.unitCode, u.status, u.points, u.percentage, u.responded])).toEqual([
      ['01', 'scored', '23.10', '60.00', 8],
      ['22', 'scored', '18.50', '48.05', 11],
      ['79', 'voided', null, null, 0],
    ]);
    const row = (unit: string, k: string, g: string) => doc.groupRows.find((r) => r.unitCode === unit && r.subCriterion === k && r.groupCode === g);
    expect(row('22', '1.1', 'hdnd')).toMatchObject({ invited: 7, responded: 6, valid: 6, meanWeight: '1.0000', maxPoints: '1.5', points: '1.50', status: 'scored' });
    expect(row('22', '1.1', 'lanh_dao_so')).toMatchObject({ invited: 5, responded: 5, valid: 5, meanWeight: '0.0000', points: '0.00', status: 'scored' });
    expect(row('22', '5.2', 'hdnd')).toBeUndefined();
    expect(row('01', '2.1', 'hdnd')).toMatchObject({ responded: 3, valid: 3, meanWeight: '1.0000', points: null, status: 'insufficient', reason: 'below_minimum' });
    expect(row('01', '2.1', 'lanh_dao_phong')).toMatchObject({ responded: 0, valid: 0, points: null, status: 'insufficient', reason: 'no_answers' });
    expect(doc.subCriterionRows.find((s) => s.unitCode === '22' && s.subCriterion === '1.1')).toMatchObject({ points: '0.75', groupsUsed: 2, valid: 11 });
    expect(doc.subCriterionRows.find((s) => s.unitCode === '01' && s.subCriterion === '2.1')).toMatchObject({ points: '1.20', groupsUsed: 1 });
    expect(doc.exclusions).toEqual([
      { bodyCode: '01', groupCode: 'lanh_dao_so', reason: 'voided_response', responses: 1 },
      { bodyCode: '79', groupCode: 'hdnd', reason: 'voided_body', responses: 5 },
    ]);
    expect(doc).toMatchObject({ campaignId: 'diem', schemeVersion: '2023.1', surveyShare: '38.5', responsesUsed: 19, seal: null });
  });

  it('writes RFC 4180 CSV with an optional BOM, the same bytes each time', async () => {
    const first = await get('/api/v1/campaigns/diem/scores?format=csv&bom=1', 'moha');
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toContain('text/csv');
    expect(first.body.startsWith('\ufeffformat,par-survey scores v2\r\n')).toBe(true);
    expect(first.body).toContain('\r\nrecord,unit_code,unit_name,sub_criterion,field,group,n_invited,n_responded,n_valid,mean_weight,max_points,points,percentage,status,reason\r\n');
    expect(first.body).toContain('\r\nunit,22,Tỉnh Quảng Ninh,,,,,11,,,38.50,18.50,48.05,scored,\r\n');
    expect(first.body).toContain('\r\nexcluded,79,,,,hdnd,,5,,,,,,voided,voided_body\r\n');
    expect(first.body).toContain(`input_sha256,${first.headers['x-input-sha256']}\r\n`);
    const table = Papa.parse<string[]>(first.body.split('\r\n\r\n')[1]!.trimEnd(), { newline: '\r\n' });
    expect(table.errors).toEqual([]);
    expect(new Set(table.data.map((row) => row.length))).toEqual(new Set([15]));
    // Two scored units × (24 sub-criteria × 4 groups, less 5.2 absent from the HĐND form); none for the voided one.
    expect(table.data.filter((row) => row[0] === 'group')).toHaveLength(2 * (24 * 4 - 1));
    const second = await get('/api/v1/campaigns/diem/scores?format=csv&bom=1', 'moha');
    expect(second.body).toBe(first.body);
    const json1 = await get('/api/v1/campaigns/diem/scores?format=json', 'moha');
    const json2 = await get('/api/v1/campaigns/diem/scores?format=json', 'moha');
    expect(json2.body).toBe(json1.body);
  });

  it('is for MOHA and the scoring engine only', async () => {
    expect((await get('/api/v1/campaigns/diem/scores', 'qn')).statusCode).toBe(403);
    expect((await get('/api/v1/campaigns/diem/scores')).statusCode).toBe(401);
    expect((await post('/api/v1/campaigns/diem/scores/seal', 'tinhdiem')).statusCode).toBe(403);
    expect((await post('/api/v1/campaigns/diem/scores/verify', 'qn')).statusCode).toBe(403);
    expect((await get('/api/v1/campaigns/nothing/scores', 'moha')).statusCode).toBe(404);
  });

  it('publishes the JSON Schema of the export', async () => {
    const res = await get('/api/v1/scores/schema.json');
    expect(res.statusCode).toBe(200);
    const schema = res.json();
    expect(schema.properties.groupRows.items.required).toContain('meanWeight');
  });
});

describe('seal, verify and publish', () => {
  it('refuses to seal before the response deadline', async () => {
    const res = await post('/api/v1/campaigns/mo/scores/seal', 'moha');
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('deadline_not_passed');
  });

  it('does not let a body see scores before they are published', async () => {
    expect((await get('/api/v1/campaigns/diem/bodies/22/scores', 'qn')).statusCode).toBe(404);
    expect((await post('/api/v1/campaigns/diem/scores/publish', 'moha')).json().code).toBe('not_sealed');
    const page = await (await pageLogin(t.app, 'qn')).get('/c/diem/b/22/scores');
    expect(page.status).toBe(200);
    expect(page.body).toContain('chưa được Bộ Nội vụ công bố');
    expect(page.body).not.toContain('18,50');
  });

  it('seals after the deadline, records the digest in the audit log, and names it in every export', async () => {
    const sealed = await post('/api/v1/campaigns/diem/scores/seal', 'moha');
    expect(sealed.statusCode).toBe(201);
    const { digest } = sealed.json();
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'scores.seal'));
    expect(entry).toMatchObject({ campaignId: 'diem', actor: 'moha', details: { digest, responses: 25 } });
    expect((await post('/api/v1/campaigns/diem/scores/seal', 'moha')).statusCode).toBe(409);
    const doc = (await get('/api/v1/campaigns/diem/scores', 'tinhdiem')).json();
    expect(doc.seal).toMatchObject({ version: 1, digest });
    expect((await post('/api/v1/campaigns/diem/scores/verify', 'tinhdiem')).json()).toMatchObject({ matches: true, sealedDigest: digest, currentDigest: digest });
  });

  it('refuses to move the response deadline of a sealed campaign', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/campaigns/diem/deadlines', headers: bearer(tokens.moha!), payload: { responseDeadline: '2024-02-10' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('campaign_sealed');
  });

  it('publishes; a body then sees its own scores, with figures from fewer than 5 responses hidden', async () => {
    const res = await post('/api/v1/campaigns/diem/scores/publish', 'moha');
    expect(res.statusCode).toBe(200);
    expect((await post('/api/v1/campaigns/diem/scores/publish', 'moha')).statusCode).toBe(409);
    const mine = await get('/api/v1/campaigns/diem/bodies/01/scores', 'hn');
    expect(mine.statusCode).toBe(200);
    const unit = mine.json().units[0];
    expect(unit).toMatchObject({ unitCode: '01', points: '23.10', percentage: '60.00', hidden: false });
    const hdnd = unit.groups.find((g: { subCriterion: string; groupCode: string }) => g.subCriterion === '2.1' && g.groupCode === 'hdnd');
    expect(hdnd).toMatchObject({ responded: 3, valid: 3, meanWeight: null, points: null, hidden: true });
    expect((await get('/api/v1/campaigns/diem/bodies/01/scores', 'moha')).json().units[0].groups.find((g: { subCriterion: string; groupCode: string }) => g.subCriterion === '2.1' && g.groupCode === 'hdnd').meanWeight).toBe('1.0000');
  });

  it("shows a body its own published scores on its page, and MOHA any body's", async () => {
    const page = await (await pageLogin(t.app, 'hn')).get('/c/diem/b/01/scores');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<b data-testid="points">23,10</b>');
    expect(page.body).toContain('ẩn');
    expect((await (await pageLogin(t.app, 'hn')).get('/c/diem/b/22/scores')).status).toBe(404);
    const moha = await (await pageLogin(t.app, 'moha')).get('/c/diem/b/79/scores');
    expect(moha.body).toContain('đã bị hủy');
  });

  it("never shows a body another body's scores", async () => {
    expect((await get('/api/v1/campaigns/diem/bodies/01/scores', 'qn')).statusCode).toBe(404);
    expect((await get('/api/v1/campaigns/diem/bodies/79/scores', 'hn')).statusCode).toBe(404);
  });

  it('detects a change to the data after the seal', async () => {
    await t.db.execute(sql`update ${responses} set answers = jsonb_set(answers, '{22,q01}', '"A"') where id = (select id from ${responses} where body_code = '22' and group_code = 'lanh_dao_so' limit 1)`);
    const verify = (await post('/api/v1/campaigns/diem/scores/verify', 'moha')).json();
    expect(verify.matches).toBe(false);
    expect(verify.currentDigest).not.toBe(verify.sealedDigest);
    // The export still reads the sealed scores; only the verification tells of the change.
    expect((await get('/api/v1/campaigns/diem/scores', 'moha')).json().seal.digest).toBe(verify.sealedDigest);
  });
});

describe('sealing job', () => {
  it('seals every campaign past its response deadline, once', async () => {
    await seedProvinceCampaign(t, { id: 'cu', bodies: ['01'], listDeadline: '2022-12-15', responseDeadline: '2023-01-10' });
    const job = sealJob(t.services.scoring);
    await job.run(new AbortController().signal);
    await job.run(new AbortController().signal);
    const entries = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'scores.seal'), eq(auditLog.campaignId, 'cu')));
    expect(entries).toHaveLength(1);
    expect(entries[0]!.actor).toBe('system');
    expect((await post('/api/v1/campaigns/mo/scores/verify', 'moha')).json().code).toBe('not_sealed');
  });
});
