// A submission posted from the page, as a browser posts it, is stored in one
// statement on the strength of the page's stamp. The stamp must not let
// anything through that the link's own state would refuse.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/db/client.js';
import { formForGroup } from '../src/modules/campaigns/campaign-config.js';
import { createTestApp, seedProvinceCampaign, type TestApp } from './helpers/app.js';
import { seedSubmittedList, type SeededInvitation } from './helpers/seed.js';
import { answerAll, formPost, storedAnswers } from './helpers/survey.js';

let t: TestApp;
let people: SeededInvitation[];
let form: NonNullable<ReturnType<typeof formForGroup>>;
const CAMPAIGN = '2023-tinh';

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { bodies: ['01', '22'] });
  people = await seedSubmittedList(
    t,
    CAMPAIGN,
    '22',
    Array.from({ length: 8 }, (_, i) => ({ email: `hdnd${i}@quangninh.gov.vn`, group: 'hdnd', name: `Đại biểu ${i}` })),
  );
  form = formForGroup(await t.services.campaigns.config(CAMPAIGN), 'hdnd')!;
});
afterAll(() => t?.close());

const ua = 'Mozilla/5.0 (Windows NT 10.0) Chrome/131';
const get = (url: string) => t.app.inject({ method: 'GET', url, remoteAddress: '198.51.100.4', headers: { 'user-agent': ua } });
const post = (url: string, fields: Record<string, string>) => {
  const p = formPost(fields);
  return t.app.inject({ method: 'POST', url, remoteAddress: '198.51.100.4', payload: p.payload, headers: { ...p.headers, 'user-agent': ua } });
};

/** The hidden fields of the questionnaire page, as a browser would post them back. */
function hiddenFields(html: string): Record<string, string> {
  return Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

async function mixedResponses() {
  await t.services.mixer.run({ final: true });
  return rowsOf<{ seconds_spent: number | null; form_loaded: boolean; js_enabled: boolean }>(await t.db.execute(sql`select seconds_spent, form_loaded, js_enabled from responses`));
}

describe('a submission from the stamped page', () => {
  it('is stored with the seconds recorded before the page plus those spent on it', async () => {
    const p = people[0]!;
    const first = await get(`/s/${p.token}`);
    expect(hiddenFields(first.body).stamp).toMatch(/^0\./);
    expect((await post(`/s/${p.token}`, { ...hiddenFields(first.body), action: 'autosave', js: '1', active: '30' })).statusCode).toBe(200);
    const page = await get(`/s/${p.token}`);
    const hidden = hiddenFields(page.body);
    expect(hidden.stamp).toMatch(/^30\./);
    expect(hidden).toMatchObject({ campaign: CAMPAIGN, body: '22', group: 'hdnd' });

    const res = await post(`/s/${p.token}`, { ...hidden, ...answerAll(form, ['22']), action: 'submit', js: '1', active: '5', spent: '12' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Cảm ơn Ông/Bà đã trả lời phiếu');
    expect(rowsOf(await t.db.execute(sql`select 1 from drafts d join invitations i on i.id = d.invitation_id where i.id = ${p.invitationId}`))).toHaveLength(0);
    expect(rowsOf<{ status: string }>(await t.db.execute(sql`select status from invitations where id = ${p.invitationId}`))[0]!.status).toBe('completed');
    expect(await mixedResponses()).toEqual([{ seconds_spent: 42, form_loaded: true, js_enabled: true }]);
    await t.db.execute(sql`delete from responses`);
  });

  it('is refused like any other once the link is answered, and a retry of it gets its thank-you page', async () => {
    const p = people[1]!;
    const hidden = hiddenFields((await get(`/s/${p.token}`)).body);
    const fields = { ...hidden, ...answerAll(form, ['22']), action: 'submit' };
    expect((await post(`/s/${p.token}`, fields)).statusCode).toBe(200);
    const retry = await post(`/s/${p.token}`, fields);
    expect(retry.statusCode).toBe(200);
    expect(retry.body).toContain('Cảm ơn Ông/Bà đã trả lời phiếu');
    const other = await post(`/s/${p.token}`, { ...fields, submission: 'another-key-entirely' });
    expect(other.statusCode).toBe(410);
    expect(await storedAnswers(t.db)).toBe(1);
    await t.services.mixer.run({ final: true });
    await t.db.execute(sql`delete from responses`);
  });

  it("counts for nothing on another link: that link's own state decides", async () => {
    const [a, b] = [people[2]!, people[3]!];
    const stamped = hiddenFields((await get(`/s/${a.token}`)).body);
    const res = await post(`/s/${b.token}`, { ...stamped, ...answerAll(form, ['22']), action: 'submit', js: '1', spent: '999' });
    expect(res.statusCode).toBe(200);
    // b was never opened: the answer is kept as posted without the form loaded, and a's stamp added nothing.
    const [r] = await mixedResponses();
    expect(r).toMatchObject({ form_loaded: false });
    expect(r!.seconds_spent).toBeLessThan(999);
    await t.db.execute(sql`delete from responses`);
  });

  it('cannot move answers to another form or body by editing the posted context', async () => {
    const p = people[4]!;
    const hidden = hiddenFields((await get(`/s/${p.token}`)).body);
    const res = await post(`/s/${p.token}`, { ...hidden, group: 'lanh_dao_so', body: '01', ...answerAll(form, ['22']), action: 'submit' });
    expect(res.statusCode).toBe(200);
    await t.services.mixer.run({ final: true });
    const rows = rowsOf<{ body_code: string; group_code: string }>(await t.db.execute(sql`select body_code, group_code from responses`));
    expect(rows).toEqual([{ body_code: '22', group_code: 'hdnd' }]);
    await t.db.execute(sql`delete from responses`);
  });

  it('stores nothing after the deadline', async () => {
    const p = people[5]!;
    const hidden = hiddenFields((await get(`/s/${p.token}`)).body);
    const [was] = rowsOf<{ list_deadline: string; response_deadline: string }>(await t.db.execute(sql`select list_deadline::text, response_deadline::text from campaigns where id = ${CAMPAIGN}`));
    await t.db.execute(sql`update campaigns set list_deadline = now() - interval '1 day', response_deadline = now() - interval '1 minute' where id = ${CAMPAIGN}`);
    try {
      const res = await post(`/s/${p.token}`, { ...hidden, ...answerAll(form, ['22']), action: 'submit' });
      expect(res.statusCode).toBe(410);
      expect(res.body).toContain('Đợt khảo sát đã kết thúc');
      expect(await storedAnswers(t.db)).toBe(0);
    } finally {
      await t.db.execute(sql`update campaigns set list_deadline = ${was!.list_deadline}::timestamptz, response_deadline = ${was!.response_deadline}::timestamptz where id = ${CAMPAIGN}`);
    }
  });
});
