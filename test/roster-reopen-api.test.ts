import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvText, header } from './fixtures/roster-files.js';
import { addUser, bearer, createTestApp, login, seedProvinceCampaign, type TestApp } from './helpers/app.js';
import { multipart } from './helpers/multipart.js';

let t: TestApp;
let qn: string;
let moha: string;
const C = '2023-tinh';
const base = `/api/v1/campaigns/${C}/bodies/22`;

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { bodies: ['22'] });
  await addUser(t, 'qn', 'body', '22');
  await addUser(t, 'moha', 'admin');
  [qn, moha] = await Promise.all([login(t.app, 'qn'), login(t.app, 'moha')]);
  const form = multipart({}, { name: 'danh-sach.csv', bytes: Buffer.from(csvText([[...header, 'Nhóm'], ['Đỗ Thu Trang', 'do.thu.trang@quangninh.gov.vn', '', '', '', 'hdnd']])) });
  const imported = await t.app.inject({ method: 'POST', url: `${base}/imports`, headers: { ...bearer(qn), ...form.headers }, payload: form.payload });
  expect(imported.statusCode).toBe(200);
  expect((await t.app.inject({ method: 'POST', url: `${base}/submit`, headers: bearer(qn) })).statusCode).toBe(200);
  await t.db.execute(sql`update campaigns set list_deadline = now() - interval '1 minute' where id = ${C}`);
});
afterAll(() => t?.close());

const reopen = (payload?: object) =>
  t.app.inject({ method: 'POST', url: `${base}/reopen`, headers: bearer(moha), ...(payload ? { payload } : {}) });

describe('reopening a list through the API after the list deadline', () => {
  it('refuses without a new list deadline, saying why, and keeps the list submitted', async () => {
    const res = await reopen();
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toMatch(/đã hết.*hạn gửi danh sách mới/);
    expect((await reopen({})).statusCode).toBe(422);
    expect((await t.services.campaigns.getBody(C, '22')).listState).toBe('submitted');
  });

  it('checks the new deadline against the timeline', async () => {
    const past = await reopen({ listDeadline: '2020-01-01' });
    expect(past.statusCode).toBe(422);
    expect(past.json().detail).toMatch(/đã qua/);
    const afterResponses = await reopen({ listDeadline: '2100-02-01' });
    expect(afterResponses.statusCode).toBe(422);
    expect((await t.services.campaigns.getBody(C, '22')).listState).toBe('submitted');
  });

  it('reopens with a valid new deadline in one step, so the body can send the list again', async () => {
    const res = await reopen({ listDeadline: '2099-12-20' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ listState: 'draft' });
    expect(res.json().listDeadline).toMatch(/20\/12\/2099/);
    expect((await t.app.inject({ method: 'POST', url: `${base}/submit`, headers: bearer(qn) })).statusCode).toBe(200);
  });

  it('still refuses a list that is not submitted (409) and an officer (403)', async () => {
    expect((await t.app.inject({ method: 'POST', url: `${base}/reopen`, headers: bearer(qn), payload: { listDeadline: '2099-12-20' } })).statusCode).toBe(403);
    expect((await reopen({ listDeadline: '2099-12-21' })).statusCode).toBe(200);
    expect((await reopen({ listDeadline: '2099-12-21' })).statusCode).toBe(409);
  });
});
