// The embedded database runs one statement at a time. In serve, a request that
// waits behind a long transaction is answered 503 with Retry-After once the
// acquisition timeout is up, and /readyz says not ready, until the work ends.
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp, createServices } from '../src/app.js';
import type { Database } from '../src/db/client.js';
import { wrapPglite } from '../src/db/pglite.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { TEST_PASSWORD, testConfig } from './helpers/app.js';

let database: Database;
let app: FastifyInstance;

beforeAll(async () => {
  database = wrapPglite(await PGlite.create(), () => {}, { acquireTimeoutMs: 300 });
  await migrateDatabase(database);
  const config = testConfig();
  app = await buildApp({ database, config, logger: false });
  await createServices({ database, config }).accounts.createUser({ username: 'moha', role: 'admin', password: TEST_PASSWORD }, 'test');
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const login = () => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'moha', password: TEST_PASSWORD } });

describe('the embedded database held by a long transaction', () => {
  it('answers 503 with Retry-After and reports not ready, then serves once the transaction ends', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const isStarted = new Promise<void>((resolve) => (started = resolve));
    const long = database.db.transaction(async () => {
      started();
      await released;
    });
    await isStarted;
    try {
      const ready = await app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ code: 'database_busy' });
      const refused = await login();
      expect(refused.statusCode).toBe(503);
      expect(refused.headers['retry-after']).toBeTruthy();
      expect(refused.json()).toMatchObject({ code: 'database_busy' });
    } finally {
      release();
      await long;
    }
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    expect((await login()).statusCode).toBe(200);
  });
});
