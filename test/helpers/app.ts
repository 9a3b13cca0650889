// The real app on a fresh database, plus ways to make accounts and log in.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, createServices, type Services } from '../../src/app.js';
import { parseConfig, type Config } from '../../src/config.js';
import type { Db } from '../../src/db/client.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export const TEST_PASSWORD = 'mat-khau-thu-nghiem-2023';

export function testConfig(overrides: Record<string, string> = {}): Config {
  return parseConfig({
    NODE_ENV: 'test',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'par-test-')),
    JWT_SECRET: 'j'.repeat(48),
    TOKEN_SECRET: 't'.repeat(48),
    PUBLIC_BASE_URL: 'http://khaosat.test',
    LOG_LEVEL: 'silent',
    ...overrides,
  });
}

export type TestApp = {
  app: FastifyInstance;
  database: TestDatabase;
  db: Db;
  config: Config;
  services: Services;
  close(): Promise<void>;
};

/** The real app on a fresh database; `logger` (a pino destination) to capture its log lines. */
export async function createTestApp(configOverrides: Record<string, string> = {}, logger: false | { level: string; stream: NodeJS.WritableStream } = false): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig(configOverrides);
  const app = await buildApp({ database, config, logger });
  await app.ready();
  return {
    app,
    database,
    db: database.db,
    config,
    services: createServices({ database, config }),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export async function addUser(t: TestApp, username: string, role: 'admin' | 'body' | 'scoring', bodyCode?: string) {
  return t.services.accounts.createUser({ username, role, password: TEST_PASSWORD, ...(bodyCode ? { bodyCode } : {}) }, 'test');
}

export async function login(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { token: string }).token;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A campaign from the 2023 province preset limited to a few provinces, with an admin. */
export async function seedProvinceCampaign(t: TestApp, options: { id?: string; bodies?: string[]; listDeadline?: string; responseDeadline?: string } = {}) {
  const id = options.id ?? '2023-tinh';
  await t.services.campaigns.create(
    {
      preset: '2023-province',
      id,
      bodies: options.bodies ?? ['01', '22'],
      listDeadline: options.listDeadline ?? '2099-12-15',
      responseDeadline: options.responseDeadline ?? '2100-01-10',
    },
    'test',
  );
  return id;
}
