// An officer of one body must learn nothing of another's progress or people,
// whichever route, page, filter or export they try.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, bearer, createTestApp, login, seedProvinceCampaign, type TestApp } from './helpers/app.js';
import { csrfFrom, pageLogin, type Browser } from './helpers/pages.js';
import { seedSubmittedList } from './helpers/seed.js';

let t: TestApp;
let hanoi: string;
let page: Browser;

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { id: 'chung', bodies: ['01', '22'] });
  await seedProvinceCampaign(t, { id: 'rieng', bodies: ['22'] });
  await addUser(t, 'hanoi', 'body', '01');
  hanoi = await login(t.app, 'hanoi');
  page = await pageLogin(t.app, 'hanoi');
  // The same address is on both lists: each body must see only its own entry and status.
  await seedSubmittedList(t, 'chung', '01', [
    { email: 'chung@gov.vn', group: 'hdnd', name: 'Người Chung Hà Nội' },
    { email: 'a@hanoi.gov.vn', group: 'lanh_dao_so', name: 'Nguyễn Văn Hà' },
  ]);
  await seedSubmittedList(t, 'chung', '22', [
    { email: 'chung@gov.vn', group: 'hdnd', name: 'Người Chung Quảng Ninh' },
    { email: 'bimat@quangninh.gov.vn', group: 'hdnd', name: 'Bí Mật Quảng Ninh', organisation: 'Sở Bí Mật' },
    { email: 'tralai@quangninh.gov.vn', group: 'lanh_dao_so', name: 'Trả Lại Quảng Ninh' },
  ]);
  await t.db.execute(sql`update invitations set status = 'completed' where body_code = '22' and email_norm in ('chung@gov.vn', 'bimat@quangninh.gov.vn')`);
  await t.db.execute(sql`update invitations set mail_status = 'bounced', bounce_reason = 'Quảng Ninh 550' where body_code = '22' and email_norm = 'tralai@quangninh.gov.vn'`);
});
afterAll(() => t?.close());

const api = (url: string) => t.app.inject({ method: 'GET', url, headers: bearer(hanoi) });
const leaks = (text: string) => /Quảng Ninh|quangninh|Bí Mật|Sở Bí Mật/.test(text);

describe('progress API for an officer', () => {
  it.each([
    '/api/v1/campaigns/chung/progress',
    '/api/v1/campaigns/chung/progress?listState=submitted',
    '/api/v1/campaigns/chung/progress?sort=completed&order=desc',
    `/api/v1/campaigns/chung/progress?q=${encodeURIComponent('Quảng')}`,
    '/api/v1/campaigns/chung/progress.csv',
  ])('answers %s with their own body and its own figures only', async (url) => {
    const res = await api(url);
    expect(res.statusCode).toBe(200);
    expect(leaks(res.body)).toBe(false);
    if (url.includes('.csv')) return;
    const report = res.json();
    expect(report.bodies.every((b: { bodyCode: string }) => b.bodyCode === '01')).toBe(true);
    expect(report.totals).toMatchObject({ bodies: 1, listed: 2, completed: 0, bounced: 0 });
    expect(report.groups.reduce((n: number, g: { completed: number }) => n + g.completed, 0)).toBe(0);
    expect(report.series).toEqual([]);
  });

  it.each([
    '/api/v1/campaigns/chung/progress?body=22',
    '/api/v1/campaigns/chung/progress.csv?body=22',
    '/api/v1/campaigns/chung/progress?body=22&listState=submitted',
    '/api/v1/campaigns/rieng/progress',
    '/api/v1/campaigns/rieng/progress?body=01',
    '/api/v1/campaigns/rieng/progress.csv',
  ])('refuses %s as if it did not exist', async (url) => {
    const res = await api(url);
    expect(res.statusCode).toBe(404);
    expect(leaks(res.body)).toBe(false);
  });
});

describe('respondents API for an officer', () => {
  it.each(['', '?status=completed', '?status=bounced', '?status=not_completed', '?group=hdnd', '?q=bimat'])(
    "refuses another body's people with %s",
    async (query) => {
      for (const body of ['22', '%32%32']) {
        const res = await api(`/api/v1/campaigns/chung/bodies/${body}/respondents${query}`);
        expect(res.statusCode).toBe(404);
        expect(leaks(res.body)).toBe(false);
      }
    },
  );

  it("shows the officer's own entry for an address that is also on another body's list, with its own status", async () => {
    const res = (await api('/api/v1/campaigns/chung/bodies/01/respondents')).json();
    expect(res.total).toBe(2);
    expect(res.rows.find((r: { email: string }) => r.email === 'chung@gov.vn')).toMatchObject({ fullName: 'Người Chung Hà Nội', status: 'invited' });
    expect((await api('/api/v1/campaigns/chung/bodies/01/respondents?status=completed')).json().total).toBe(0);
    expect((await api('/api/v1/campaigns/chung/bodies/01/respondents?q=quangninh')).json().total).toBe(0);
  });

  it('never carries answers', async () => {
    const res = (await api('/api/v1/campaigns/chung/bodies/01/respondents')).json();
    for (const row of res.rows) expect(Object.keys(row)).not.toEqual(expect.arrayContaining(['answers']));
  });
});

describe('pages for an officer', () => {
  it.each(['/c/chung/b/22', '/c/rieng/b/22', '/c/rieng/b/01', '/c/rieng'])('answers %s with 404', async (url) => {
    const res = await page.get(url);
    expect(res.status).toBe(404);
    expect(leaks(res.body)).toBe(false);
  });

  it.each(['/c/chung/national', '/c/chung/national?body=22', '/c/chung/national?q=quang'])('refuses the national page %s', async (url) => {
    const res = await page.get(url);
    expect(res.status).toBe(403);
    expect(leaks(res.body)).toBe(false);
  });

  it('shows their own page without anything of another body', async () => {
    const res = await page.get('/c/chung/b/01');
    expect(res.status).toBe(200);
    expect(res.body).toContain('Người Chung Hà Nội');
    expect(leaks(res.body)).toBe(false);
  });

  it("cannot change another body's IT contact or deadline with a valid form", async () => {
    const own = await page.get('/c/chung/b/01');
    const csrf = csrfFrom(own.body);
    const contact = await page.post('/c/chung/b/22/it-contact', { _csrf: csrf, name: 'Kẻ Lạ', title: 'X', mobile: '0912345678' });
    expect(contact.status).toBe(404);
    const deadline = await page.post('/c/chung/b/22/list-deadline', { _csrf: csrf, listDeadline: '31/12/2099' });
    expect(deadline.status).toBe(403);
    const body = await t.services.campaigns.getBody('chung', '22');
    expect(JSON.stringify(body)).not.toContain('Kẻ Lạ');
    expect(body.listDeadlineExtended).toBe(false);
  });
});
