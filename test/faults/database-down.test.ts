// PostgreSQL goes away under a running service: every request that needs it
// answers 503 with a problem+json a person can act on (never a 500 or a hang),
// and the service recovers by itself once PostgreSQL is back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { TEST_PASSWORD } from '../helpers/app.js';
import { startPrivatePostgres, type PrivatePostgres } from './helpers/private-pg.js';
import { eventually, listeningApp, migratedDatabase, spawnServe, type ListeningApp } from './helpers/service.js';

let pg: PrivatePostgres;
let url: string;
let s: ListeningApp;
let token: string;

const login = (base: string) =>
  fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'moha', password: TEST_PASSWORD }) });
const progress = (base: string) => fetch(`${base}/api/v1/campaigns/2023-tinh/progress`, { headers: { authorization: `Bearer ${token}` } });
const ready = (base: string) => fetch(`${base}/readyz`);

async function expectUnavailable(res: Response) {
  expect(res.status).toBe(503);
  expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect(res.headers.get('retry-after')).toBeTruthy();
  const problem = (await res.json()) as { code: string; detail: string };
  expect(problem.code).toBe('database_unavailable');
  expect(problem.detail).toMatch(/cơ sở dữ liệu/i);
  expect(JSON.stringify(problem)).not.toMatch(/\bat .*\.(ts|js):\d+/);
}

beforeAll(async () => {
  pg = await startPrivatePostgres();
  url = await migratedDatabase(pg);
  s = await listeningApp(url);
  await s.services.campaigns.create({ preset: '2023-province', id: '2023-tinh', bodies: ['01', '22'], listDeadline: '2099-12-15', responseDeadline: '2100-01-10' }, 'test');
  await s.services.accounts.createUser({ username: 'moha', role: 'admin', password: TEST_PASSWORD }, 'test');
  token = ((await (await login(s.base)).json()) as { token: string }).token;
});
afterAll(async () => {
  await s?.close();
  await pg?.destroy();
});

describe('PostgreSQL down', () => {
  it('answers 503 on readiness, login and progress while stopped, and recovers by itself', async () => {
    expect((await progress(s.base)).status).toBe(200);
    await pg.stop('fast');

    await expectUnavailable(await ready(s.base));
    await expectUnavailable(await login(s.base));
    await expectUnavailable(await progress(s.base));
    expect((await fetch(`${s.base}/healthz`)).status).toBe(200);

    await pg.start();
    await eventually(async () => (await ready(s.base)).status === 200);
    expect((await login(s.base)).status).toBe(200);
    expect((await progress(s.base)).status).toBe(200);
  });

  it('survives its connections being killed under it', async () => {
    expect((await progress(s.base)).status).toBe(200);
    const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
    try {
      const killed = await admin`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'par-survey' and pid <> pg_backend_pid()`;
      expect(killed.length).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await progress(s.base)).status);
    expect(statuses.every((code) => code === 200 || code === 503)).toBe(true);
    expect(statuses.at(-1)).toBe(200);
  });

  it('a spawned serve process answers 503 after a crash of PostgreSQL and recovers once it is back', async () => {
    const child = await spawnServe({ DATABASE_URL: url, SENDER: 'off' });
    try {
      expect((await ready(child.base)).status).toBe(200);
      await pg.stop('immediate');
      await expectUnavailable(await ready(child.base));
      await expectUnavailable(await login(child.base));
      await pg.start();
      await eventually(async () => (await ready(child.base)).status === 200);
      expect((await login(child.base)).status).toBe(200);
      expect(child.child.exitCode).toBeNull();
    } finally {
      await child.kill();
    }
  });
});
