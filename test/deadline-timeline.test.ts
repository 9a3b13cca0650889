// A deadline typed by MOHA is checked against the campaign's own timeline the
// same way on the page, in the API and on the command line: a date already
// past, or an "extension" before the campaign's deadline, is refused with a
// Vietnamese sentence and nothing is saved.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, bearer, createTestApp, login, seedProvinceCampaign, type TestApp } from './helpers/app.js';
import { runCli } from './helpers/cli.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';
import { csrfFrom, pageLogin } from './helpers/pages.js';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { bodies: ['01', '22'], listDeadline: '15/12/2098', responseDeadline: '10/01/2099' });
  await addUser(t, 'moha', 'admin');
  admin = await login(t.app, 'moha');
});
afterAll(() => t?.close());

const put = (body: string, listDeadline: string | null) =>
  t.app.inject({ method: 'PUT', url: `/api/v1/campaigns/2023-tinh/bodies/${body}/list-deadline`, headers: bearer(admin), payload: { listDeadline } });
const patch = (payload: object) => t.app.inject({ method: 'PATCH', url: '/api/v1/campaigns/2023-tinh/deadlines', headers: bearer(admin), payload });

describe('a body’s list deadline in the API', () => {
  it.each([
    ['a date already past', '01/01/2020', /đã qua/],
    ['a date before the campaign’s own list deadline', '10/12/2098', /sớm hơn hạn gửi danh sách chung của đợt \(23:59 ngày 15\/12\/2098\)/],
    ['a date after the response deadline', '20/01/2099', /phải trước hạn trả lời phiếu/],
  ])('refuses %s and keeps the deadline as it was', async (_, input, message) => {
    const res = await put('22', input);
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toMatch(message);
    expect((await t.services.campaigns.getBody('2023-tinh', '22')).listDeadlineExtended).toBe(false);
  });

  it('accepts an extension inside the timeline, and withdrawing it', async () => {
    expect((await put('22', '20/12/2098')).json()).toMatchObject({ listDeadlineExtended: true, listDeadline: { text: '23:59 ngày 20/12/2098' } });
    expect((await put('22', null)).json()).toMatchObject({ listDeadlineExtended: false });
  });
});

describe('the campaign’s own deadlines in the API', () => {
  it('refuses a response deadline in the past or before a body’s extension', async () => {
    const past = await patch({ responseDeadline: '01/01/2020' });
    expect(past.statusCode).toBe(422);
    expect(past.json().detail).toMatch(/Hạn trả lời phiếu 23:59 ngày 01\/01\/2020 đã qua|phải trước/);
    await put('01', '05/01/2099');
    const early = await patch({ responseDeadline: '04/01/2099' });
    expect(early.statusCode).toBe(422);
    expect(early.json().detail).toMatch(/Thành phố Hà Nội được gia hạn gửi danh sách đến 23:59 ngày 05\/01\/2099/);
    expect((await t.services.campaigns.get('2023-tinh')).responseDeadline.text).toBe('23:59 ngày 10/01/2099');
    await put('01', null);
  });
});

describe('the body page form', () => {
  it('shows the reason on the page and keeps what was typed', async () => {
    const moha = await pageLogin(t.app, 'moha');
    const page = await moha.get('/c/2023-tinh/b/22');
    const res = await moha.post('/c/2023-tinh/b/22/list-deadline', { _csrf: csrfFrom(page.body), listDeadline: '01/12/2098' });
    expect(res.status).toBe(422);
    expect(res.body).toContain('sớm hơn hạn gửi danh sách chung của đợt');
    expect(res.body).toContain('value="01/12/2098"');
    expect(res.body).not.toContain('Đã lưu thời hạn');
  });
});

describe('the command line', { timeout: 240_000 }, () => {
  let database: TestDatabase | undefined;
  let env: Record<string, string>;
  beforeAll(async () => {
    env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'par-deadline-')) };
    if (process.env.TEST_DATABASE_URL) {
      database = await createTestDatabase();
      env.DATABASE_URL = database.url!;
    } else {
      expect((await runCli(['migrate'], env)).code).toBe(0);
    }
    const created = await runCli(['campaign', 'create', '--preset', '2023-province', '--id', 't', '--bodies', '01,22', '--list-deadline', '15/12/2098', '--response-deadline', '10/01/2099'], env);
    expect(created.code).toBe(0);
  });
  afterAll(async () => database?.close());

  it('refuses a past or too early extension with the reason and a non-zero exit', async () => {
    const past = await runCli(['campaign', 'deadline', '--campaign', 't', '--body', '22', '--list', '01/01/2020'], env);
    expect(past.code).not.toBe(0);
    expect(past.stderr).toMatch(/đã qua/);
    expect(past.stdout).not.toMatch(/Đã gia hạn/);
    const early = await runCli(['campaign', 'deadline', '--campaign', 't', '--body', '22', '--list', '01/12/2098'], env);
    expect(early.code).not.toBe(0);
    expect(early.stderr).toMatch(/sớm hơn hạn gửi danh sách chung/);
    const ok = await runCli(['campaign', 'deadline', '--campaign', 't', '--body', '22', '--list', '20/12/2098'], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Đã gia hạn gửi danh sách cho Tỉnh Quảng Ninh đến 23:59 ngày 20\/12\/2098/);
  });
});
