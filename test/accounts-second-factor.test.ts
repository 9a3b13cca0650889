// MOHA's administrators log in with a second factor (TOTP, RFC 6238) or a
// single-use recovery code; body officers may turn it on. Wrong codes count
// against the same login limit as wrong passwords.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../src/modules/accounts/second-factor.js';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../src/db/client.js';
import { addUser, bearer, createTestApp, login, seedProvinceCampaign, TEST_PASSWORD, type TestApp } from './helpers/app.js';
import { csrfFrom, pageLogin } from './helpers/pages.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ ADMIN_SECOND_FACTOR: 'required' });
  await seedProvinceCampaign(t, { bodies: ['01'] });
  await addUser(t, 'moha', 'admin');
  await addUser(t, 'moha2', 'admin');
  await addUser(t, 'hanoi', 'body', '01');
}, 60_000);
afterAll(() => t?.close());

const apiLogin = (payload: Record<string, string>, ip = '203.0.113.9') => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, remoteAddress: ip });
/** The code the app shows half a minute on: a later step than the one taken when setting up. */
const nextCode = (secret: string) => totpCode(secret, Date.now() + 30_000);

async function enrol(token: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  const start = await t.app.inject({ method: 'POST', url: '/api/v1/auth/second-factor', headers: bearer(token) });
  expect(start.statusCode).toBe(200);
  const { secret, uri } = start.json();
  expect(uri).toMatch(/^otpauth:\/\/totp\/.+\?.*secret=/);
  const confirm = await t.app.inject({ method: 'POST', url: '/api/v1/auth/second-factor/confirm', headers: bearer(token), payload: { code: totpCode(secret, Date.now()) } });
  expect(confirm.statusCode).toBe(200);
  return { secret, recoveryCodes: confirm.json().recoveryCodes };
}

describe('administrators must set up a second factor', () => {
  it('lets an administrator without one reach only the set-up', async () => {
    const token = await login(t.app, 'moha2');
    const users = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer(token) });
    expect(users.statusCode).toBe(403);
    expect(users.json().code).toBe('second_factor_setup_required');
    const browser = await pageLogin(t.app, 'moha2');
    const page = await browser.get('/admin/accounts');
    expect(page.status).toBe(303);
    expect(page.location).toBe('/account/security');
    const security = await browser.get('/account/security');
    expect(security.body).toContain('phải bật xác thực hai lớp');
  });
});

describe('TOTP login on the API', () => {
  let secret: string;
  let recoveryCodes: string[];

  beforeAll(async () => {
    ({ secret, recoveryCodes } = await enrol(await login(t.app, 'moha')));
  }, 60_000);

  it('asks for the code after a right password, logs in with it, and refuses the same code twice', async () => {
    const first = await apiLogin({ username: 'moha', password: TEST_PASSWORD });
    expect(first.statusCode).toBe(401);
    expect(first.json().code).toBe('second_factor_required');
    const code = nextCode(secret);
    const res = await apiLogin({ username: 'moha', password: TEST_PASSWORD, code });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer(res.json().token) })).statusCode).toBe(200);
    const again = await apiLogin({ username: 'moha', password: TEST_PASSWORD, code });
    expect(again.statusCode).toBe(401);
    expect(again.json().code).toBe('wrong_second_factor');
  });

  it('takes a recovery code once only', async () => {
    const code = recoveryCodes[0]!;
    expect((await apiLogin({ username: 'moha', password: TEST_PASSWORD, code })).statusCode).toBe(200);
    expect((await apiLogin({ username: 'moha', password: TEST_PASSWORD, code })).json().code).toBe('wrong_second_factor');
    expect((await apiLogin({ username: 'moha', password: TEST_PASSWORD, code: recoveryCodes[1]!.toUpperCase() })).statusCode).toBe(200);
  });

  it('keeps recovery codes only as hashes', async () => {
    const stored = rowsOf<{ code_hash: string }>(await t.db.execute(sql`select code_hash from recovery_codes`)).map((r) => r.code_hash);
    expect(stored).toHaveLength(10);
    for (const c of recoveryCodes) expect(stored.join(' ')).not.toContain(c.replace('-', ''));
  });

  it('rate-limits wrong codes like wrong passwords', async () => {
    await t.db.execute(sql`delete from attempt_counters`);
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await apiLogin({ username: 'moha', password: TEST_PASSWORD, code: String(100000 + i) }, `198.51.100.${i}`)).statusCode);
    expect(codes.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(codes[10]).toBe(429);
    const right = await apiLogin({ username: 'moha', password: TEST_PASSWORD, code: totpCode(secret, Date.now() + 90_000) }, '198.51.100.99');
    expect(right.statusCode).toBe(429);
    await t.db.execute(sql`delete from attempt_counters`);
  }, 60_000);

  it('lets the operator clear a lost second factor, ending its sessions, after which set-up is due again', async () => {
    const before = await apiLogin({ username: 'moha', password: TEST_PASSWORD, code: recoveryCodes[2]! });
    const id = (await t.services.accounts.listUsers()).find((u) => u.username === 'moha')!.id;
    await t.services.accounts.clearSecondFactor(id, 'cli');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(before.json().token) })).statusCode).toBe(401);
    const res = await apiLogin({ username: 'moha', password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(res.json().token) });
    expect(me.json()).toMatchObject({ secondFactor: false, mustEnrol: true });
  });
});

describe('TOTP login on the page, for a body officer who turned it on', () => {
  it('asks for the code on a second step and then opens the session', async () => {
    const officer = await pageLogin(t.app, 'hanoi');
    await officer.post('/account/security/start', { _csrf: csrfFrom((await officer.get('/account/security')).body) });
    const setup = await officer.get('/account/security');
    expect(setup.body).toContain('otpauth://totp/');
    const secret = setup.body.match(/id="totp-secret">([A-Z2-7 ]+)</)![1]!.replace(/ /g, '');
    const done = await officer.post('/account/security/confirm', { _csrf: csrfFrom(setup.body), code: totpCode(secret, Date.now()) });
    expect(done.status).toBe(200);
    expect(done.body).toContain('chỉ hiện một lần');

    const page = await t.app.inject({ method: 'GET', url: '/login' });
    const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const post = (form: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: '/login', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(form).toString() });
    const step1 = await post({ _csrf: csrfFrom(page.body), username: 'hanoi', password: TEST_PASSWORD, next: '/' });
    expect(step1.statusCode).toBe(200);
    expect(step1.body).toContain('Mã xác thực');
    expect(step1.body).not.toContain(TEST_PASSWORD);
    const pending = step1.body.match(/name="pending" value="([^"]+)"/)![1]!;
    const wrong = await post({ _csrf: csrfFrom(step1.body), pending, code: '000000' });
    expect(wrong.statusCode).toBe(401);
    const step2 = await post({ _csrf: csrfFrom(wrong.body), pending, code: totpCode(secret, Date.now() + 30_000) });
    expect(step2.statusCode).toBe(303);
    const session = step2.cookies.find((c) => c.name === 'par_session')!;
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `par_session=${session.value}` } });
    expect(me.json()).toMatchObject({ username: 'hanoi', secondFactor: true, bodyName: 'Thành phố Hà Nội' });
  });
});
