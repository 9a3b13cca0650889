// Every pooled connection held by requests that cannot finish (here: blocked on a
// lock another session keeps): the next request is told 503 with Retry-After at
// once instead of waiting behind them, /readyz says the process cannot serve,
// and everything answers again once the connections are free. A statement
// timeout frees a connection that would otherwise be held for good.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { TEST_PASSWORD } from '../helpers/app.js';
import { startPrivatePostgres, type PrivatePostgres } from './helpers/private-pg.js';
import { eventually, listeningApp, migratedDatabase, type ListeningApp } from './helpers/service.js';

let pg: PrivatePostgres;
let url: string;
const POOL = 3;

beforeAll(async () => {
  pg = await startPrivatePostgres();
  url = await migratedDatabase(pg);
  const s = await listeningApp(url);
  await s.services.accounts.createUser({ username: 'moha', role: 'admin', password: TEST_PASSWORD }, 'test');
  await s.close();
});
afterAll(async () => {
  await pg?.destroy();
});

/** Fails the test, instead of hanging it, when no answer comes within 15 s. */
const call = (base: string, path: string, init: RequestInit = {}) => fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(15_000) });
const login = (base: string) =>
  call(base, '/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'moha', password: TEST_PASSWORD }) });

/** Another session locks the accounts table until `release` is called. */
async function lockUsers() {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const holder = admin.begin(async (tx) => {
    await tx`lock table users in access exclusive mode`;
    locked();
    await released;
  });
  await isLocked;
  return {
    release: async () => {
      release();
      await holder;
      await admin.end();
    },
  };
}

async function waitingOnLock(n: number) {
  const watcher = postgres(pg.url, { max: 1, onnotice: () => {} });
  try {
    await eventually(async () => (await watcher`select 1 from pg_stat_activity where application_name = 'par-survey' and wait_event_type = 'Lock'`).length >= n, 30_000, 50);
  } finally {
    await watcher.end();
  }
}

async function expectBusy(res: Response) {
  expect(res.status).toBe(503);
  expect(res.headers.get('retry-after')).toBeTruthy();
  const problem = (await res.json()) as { code: string; detail: string };
  expect(problem.code).toBe('database_busy');
  expect(problem.detail).toMatch(/thử lại/);
}

describe('an exhausted pool', () => {
  let s: ListeningApp;
  beforeAll(async () => {
    s = await listeningApp(url, { DB_POOL_MAX: String(POOL), DB_ACQUIRE_TIMEOUT_MS: '1000' });
  });
  afterAll(() => s?.close());

  it('answers 503 with Retry-After and /readyz says not ready, until the connections are free', async () => {
    const lock = await lockUsers();
    let held: Promise<Response[]> | undefined;
    try {
      held = Promise.all(Array.from({ length: POOL }, () => login(s.base)));
      await waitingOnLock(POOL);
      expect(s.database.pool!()).toMatchObject({ size: POOL, inUse: POOL });

      const ready = await call(s.base, '/readyz');
      expect(ready.status).toBe(503);
      expect(ready.headers.get('retry-after')).toBeTruthy();
      expect(((await ready.json()) as { code: string }).code).toBe('database_busy');
      await expectBusy(await login(s.base));
      expect((await call(s.base, '/healthz')).status).toBe(200);
    } finally {
      await lock.release();
    }
    expect((await held!).map((r) => r.status)).toEqual(Array(POOL).fill(200));
    expect((await call(s.base, '/readyz')).status).toBe(200);
    expect((await login(s.base)).status).toBe(200);
    expect(s.database.pool!()).toMatchObject({ inUse: 0, waiting: 0 });
  });
});

describe('a statement that cannot finish', () => {
  let s: ListeningApp;
  beforeAll(async () => {
    s = await listeningApp(url, { DB_POOL_MAX: String(POOL), DB_STATEMENT_TIMEOUT_MS: '1500' });
  });
  afterAll(() => s?.close());

  it('is cut off at the statement timeout, answered 503, and its connection serves again', async () => {
    const lock = await lockUsers();
    try {
      const answers = await Promise.all(Array.from({ length: POOL }, () => login(s.base)));
      for (const res of answers) await expectBusy(res);
      expect(s.database.pool!()).toMatchObject({ inUse: 0 });
      expect((await call(s.base, '/readyz')).status).toBe(200);
    } finally {
      await lock.release();
    }
    expect((await login(s.base)).status).toBe(200);
  });
});
