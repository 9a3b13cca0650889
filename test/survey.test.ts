import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/db/client.js';
import { formForGroup } from '../src/modules/campaigns/campaign-config.js';
import { linkToken, tokenHash } from '../src/modules/mail/links.js';
import { addUser, bearer, createTestApp, login, seedProvinceCampaign, type TestApp } from './helpers/app.js';
import { seedSubmittedList, type SeededInvitation } from './helpers/seed.js';
import { answerAll, countRows, formPost, storedAnswers } from './helpers/survey.js';

let t: TestApp;
let people: SeededInvitation[];
let form: NonNullable<ReturnType<typeof formForGroup>>;
const CAMPAIGN = '2023-tinh';

beforeAll(async () => {
  t = await createTestApp({ SURVEY_BAD_TOKEN_LIMIT: '5' });
  await seedProvinceCampaign(t, { bodies: ['01', '22'] });
  people = await seedSubmittedList(
    t,
    CAMPAIGN,
    '22',
    Array.from({ length: 10 }, (_, i) => ({ email: `hdnd${i}@quangninh.gov.vn`, group: 'hdnd', name: `Đại biểu ${i}` })),
  );
  form = formForGroup(await t.services.campaigns.config(CAMPAIGN), 'hdnd')!;
});
afterAll(() => t?.close());

const ua = 'Mozilla/5.0 (Linux; Android 14) Chrome/130 Mobile';
const get = (url: string, ip = '203.0.113.7') => t.app.inject({ method: 'GET', url, remoteAddress: ip, headers: { 'user-agent': ua } });
const post = (url: string, fields: Record<string, string>, ip = '203.0.113.7') => {
  const p = formPost(fields);
  return t.app.inject({ method: 'POST', url, remoteAddress: ip, payload: p.payload, headers: { ...p.headers, 'user-agent': ua } });
};
const invitation = async (id: string) =>
  rowsOf<Record<string, unknown>>(await t.db.execute(sql`select status, first_opened_at, devices_seen, updated_at from invitations where id = ${id}`))[0]!;
const counters = async () =>
  rowsOf<{ opened: number; completed: number }>(
    await t.db.execute(sql`select sum(opened)::int as opened, sum(completed)::int as completed from progress_counters where campaign_id = ${CAMPAIGN} and body_code = '22'`),
  )[0]!;

describe('the questionnaire page', () => {
  it('shows the group form for the body with the deadline and records the first opening', async () => {
    const p = people[0]!;
    const before = await counters();
    const res = await get(`/s/${p.token}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain(form.title);
    expect(res.body).toContain('Quảng Ninh');
    expect(res.body).toContain('Đại biểu Hội đồng nhân dân');
    expect(res.body).toContain('23:59 ngày 10/01/2100');
    const questions = form.sections.flatMap((s) => s.questions);
    expect(res.body.match(/<fieldset class="q/g)).toHaveLength(questions.length);
    expect(res.body).toContain(`name="22:${questions[0]!.id}" value="A"`);
    expect(res.body).toContain('<script src="/assets/survey.js" defer></script>');
    expect(Buffer.byteLength(res.body)).toBeLessThan(60 * 1024);
    const inv = await invitation(p.invitationId);
    expect(inv.first_opened_at).not.toBeNull();
    expect(inv.devices_seen).toBe(1);
    expect((await counters()).opened).toBe(before.opened + 1);
  });

  it('counts a second device but not a second opening from the same one, which writes nothing', async () => {
    const p = people[0]!;
    const version = async () => rowsOf<{ v: string }>(await t.db.execute(sql`select xmin::text as v from invitations where id = ${p.invitationId}`))[0]!.v;
    const before = await version();
    await get(`/s/${p.token}`);
    expect(await version()).toBe(before);
    expect((await invitation(p.invitationId)).devices_seen).toBe(1);
    await t.app.inject({ method: 'GET', url: `/s/${p.token}`, remoteAddress: '198.51.100.9', headers: { 'user-agent': 'Firefox/128' } });
    expect((await invitation(p.invitationId)).devices_seen).toBe(2);
  });

  it('serves its stylesheet and script from the service itself', async () => {
    const css = await t.app.inject({ method: 'GET', url: '/assets/survey.css' });
    const js = await t.app.inject({ method: 'GET', url: '/assets/survey.js' });
    expect(css.statusCode).toBe(200);
    expect(js.statusCode).toBe(200);
    const page = await get(`/s/${people[0]!.token}`);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).not.toMatch(/https?:\/\/(?!khaosat\.test)/);
  });
});

describe('save and resume', () => {
  it('keeps half the answers against the link and shows them when it is reopened', async () => {
    const p = people[1]!;
    const half = answerAll(form, ['22'], (i) => i, 0.5);
    const res = await post(`/s/${p.token}`, { ...half, action: 'save' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/s/${p.token}?luu=1`);
    const page = await get(res.headers.location as string);
    expect(page.body).toContain('Đã lưu câu trả lời');
    for (const [name, value] of Object.entries(half)) expect(page.body).toContain(`name="${name}" value="${value}" checked`);
    expect(page.body).toContain(`Đã trả lời <b>${Object.keys(half).length}</b>/`);
  });

  it('autosaves with a JSON answer for the script', async () => {
    const p = people[1]!;
    const some = answerAll(form, ['22'], () => 1, 0.25);
    const res = await post(`/s/${p.token}`, { ...some, action: 'autosave', js: '1' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'saved', answered: Object.keys(some).length });
  });

  it('refuses an option the question does not have, says so next to it, and keeps the rest', async () => {
    const p = people[1]!;
    const q1 = form.sections[0]!.questions[0]!;
    const q2 = form.sections[0]!.questions[1]!;
    const res = await post(`/s/${p.token}`, { [`22:${q1.id}`]: 'Z', [`22:${q2.id}`]: 'B', action: 'save' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Phương án &quot;Z&quot; không có trong câu hỏi này');
    expect(res.body).toContain(`name="22:${q2.id}" value="B" checked`);
  });
});

describe('submitting', () => {
  it('lists exactly the missing required questions in Vietnamese and keeps the answers given', async () => {
    const p = people[2]!;
    const all = answerAll(form, ['22']);
    const questions = form.sections.flatMap((s) => s.questions);
    const missing = [questions[3]!, questions[10]!];
    const partial = Object.fromEntries(Object.entries(all).filter(([k]) => !missing.some((q) => k === `22:${q.id}`)));
    const res = await post(`/s/${p.token}`, { ...partial, action: 'submit' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('2 câu cần trả lời hoặc chọn lại');
    expect(res.body).toContain('2 câu bắt buộc chưa trả lời:');
    expect(res.body).toContain(`<li><a href="#f-22-${missing[0]!.id}">Câu 4</a></li>`);
    expect(res.body).toContain(`<p class="err" id="e-22-${missing[0]!.id}">Chưa trả lời câu hỏi bắt buộc này.</p>`);
    expect(res.body).toContain(`<a href="#f-22-${missing[1]!.id}">Câu 11</a>`);
    expect(res.body.match(/class="err"/g)).toHaveLength(2);
    const [name, value] = Object.entries(partial)[0]!;
    expect(res.body).toContain(`name="${name}" value="${value}" checked`);
    expect(await countRows(t.db, 'responses')).toBe(0);
    expect((await invitation(p.invitationId)).status).toBe('active');
  });

  it('stores one anonymous response, completes the invitation, coarsens its times and deletes the draft', async () => {
    const p = people[2]!;
    await get(`/s/${p.token}`);
    const before = await counters();
    const all = answerAll(form, ['22']);
    const res = await post(`/s/${p.token}`, { ...all, action: 'submit', js: '1' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Cảm ơn Ông/Bà đã trả lời phiếu');

    // The answer waits in the ballot box, sealed, with nothing but its cell in clear.
    expect(await countRows(t.db, 'responses')).toBe(0);
    const boxed = rowsOf<Record<string, unknown>>(await t.db.execute(sql`select * from ballot_box`));
    expect(boxed).toHaveLength(1);
    expect(Object.keys(boxed[0]!).sort()).toEqual(['body_code', 'campaign_id', 'group_code', 'id', 'sealed']);
    const sealed = Buffer.from(boxed[0]!.sealed as Uint8Array).toString('latin1');
    for (const option of Object.keys(all)) expect(sealed).not.toContain(option);
    await t.services.mixer.run({ final: true });

    const responses = rowsOf<Record<string, unknown>>(await t.db.execute(sql`select * from responses`));
    expect(responses).toHaveLength(1);
    const r = responses[0]!;
    expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(r).toMatchObject({ campaign_id: CAMPAIGN, body_code: '22', group_code: 'hdnd', form_code: form.code, js_enabled: true, form_loaded: true });
    const stored = typeof r.answers === 'string' ? JSON.parse(r.answers) : r.answers;
    expect(stored).toEqual({ '22': Object.fromEntries(Object.entries(all).map(([k, v]) => [k.split(':')[1], v])) });
    expect(new Date(r.submitted_at as string).getUTCSeconds()).toBe(0);
    expect(new Date(r.submitted_at as string).getUTCMilliseconds()).toBe(0);
    expect(r.seconds_spent).toBeGreaterThanOrEqual(0);
    expect(r.ip_hash).toMatch(/^[\w-]{32}$/);
    expect(r.net_hash).toMatch(/^[\w-]{32}$/);
    expect(r.ua_hash).toMatch(/^[\w-]{32}$/);
    expect(JSON.stringify(r)).not.toContain('203.0.113');

    const inv = await invitation(p.invitationId);
    expect(inv.status).toBe('completed');
    expect(Object.keys(inv)).not.toContain('completed_on');
    const opened = new Date(inv.first_opened_at as string);
    expect((opened.getTime() + 7 * 3600_000) % 86_400_000).toBe(0);
    expect((new Date(inv.updated_at as string).getTime() + 7 * 3600_000) % 86_400_000).toBe(0);
    const drafts = rowsOf(await t.db.execute(sql`select 1 from drafts where invitation_id = ${p.invitationId}`));
    expect(drafts).toHaveLength(0);
    const devices = rowsOf(await t.db.execute(sql`select 1 from invitation_devices where invitation_id = ${p.invitationId}`));
    expect(devices).toHaveLength(0);
    const after = await counters();
    expect(after.completed).toBe(before.completed + 1);
    expect(after.opened).toBe(before.opened);
  });

  it('answers a second submit, a reused link and a save with the "already answered" page', async () => {
    const p = people[2]!;
    const again = await post(`/s/${p.token}`, { ...answerAll(form, ['22']), action: 'submit' });
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('Phiếu đã được trả lời');
    const open = await get(`/s/${p.token}`);
    expect(open.statusCode).toBe(410);
    expect(open.body).toContain('Phiếu đã được trả lời');
    const save = await post(`/s/${p.token}`, { action: 'autosave' });
    expect(save.statusCode).toBe(410);
    expect(await storedAnswers(t.db)).toBe(1);
    const drafts = rowsOf(await t.db.execute(sql`select 1 from drafts where invitation_id = ${p.invitationId}`));
    expect(drafts).toHaveLength(0);
  });

  it('stores exactly one response when 50 submits of one link arrive together', async () => {
    const p = people[3]!;
    const fields = { ...answerAll(form, ['22']), action: 'submit' };
    const stated = { ...fields, campaign: CAMPAIGN, body: '22', group: 'hdnd' };
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => post(`/s/${p.token}`, i % 2 ? fields : stated)));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 410)).toHaveLength(49);
    expect(await storedAnswers(t.db)).toBe(2);
    expect((await counters()).completed).toBe(2);
  });
});

describe('saving while submitting', () => {
  it('leaves no draft behind when autosaves race the submission', async () => {
    const p = people[8]!;
    await get(`/s/${p.token}`);
    const all = answerAll(form, ['22']);
    const saves = () => Array.from({ length: 15 }, () => post(`/s/${p.token}`, { ...all, action: 'autosave', js: '1' }));
    const results = await Promise.all([...saves(), post(`/s/${p.token}`, { ...all, action: 'submit', campaign: CAMPAIGN, body: '22', group: 'hdnd' }), ...saves()]);
    expect(results.filter((r) => r.statusCode === 200 && r.headers['content-type']?.toString().includes('text/html'))).toHaveLength(1);
    expect(results.every((r) => r.statusCode === 200 || r.statusCode === 410)).toBe(true);
    expect(rowsOf(await t.db.execute(sql`select 1 from drafts where invitation_id = ${p.invitationId}`))).toHaveLength(0);
    expect((await invitation(p.invitationId)).status).toBe('completed');
  });
});

describe('the form context stated by the page', () => {
  it('is on the page, and a submission stating a wrong body or group is stored as the invitation says', async () => {
    const p = people[6]!;
    const page = await get(`/s/${p.token}`);
    expect(page.body).toContain(`<input type="hidden" name="campaign" value="${CAMPAIGN}"><input type="hidden" name="body" value="22"><input type="hidden" name="group" value="hdnd">`);
    const before = await storedAnswers(t.db);
    const forged = await post(`/s/${p.token}`, { ...answerAll(form, ['01']), ...answerAll(form, ['22']), action: 'submit', campaign: CAMPAIGN, body: '01', group: 'lanh_dao_so' });
    expect(forged.statusCode).toBe(200);
    expect(await storedAnswers(t.db)).toBe(before + 1);
    await t.services.mixer.run({ final: true });
    const all = rowsOf<{ body_code: string; group_code: string; form_code: string; answers: unknown }>(await t.db.execute(sql`select body_code, group_code, form_code, answers from responses`));
    for (const r of all) {
      expect(r).toMatchObject({ body_code: '22', group_code: 'hdnd', form_code: form.code });
      expect(Object.keys(typeof r.answers === 'string' ? JSON.parse(r.answers) : (r.answers as object))).toEqual(['22']);
    }
  });
});

describe('links that do not lead to a form', () => {
  it('shows a neutral 404 page for a forged, malformed or cancelled link', async () => {
    const forged = await get(`/s/${'A'.repeat(43)}`, '192.0.2.1');
    expect(forged.statusCode).toBe(404);
    expect(forged.body).toContain('Đường dẫn không hợp lệ');
    expect((await get('/s/abc', '192.0.2.1')).statusCode).toBe(404);
    const p = people[7]!;
    await t.db.execute(sql`update invitations set status = 'cancelled' where id = ${p.invitationId}`);
    const cancelled = await get(`/s/${p.token}`, '192.0.2.1');
    expect(cancelled.statusCode).toBe(404);
    expect(cancelled.body).toBe(forged.body);
    expect((await post(`/s/${p.token}`, { ...answerAll(form, ['22']), action: 'submit', campaign: CAMPAIGN, body: '22', group: 'hdnd' }, '192.0.2.1')).statusCode).toBe(404);
  });

  it('shows the neutral page for a rotated link and the form for its new one', async () => {
    const p = people[9]!;
    const fresh = linkToken(t.config.tokenSecret, p.invitationId, 2);
    await t.db.execute(sql`update invitations set version = 2, token_hash = ${tokenHash(fresh)} where id = ${p.invitationId}`);
    expect((await get(`/s/${p.token}`, '192.0.2.2')).statusCode).toBe(404);
    expect((await get(`/s/${fresh}`, '192.0.2.2')).statusCode).toBe(200);
  });

  it('refuses more bad links from an address after too many, but still opens a good one, and not other addresses', async () => {
    const ip = '192.0.2.50';
    for (let i = 0; i < 5; i++) expect((await get(`/s/${String(i).padStart(43, 'x')}`, ip)).statusCode).toBe(404);
    const blocked = await get(`/s/${'y'.repeat(43)}`, ip);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.body).toContain('quá nhiều đường dẫn không hợp lệ');
    expect((await get(`/s/${people[4]!.token}`, ip)).statusCode).toBe(200);
    expect((await get(`/s/${'y'.repeat(43)}`, '192.0.2.51')).statusCode).toBe(404);
  });

  it('closes links after the response deadline on the database clock and saves nothing', async () => {
    const p = people[5]!;
    await get(`/s/${p.token}`);
    expect((await post(`/s/${p.token}`, { ...answerAll(form, ['22'], () => 1, 0.3), action: 'save' })).statusCode).toBe(303);
    const draftNow = async () => rowsOf<{ answers: unknown }>(await t.db.execute(sql`select answers from drafts where invitation_id = ${p.invitationId}`))
      .map((d) => (typeof d.answers === 'string' ? JSON.parse(d.answers) : d.answers));
    const before = await draftNow();
    expect(Object.keys(before[0] as object).length).toBeGreaterThan(0);
    await t.db.execute(sql`update campaigns set list_deadline = now() - interval '2 days', response_deadline = now() - interval '1 second' where id = ${CAMPAIGN}`);
    try {
      const page = await get(`/s/${p.token}`);
      expect(page.statusCode).toBe(410);
      expect(page.body).toContain('Đợt khảo sát đã kết thúc');
      const save = await post(`/s/${p.token}`, { ...answerAll(form, ['22'], () => 0, 0.5), action: 'save' });
      expect(save.statusCode).toBe(410);
      const submit = await post(`/s/${p.token}`, { ...answerAll(form, ['22']), action: 'submit' });
      expect(submit.statusCode).toBe(410);
      expect(await draftNow()).toEqual(before);
      expect((await invitation(p.invitationId)).status).toBe('active');
    } finally {
      await t.db.execute(sql`update campaigns set response_deadline = '2100-01-10T16:59:59.999Z', list_deadline = '2099-12-15T16:59:59.999Z' where id = ${CAMPAIGN}`);
    }
  });
});

describe('Báo cáo bất thường', () => {
  it('takes one report per link, counted per body and tied to no answer', async () => {
    const p = people[2]!; // already answered
    const form = await get(`/s/${p.token}/report`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Báo cáo bất thường');
    const missingKind = await post(`/s/${p.token}/report`, { message: 'x' });
    expect(missingKind.statusCode).toBe(400);
    const sent = await post(`/s/${p.token}/report`, { kind: 'pressured', message: 'Có người đứng cạnh yêu cầu chọn A.' });
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('Đã nhận báo cáo');
    const again = await post(`/s/${p.token}/report`, { kind: 'other' });
    expect(again.body).toContain('đã được ghi nhận trước đó');
    const reports = rowsOf<Record<string, unknown>>(await t.db.execute(sql`select * from reports`));
    expect(reports).toHaveLength(1);
    expect(Object.keys(reports[0]!).sort()).toEqual(['body_code', 'campaign_id', 'created_at', 'id', 'kind', 'message']);
    expect((await get(`/s/${'B'.repeat(43)}/report`, '192.0.2.99')).statusCode).toBe(404);
  });
});

describe('anonymity', () => {
  it('keeps nothing on a response that leads to a person, and no body API answer shows what anyone answered', async () => {
    await t.services.mixer.run({ final: true });
    const responses = rowsOf<Record<string, unknown>>(await t.db.execute(sql`select * from responses`));
    expect(responses.length).toBeGreaterThan(0);
    expect(Object.keys(responses[0]!).sort()).toEqual(
      ['answers', 'body_code', 'campaign_id', 'device_key', 'form_loaded', 'form_code', 'group_code', 'id', 'ip_hash', 'js_enabled', 'net_hash', 'seconds_spent', 'submitted_at', 'ua_hash', 'void_reason', 'voided_at'].sort(),
    );
    const identities = rowsOf<Record<string, unknown>>(await t.db.execute(sql`select i.id, i.respondent_id, i.email_norm, encode(i.token_hash, 'hex') as hash, r.full_name from invitations i left join respondents r on r.id = i.respondent_id`));
    const dump = JSON.stringify(responses);
    for (const who of identities) {
      for (const value of Object.values(who)) if (value) expect(dump).not.toContain(String(value));
    }
    for (const p of people) expect(dump).not.toContain(p.token);

    await addUser(t, 'qn', 'body', '22');
    const officer = await login(t.app, 'qn');
    const routes = t.app.routeCatalog.filter((r) => r.method === 'GET' && Array.isArray(r.access) && r.access.includes('body'));
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      if (/:(?!campaign\b|body\b)\w+/.test(route.url)) continue;
      const url = route.url.replace(':campaign', CAMPAIGN).replace(':body', '22');
      const res = await t.app.inject({ method: 'GET', url, headers: bearer(officer) });
      for (const r of responses) expect(res.body, url).not.toContain(String(r.id));
      expect(res.body, url).not.toMatch(/"answers"|"q01"\s*:|ip_hash|ipHash/);
    }
  });

  it('gives a body officer no way into a respondent link: the session does not count, only the token', async () => {
    const officer = await login(t.app, 'qn');
    const res = await t.app.inject({ method: 'GET', url: `/s/${'C'.repeat(43)}`, headers: bearer(officer), remoteAddress: '192.0.2.200' });
    expect(res.statusCode).toBe(404);
    const answered = await t.app.inject({ method: 'GET', url: `/s/${people[2]!.token}`, headers: bearer(officer) });
    expect(answered.statusCode).toBe(410);
    expect(answered.body).not.toContain('checked');
  });
});
