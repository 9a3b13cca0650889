import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, bearer, createTestApp, login, seedProvinceCampaign, type TestApp } from './helpers/app.js';
import { seedSubmittedList } from './helpers/seed.js';
import { completeInvitations } from './helpers/survey.js';

let t: TestApp;
let admin: string;
let qn: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { bodies: ['01', '22'] });
  await addUser(t, 'moha', 'admin');
  await addUser(t, 'qn', 'body', '22');
  admin = await login(t.app, 'moha');
  qn = await login(t.app, 'qn');
  await seedSubmittedList(t, '2023-tinh', '22', [
    ...Array.from({ length: 6 }, (_, i) => ({ email: `hdnd${i}@quangninh.gov.vn`, group: 'hdnd', name: `Đại biểu ${i}` })),
    ...Array.from({ length: 4 }, (_, i) => ({ email: `so${i}@quangninh.gov.vn`, group: 'lanh_dao_so', name: `Giám đốc ${i}`, organisation: 'Sở Nội vụ' })),
  ]);
  await seedSubmittedList(t, '2023-tinh', '01', [{ email: 'a@hanoi.gov.vn', group: 'hdnd' }]);
  const set = (emails: string[], change: ReturnType<typeof sql>) =>
    t.db.execute(sql`update invitations set ${change} where email_norm in (${sql.join(emails.map((e) => sql`${e}`), sql`, `)})`);
  await set(['hdnd0@quangninh.gov.vn', 'hdnd1@quangninh.gov.vn', 'so0@quangninh.gov.vn'], sql`mail_status = 'sent'`);
  await set(['hdnd2@quangninh.gov.vn'], sql`mail_status = 'bounced', bounce_reason = '550 5.1.1 mailbox unavailable'`);
  await set(['hdnd1@quangninh.gov.vn'], sql`first_opened_at = now()`);
  await completeInvitations(t.db, sql`email_norm in ('hdnd0@quangninh.gov.vn', 'so0@quangninh.gov.vn')`, '2023-12-28');
});
afterAll(() => t?.close());

const get = (url: string, token: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) });

describe('progress API', () => {
  it('gives an officer their own body only, by group, without interference flags', async () => {
    const res = await get('/api/v1/campaigns/2023-tinh/progress', qn);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.bodies).toHaveLength(1);
    const body = report.bodies[0];
    expect(body).not.toHaveProperty('openFlags');
    expect(body).toMatchObject({ bodyCode: '22', listed: 10, invited: 10, delivered: 3, bounced: 1, opened: 3, completed: 2, completionRate: 0.2 });
    expect(body.groups.find((g: { groupCode: string }) => g.groupCode === 'hdnd')).toMatchObject({ listed: 6, delivered: 2, bounced: 1, opened: 2, completed: 1 });
    expect(report.series).toEqual([{ day: '2023-12-28', completed: 2, cumulative: 2 }]);
    expect(report.totals).toMatchObject({ bodies: 1, completed: 2 });
  });

  it('refuses an officer asking for another body through the filter', async () => {
    expect((await get('/api/v1/campaigns/2023-tinh/progress?body=01', qn)).statusCode).toBe(404);
    expect((await get('/api/v1/campaigns/2023-tinh/progress.csv?body=01', qn)).statusCode).toBe(404);
  });

  it('gives MOHA every body, sortable and filterable', async () => {
    const res = await get('/api/v1/campaigns/2023-tinh/progress?sort=completed&order=desc', admin);
    const report = res.json();
    expect(report.bodies.map((b: { bodyCode: string }) => b.bodyCode)).toEqual(['22', '01']);
    expect(report.bodies[0].openFlags).toBe(0);
    expect(report.totals).toMatchObject({ bodies: 2, listed: 11, completed: 2, submittedLists: 2 });
    const one = await get('/api/v1/campaigns/2023-tinh/progress?body=01', admin);
    expect(one.json().bodies.map((b: { bodyCode: string }) => b.bodyCode)).toEqual(['01']);
    const search = await get(`/api/v1/campaigns/2023-tinh/progress?q=${encodeURIComponent('quang ninh')}`, admin);
    expect(search.json().bodies.map((b: { bodyCode: string }) => b.bodyCode)).toEqual(['22']);
    expect((await get('/api/v1/campaigns/2023-tinh/progress?sort=nope', admin)).statusCode).toBe(400);
  });

  it('exports the table as formula-safe CSV with a BOM', async () => {
    const res = await get('/api/v1/campaigns/2023-tinh/progress.csv', qn);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\ufeffMã đơn vị,')).toBe(true);
    expect(res.body).toContain('22,Tỉnh Quảng Ninh,Đã gửi,hdnd,');
    expect(res.body).not.toContain('Thành phố Hà Nội');
    expect(res.body).toContain('22,Tỉnh Quảng Ninh,Đã gửi,,Cộng đơn vị,10,10,3,1,3,2,20.0\r\n');
    expect(res.body.endsWith(',Tổng cộng,,,,10,10,3,1,3,2,20.0\r\n')).toBe(true);
  });

  it('lists who has and has not answered, never what', async () => {
    const all = (await get('/api/v1/campaigns/2023-tinh/bodies/22/respondents', qn)).json();
    expect(all.total).toBe(10);
    expect((await get('/api/v1/campaigns/2023-tinh/bodies/22/respondents?limit=3&offset=3', qn)).json()).toMatchObject({ total: 10, rows: all.rows.slice(3, 6) });
    expect((await get('/api/v1/campaigns/2023-tinh/bodies/22/respondents?offset=100', qn)).json()).toEqual({ total: 10, rows: [] });
    expect(Object.keys(all.rows[0]).sort()).toEqual(['bounceReason', 'email', 'fullName', 'groupCode', 'organisation', 'phone', 'position', 'respondentId', 'status']);
    const bounced = (await get('/api/v1/campaigns/2023-tinh/bodies/22/respondents?status=bounced', qn)).json();
    expect(bounced.rows).toEqual([expect.objectContaining({ email: 'hdnd2@quangninh.gov.vn', status: 'bounced', bounceReason: '550 5.1.1 mailbox unavailable' })]);
    const waiting = (await get('/api/v1/campaigns/2023-tinh/bodies/22/respondents?status=not_completed&group=hdnd', qn)).json();
    expect(waiting.total).toBe(5);
    const search = (await get(`/api/v1/campaigns/2023-tinh/bodies/22/respondents?q=${encodeURIComponent('Giám đốc 3')}`, qn)).json();
    expect(search.rows.map((r: { email: string }) => r.email)).toEqual(['so3@quangninh.gov.vn']);
    expect((await get('/api/v1/campaigns/2023-tinh/bodies/01/respondents', qn)).statusCode).toBe(404);
  });

  it('filters each status exactly as it labels it, and the statuses add up to the list', async () => {
    await t.db.execute(sql`update invitations set status = 'cancelled' where email_norm = 'so3@quangninh.gov.vn'`);
    await t.db.execute(sql`update invitations set mail_status = 'failed' where email_norm = 'so2@quangninh.gov.vn'`);
    await t.db.execute(sql`update invitations set mail_status = 'sent' where email_norm = 'hdnd3@quangninh.gov.vn'`);
    const all = (await get('/api/v1/campaigns/2023-tinh/bodies/22/respondents', qn)).json();
    const totals: Record<string, number> = {};
    for (const status of ['not_invited', 'invited', 'delivered', 'bounced', 'opened', 'completed']) {
      const res = (await get(`/api/v1/campaigns/2023-tinh/bodies/22/respondents?status=${status}`, qn)).json();
      expect(res.rows.every((r: { status: string }) => r.status === status), status).toBe(true);
      expect(res.total).toBe(all.rows.filter((r: { status: string }) => r.status === status).length);
      totals[status] = res.total;
    }
    expect(totals).toEqual({ not_invited: 1, invited: 4, delivered: 1, bounced: 1, opened: 1, completed: 2 });
    const waiting = (await get('/api/v1/campaigns/2023-tinh/bodies/22/respondents?status=not_completed', qn)).json();
    expect(waiting.total).toBe(totals.invited! + totals.delivered! + totals.bounced! + totals.opened!);
    await t.db.execute(sql`update invitations set status = 'active' where email_norm = 'so3@quangninh.gov.vn'`);
    await t.db.execute(sql`update invitations set mail_status = 'queued' where email_norm in ('so2@quangninh.gov.vn', 'hdnd3@quangninh.gov.vn')`);
  });
});
