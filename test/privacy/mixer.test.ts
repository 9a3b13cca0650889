// The ballot box and the mixer through the submit path: batches of k per cell
// with k always left behind until the deadline, one transaction id on both
// sides of a batch, several mixers at once, the retry of a stored submission,
// and the signals the sealed ballot carries to the response.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/client.js';
import { formForGroup } from '../../src/modules/campaigns/campaign-config.js';
import { bodyActivity } from '../../src/modules/integrity/integrity.queries.js';
import { createMixer, MAX_BATCH, releaseCount } from '../../src/modules/survey/mixer.js';
import { addUser, bearer, createTestApp, login, seedProvinceCampaign, type TestApp } from '../helpers/app.js';
import { seedSubmittedList, type SeededInvitation } from '../helpers/seed.js';
import { answerAll, countRows, formPost } from '../helpers/survey.js';

let t: TestApp;
let people: SeededInvitation[];
let fields: Record<string, string>;
const CAMPAIGN = '2023-tinh';

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { bodies: ['01', '22'] });
  people = await seedSubmittedList(t, CAMPAIGN, '22', [
    ...Array.from({ length: 24 }, (_, i) => ({ email: `hdnd${i}@quangninh.gov.vn`, group: 'hdnd' })),
    ...Array.from({ length: 6 }, (_, i) => ({ email: `so${i}@quangninh.gov.vn`, group: 'lanh_dao_so' })),
  ]);
  fields = answerAll(formForGroup(await t.services.campaigns.config(CAMPAIGN), 'hdnd')!, ['22']);
}, 120_000);
afterAll(() => t?.close());

const hdnd = () => people.filter((p) => p.group === 'hdnd');
const open = (p: SeededInvitation, cookie?: string) => t.app.inject({ method: 'GET', url: `/s/${p.token}`, headers: cookie ? { cookie } : {} });
const submit = (p: SeededInvitation, extra: Record<string, string> = {}, cookie?: string) => {
  const post = formPost({ ...fields, action: 'submit', js: '1', ...extra });
  return t.app.inject({ method: 'POST', url: `/s/${p.token}`, payload: post.payload, headers: { ...post.headers, ...(cookie ? { cookie } : {}) } });
};
const inCell = async (table: 'responses' | 'ballot_box', group = 'hdnd') =>
  rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where group_code = ${group}`))[0]!.n;

describe('the mixer', () => {
  it('releases all but k of a cell once 2k wait, so a batch holds k or more and k always stay behind', () => {
    expect([0, 4, 5, 9].map((w) => releaseCount(w, 5, false))).toEqual([0, 0, 0, 0]);
    expect([10, 14, 300].map((w) => releaseCount(w, 5, false))).toEqual([5, 9, 295]);
    expect([1, 4, 9].map((w) => releaseCount(w, 5, true))).toEqual([1, 4, 9]);
    expect(releaseCount(MAX_BATCH + 3, 5, true)).toBe(MAX_BATCH - 2);
    expect(releaseCount(5, 5, true)).toBe(5);
  });

  it('keeps submissions in the box until 2k wait, then moves all but k with one transaction id on both sides', async () => {
    for (const p of hdnd().slice(0, 9)) {
      await open(p);
      expect((await submit(p)).statusCode).toBe(200);
    }
    expect(await t.services.mixer.run()).toEqual({ batches: 0, released: 0 });
    expect(await inCell('ballot_box')).toBe(9);
    await open(hdnd()[9]!);
    await submit(hdnd()[9]!);
    expect(await t.services.mixer.run()).toEqual({ batches: 1, released: 5 });
    expect([await inCell('responses'), await inCell('ballot_box')]).toEqual([5, 5]);
    const stamps = rowsOf<{ x: string; r: number; i: number }>(
      await t.db.execute(sql`select x, count(*)::int as r, (select count(*)::int from invitations i where i.xmin::text = x and i.status = 'completed') as i
        from (select xmin::text as x from responses) r group by x`),
    );
    expect(stamps).toEqual([{ x: expect.any(String), r: 5, i: 5 }]);
    const times = rowsOf<{ n: number }>(await t.db.execute(sql`select count(distinct submitted_at)::int as n from responses`));
    expect(times[0]!.n).toBe(1);
  });

  it('follows the k set for the campaign', async () => {
    await t.db.execute(sql`insert into mixing_settings (campaign_id, k) values (${CAMPAIGN}, 2)`);
    try {
      expect(await t.services.mixer.run()).toEqual({ batches: 1, released: 3 });
      expect(await inCell('ballot_box')).toBe(2);
    } finally {
      await t.db.execute(sql`delete from mixing_settings where campaign_id = ${CAMPAIGN}`);
    }
  });

  it('never mixes a cell twice at once, with several processes mixing together', async () => {
    for (const p of hdnd().slice(10, 24)) {
      await open(p);
      await submit(p);
    }
    const before = (await countRows(t.db, 'responses')) + (await countRows(t.db, 'ballot_box'));
    const mixers = [t.services.mixer, createMixer({ db: t.db, config: t.config }), createMixer({ db: t.db, config: t.config })];
    await Promise.all(mixers.map((m) => m.run()));
    await Promise.all(mixers.map((m) => m.run()));
    expect((await countRows(t.db, 'responses')) + (await countRows(t.db, 'ballot_box'))).toBe(before);
    expect(await inCell('ballot_box')).toBeGreaterThanOrEqual(5);
    const sheets = rowsOf<{ n: number; d: number }>(await t.db.execute(sql`select count(*)::int as n, count(distinct id)::int as d from responses`));
    expect(sheets[0]!.n).toBe(sheets[0]!.d);
  });

  it('empties every cell once the response deadline has passed, even one that never had k', async () => {
    const so = people.filter((p) => p.group === 'lanh_dao_so').slice(0, 3);
    for (const p of so) {
      await open(p);
      await submit(p);
    }
    await t.db.execute(sql`update campaigns set list_deadline = now() - interval '2 days', response_deadline = now() - interval '1 second' where id = ${CAMPAIGN}`);
    try {
      await t.services.mixer.run();
      expect(await countRows(t.db, 'ballot_box')).toBe(0);
      expect(await inCell('responses', 'lanh_dao_so')).toBe(3);
      expect(await inCell('responses')).toBe(24);
    } finally {
      await t.db.execute(sql`update campaigns set response_deadline = '2100-01-10T16:59:59.999Z', list_deadline = '2099-12-15T16:59:59.999Z' where id = ${CAMPAIGN}`);
    }
  });
});

describe('a retried submission', () => {
  it('gets the same thank-you page and stores nothing when it carries the key of the stored one', async () => {
    const p = people.filter((x) => x.group === 'lanh_dao_so')[3]!;
    const page = await open(p);
    const key = /name="submission" value="([^"]+)"/.exec(page.body)![1]!;
    const so = answerAll(formForGroup(await t.services.campaigns.config(CAMPAIGN), 'lanh_dao_so')!, ['22']);
    const post = (k: string) => {
      const f = formPost({ ...so, action: 'submit', js: '1', submission: k });
      return t.app.inject({ method: 'POST', url: `/s/${p.token}`, payload: f.payload, headers: f.headers });
    };
    const first = await post(key);
    expect(first.statusCode).toBe(200);
    const stored = (await countRows(t.db, 'responses')) + (await countRows(t.db, 'ballot_box'));
    const retry = await post(key);
    expect(retry.statusCode).toBe(200);
    expect(retry.body).toBe(first.body);
    expect((await post('another-key-from-another-page')).statusCode).toBe(410);
    expect((await countRows(t.db, 'responses')) + (await countRows(t.db, 'ballot_box'))).toBe(stored);
    const columns = rowsOf<{ column_name: string }>(await t.db.execute(sql`select column_name from information_schema.columns where table_name in ('responses', 'ballot_box')`));
    expect(columns.map((c) => c.column_name)).not.toContain('key_hash');
  });
});

describe('signals carried by the sealed ballot', () => {
  it('records active seconds across saves, whether the form was loaded, the device cookie keyed, and counts per 10 minutes', async () => {
    const [loaded, scripted] = people.filter((x) => x.group === 'lanh_dao_so').slice(4, 6) as [SeededInvitation, SeededInvitation];
    const page = await open(loaded);
    const cookie = String(page.headers['set-cookie']).split(';')[0]!;
    expect(cookie).toMatch(/^thiet_bi=[\w-]{20,}$/);
    const so = answerAll(formForGroup(await t.services.campaigns.config(CAMPAIGN), 'lanh_dao_so')!, ['22']);
    const autosave = formPost({ action: 'autosave', js: '1', active: '40' });
    await t.app.inject({ method: 'POST', url: `/s/${loaded.token}`, payload: autosave.payload, headers: { ...autosave.headers, cookie } });
    const done = formPost({ ...so, action: 'submit', js: '1', active: '25' });
    expect((await t.app.inject({ method: 'POST', url: `/s/${loaded.token}`, payload: done.payload, headers: { ...done.headers, cookie } })).statusCode).toBe(200);
    const blind = formPost({ ...so, action: 'submit' });
    expect((await t.app.inject({ method: 'POST', url: `/s/${scripted.token}`, payload: blind.payload, headers: blind.headers })).statusCode).toBe(200);
    await t.services.mixer.run({ final: true });
    const rows = rowsOf<{ seconds_spent: number | null; form_loaded: boolean; device_key: string | null; js_enabled: boolean }>(
      await t.db.execute(sql`select seconds_spent, form_loaded, device_key, js_enabled from responses where group_code = 'lanh_dao_so' and (seconds_spent = 65 or not form_loaded)`),
    );
    expect(rows).toHaveLength(2);
    const withJs = rows.find((r) => r.js_enabled)!;
    expect(withJs).toMatchObject({ seconds_spent: 65, form_loaded: true });
    expect(withJs.device_key).toMatch(/^[\w-]{32}$/);
    expect(withJs.device_key).not.toContain(cookie.split('=')[1]);
    expect(rows.find((r) => !r.js_enabled)).toMatchObject({ seconds_spent: null, form_loaded: false, device_key: null });
    const counted = rowsOf<{ n: number; odd: number }>(
      await t.db.execute(sql`select sum(n)::int as n, count(*) filter (where extract(epoch from bucket)::bigint % 600 <> 0)::int as odd from submission_counts where campaign_id = ${CAMPAIGN}`),
    );
    expect(counted[0]).toEqual({ n: await countRows(t.db, 'responses'), odd: 0 });
    const activity = await bodyActivity(t.db, CAMPAIGN, '22');
    expect(activity.reduce((sum, a) => sum + a.count, 0)).toBe(counted[0]!.n);
    expect(new Set(activity.map((a) => a.groupCode))).toEqual(new Set(['hdnd', 'lanh_dao_so']));
    for (const a of activity) expect(a.at % 600_000).toBe(0);
  });
});

describe('sealing the scores', () => {
  const adminHeaders = async () => {
    await addUser(t, 'moha-seal', 'admin');
    return bearer(await login(t.app, 'moha-seal'));
  };

  it('releases what waits in the ballot box before sealing, so no answer is left out of the sealed result', async () => {
    const [late] = await seedSubmittedList(t, CAMPAIGN, '01', [{ email: 'muon@hanoi.gov.vn', group: 'hdnd' }]);
    await open(late!);
    const hanoi = answerAll(formForGroup(await t.services.campaigns.config(CAMPAIGN), 'hdnd')!, ['01']);
    const post = formPost({ ...hanoi, action: 'submit', js: '1' });
    expect((await t.app.inject({ method: 'POST', url: `/s/${late!.token}`, payload: post.payload, headers: post.headers })).statusCode).toBe(200);
    await t.db.execute(sql`update campaigns set list_deadline = now() - interval '2 days', response_deadline = now() - interval '1 second' where id = ${CAMPAIGN}`);
    try {
      expect(await countRows(t.db, 'ballot_box')).toBeGreaterThan(0);
      const seal = await t.app.inject({ method: 'POST', url: `/api/v1/campaigns/${CAMPAIGN}/scores/seal`, headers: await adminHeaders() }).then((r) => r.json());
      expect(seal.responses).toBe(await countRows(t.db, 'responses'));
      expect(await countRows(t.db, 'ballot_box')).toBe(0);
    } finally {
      await t.db.execute(sql`update campaigns set response_deadline = '2100-01-10T16:59:59.999Z', list_deadline = '2099-12-15T16:59:59.999Z' where id = ${CAMPAIGN}`);
    }
  });
});
