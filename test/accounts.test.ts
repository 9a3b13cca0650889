import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, bearer, createTestApp, login, seedProvinceCampaign, TEST_PASSWORD, type TestApp } from './helpers/app.js';
import { verifyAudit } from '../src/modules/audit/audit.service.js';
import { sql } from 'drizzle-orm';

let t: TestApp;
let adminToken: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t);
  await addUser(t, 'moha', 'admin');
  await addUser(t, 'hanoi', 'body', '01');
  adminToken = await login(t.app, 'moha');
});
afterAll(() => t?.close());

const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('login', () => {
  it('returns a bearer token and sets an HttpOnly SameSite=Strict session cookie', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'HaNoi', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { username: 'hanoi', role: 'body', bodyCode: '01' } });
    const cookie = res.cookies.find((c) => c.name === 'par_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const viaCookie = await me({ cookie: `par_session=${cookie.value}` });
    expect(viaCookie.json()).toMatchObject({ username: 'hanoi', bodyCode: '01' });
  });

  it('refuses a wrong password with 401 and a clear message', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'hanoi', password: 'sai-mat-khau-roi' } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'wrong_credentials', detail: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'khong-ai', password: 'sai-mat-khau-roi' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
  });

  it('lists the fields of an invalid login body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'body.password' })]);
  });

  it('rate-limits repeated attempts for one user from one address', async () => {
    await addUser(t, 'quangninh', 'body', '22');
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'quangninh', password: `doan-mo-${i}-xxxx` } });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });
});

describe('session tokens', () => {
  it('accepts a fresh token', async () => {
    expect((await me(bearer(await login(t.app, 'hanoi')))).statusCode).toBe(200);
  });

  it('refuses an expired token', async () => {
    const user = (await t.services.accounts.listUsers()).find((u) => u.username === 'hanoi')!;
    const old = t.app.jwt.sign({ sub: user.id, sid: '00000000-0000-4000-8000-000000000000', role: 'body', body: '01', tv: 0 }, { clockTimestamp: Date.now() - 9 * 3600_000 } as never);
    const res = await me(bearer(old));
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toMatch(/hết hạn/);
  });

  it('refuses a tampered token', async () => {
    const [h, p, s] = (await login(t.app, 'hanoi')).split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const forged = `${h}.${b64({ ...claims, role: 'admin', body: null })}.${s}`;
    expect((await me(bearer(forged))).statusCode).toBe(401);
  });

  it('refuses a token with alg none', async () => {
    const [, p] = (await login(t.app, 'hanoi')).split('.');
    const res = await me(bearer(`${b64({ alg: 'none', typ: 'JWT' })}.${p}.`));
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toMatch(/không hợp lệ/);
  });

  it('refuses a token signed with another algorithm, even with the right secret', async () => {
    const [, p] = (await login(t.app, 'hanoi')).split('.');
    const header = b64({ alg: 'HS512', typ: 'JWT' });
    const signature = createHmac('sha512', t.config.jwtSecret).update(`${header}.${p}`).digest('base64url');
    expect((await me(bearer(`${header}.${p}.${signature}`))).statusCode).toBe(401);
  });

  it('refuses a token from another issuer or audience', async () => {
    const user = (await t.services.accounts.listUsers()).find((u) => u.username === 'hanoi')!;
    const foreign = t.app.jwt.sign({ sub: user.id, sid: '00000000-0000-4000-8000-000000000000', role: 'body', body: '01', tv: 0 }, { iss: 'other', aud: 'other' } as never);
    expect((await me(bearer(foreign))).statusCode).toBe(401);
  });

  it('ends the sessions of a revoked user', async () => {
    await addUser(t, 'revoked', 'scoring');
    const token = await login(t.app, 'revoked');
    expect((await me(bearer(token))).statusCode).toBe(200);
    const id = (await t.services.accounts.listUsers()).find((u) => u.username === 'revoked')!.id;
    const revoke = await t.app.inject({ method: 'POST', url: `/api/v1/users/${id}/revoke`, headers: bearer(adminToken) });
    expect(revoke.statusCode).toBe(200);
    const res = await me(bearer(token));
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toMatch(/không còn hiệu lực/);
    expect((await me(bearer(await login(t.app, 'revoked')))).statusCode).toBe(200);
  });

  it('locks a disabled account out of new and existing sessions', async () => {
    await addUser(t, 'locked', 'scoring');
    const token = await login(t.app, 'locked');
    const id = (await t.services.accounts.listUsers()).find((u) => u.username === 'locked')!.id;
    await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: bearer(adminToken), payload: { disabled: true } });
    expect((await me(bearer(token))).statusCode).toBe(401);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'locked', password: TEST_PASSWORD } });
    expect(res.json()).toMatchObject({ code: 'account_disabled' });
  });

  it('asks for a login when no token is sent', async () => {
    const res = await me({});
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toBe('Bạn cần đăng nhập để tiếp tục.');
  });
});

describe('accounts', () => {
  it('lets an admin create a body account for a known body', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: bearer(adminToken),
      payload: { username: 'qn.officer', password: 'mot-mat-khau-dai', role: 'body', bodyCode: '22', displayName: 'Sở Nội vụ Quảng Ninh' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'qn.officer', bodyCode: '22' });
    expect(res.json()).not.toHaveProperty('passwordHash');
  });

  it.each([
    [{ username: 'x1', password: 'mot-mat-khau-dai', role: 'body' }, 400],
    [{ username: 'short.pw', password: 'ngan', role: 'scoring' }, 422],
    [{ username: 'ghost', password: 'mot-mat-khau-dai', role: 'body', bodyCode: '99' }, 422],
    [{ username: 'hanoi', password: 'mot-mat-khau-dai', role: 'scoring' }, 409],
  ])('refuses %j with %i', async (payload, status) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: bearer(adminToken), payload });
    expect(res.statusCode).toBe(status);
    expect(res.json().detail).toBeTruthy();
  });

  it('keeps body officers away from account management', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer(await login(t.app, 'hanoi')) });
    expect(res.statusCode).toBe(403);
  });

  it('lets a user change their own password and ends their sessions', async () => {
    await addUser(t, 'changer', 'scoring');
    const token = await login(t.app, 'changer');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: bearer(token),
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-hon-nua' },
    });
    expect(res.statusCode).toBe(204);
    expect((await me(bearer(token))).statusCode).toBe(401);
    expect(await login(t.app, 'changer', 'mat-khau-moi-hon-nua')).toBeTruthy();
  });
});

describe('audit log', () => {
  it('records account changes in a chain that verifies, and detects an edit', async () => {
    const before = await verifyAudit(t.db);
    expect(before.ok).toBe(true);
    expect(before.entries).toBeGreaterThan(3);
    await t.db.execute(sql`update audit_log set actor = 'someone' where seq = 2`);
    expect(await verifyAudit(t.db)).toMatchObject({ ok: false, seq: 2, reason: 'edited' });
    await t.db.execute(sql`update audit_log set actor = 'test' where seq = 2`);
    await t.db.execute(sql`delete from audit_log where seq = 3`);
    expect(await verifyAudit(t.db)).toMatchObject({ ok: false, seq: 4, reason: 'removed_or_reordered' });
  });
});
