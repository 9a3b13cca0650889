// Sessions end everywhere at once: two app instances share one database and
// nothing else, as two processes behind a load balancer would.
import { createHmac } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { addUser, bearer, createTestApp, login, TEST_PASSWORD, type TestApp } from './helpers/app.js';
import { csrfFrom, pageLogin } from './helpers/pages.js';

let t: TestApp;
let other: FastifyInstance;

beforeAll(async () => {
  t = await createTestApp({ LOGIN_ADDRESS_LIMIT: '20' });
  other = await buildApp({ database: t.database, config: t.config, logger: false });
  await other.ready();
  for (const name of ['ana', 'binh', 'chi', 'dung', 'giang', 'hoa']) await addUser(t, name, 'scoring');
}, 60_000);
afterAll(async () => {
  await other?.close();
  await t?.close();
});

const me = (app: FastifyInstance, headers: Record<string, string>) => app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
const apiLogin = (app: FastifyInstance, username: string, password: string, ip = '203.0.113.7') =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });

function signed(claims: Record<string, unknown>): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  return `${head}.${createHmac('sha256', t.config.jwtSecret).update(head).digest('base64url')}`;
}

describe('revocation across processes', () => {
  it('ends a bearer session on every process at logout', async () => {
    const token = await login(t.app, 'ana');
    expect((await me(other, bearer(token))).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(token) })).statusCode).toBe(204);
    const res = await me(other, bearer(token));
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toMatch(/không còn hiệu lực/);
  });

  it('ends a page session on every process at logout, and only that session', async () => {
    const browser = await pageLogin(t.app, 'binh');
    const laptop = await login(other, 'binh');
    expect((await me(other, { cookie: browser.cookie })).statusCode).toBe(200);
    const home = await browser.get('/');
    const out = await browser.post('/logout', { _csrf: csrfFrom(home.body) });
    expect(out.status).toBe(303);
    expect((await me(other, { cookie: browser.cookie })).statusCode).toBe(401);
    expect((await me(other, bearer(laptop))).statusCode).toBe(200);
  });

  it('ends every session of the account on every process when the password changes', async () => {
    const first = await login(t.app, 'chi');
    const second = await login(other, 'chi');
    const res = await other.inject({ method: 'POST', url: '/api/v1/auth/password', headers: bearer(second), payload: { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-that-dai' } });
    expect(res.statusCode).toBe(204);
    expect((await me(t.app, bearer(first))).statusCode).toBe(401);
    expect((await me(other, bearer(second))).statusCode).toBe(401);
  });
});

describe('token claims', () => {
  it('refuses a token signed with the real secret but without exp', async () => {
    const live = JSON.parse(Buffer.from((await login(t.app, 'dung')).split('.')[1]!, 'base64url').toString());
    const { exp: _exp, ...noExp } = live;
    expect((await me(t.app, bearer(signed(live)))).statusCode).toBe(200);
    expect((await me(t.app, bearer(signed(noExp)))).statusCode).toBe(401);
  });

  it('refuses a token signed with the real secret but without iat', async () => {
    const live = JSON.parse(Buffer.from((await login(t.app, 'dung')).split('.')[1]!, 'base64url').toString());
    const { iat: _iat, ...noIat } = live;
    expect((await me(t.app, bearer(signed(noIat)))).statusCode).toBe(401);
  });

  it('refuses a token without a session id', async () => {
    const live = JSON.parse(Buffer.from((await login(t.app, 'dung')).split('.')[1]!, 'base64url').toString());
    const { sid: _sid, ...noSid } = live;
    expect((await me(t.app, bearer(signed(noSid)))).statusCode).toBe(401);
  });
});

describe('one login limit', () => {
  it('counts API and page tries together, on every process, for one account', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await apiLogin(t.app, 'giang', `sai-mat-khau-${i}`)).statusCode);
    for (let i = 0; i < 3; i++) codes.push((await apiLogin(other, 'giang', `sai-mat-khau-b${i}`, '198.51.100.9')).statusCode);
    for (let i = 0; i < 3; i++) {
      const page = await t.app.inject({ method: 'GET', url: '/login' });
      const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const res = await t.app.inject({
        method: 'POST',
        url: '/login',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrfFrom(page.body), username: 'giang', password: `sai-trang-${i}` }).toString(),
      });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual(Array(10).fill(401));
    const refused = await apiLogin(other, 'giang', TEST_PASSWORD, '192.0.2.44');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().detail).toMatch(/quá nhiều lần/);
  }, 60_000);

  it('caps one address trying many usernames', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) codes.push((await apiLogin(i % 2 ? t.app : other, `khach-${i}`, 'doan-mo-mat-khau', '203.0.113.200')).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    expect(codes[20]).toBe(429);
    expect((await apiLogin(t.app, 'hoa', TEST_PASSWORD, '203.0.113.200')).statusCode).toBe(429);
    expect((await apiLogin(t.app, 'hoa', TEST_PASSWORD, '203.0.113.201')).statusCode).toBe(200);
  }, 120_000);

  it('does not count successful logins against a shared address', async () => {
    for (let i = 0; i < 25; i++) expect((await apiLogin(t.app, 'hoa', TEST_PASSWORD, '203.0.113.202')).statusCode).toBe(200);
  }, 60_000);
});
