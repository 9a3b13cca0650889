// `serve` in production checks that PostgreSQL keeps what it commits: with fsync
// or synchronous_commit off it refuses to start and says what to set, unless
// the operator overrides it explicitly, and then it warns loudly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { startPrivatePostgres, type PrivatePostgres } from './helpers/private-pg.js';
import { migratedDatabase, spawnServe } from './helpers/service.js';

let pg: PrivatePostgres;
let url: string;
let admin: postgres.Sql;

beforeAll(async () => {
  pg = await startPrivatePostgres();
  url = await migratedDatabase(pg);
  admin = postgres(pg.url, { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await admin?.end();
  await pg?.destroy();
});

const production = { NODE_ENV: 'production', SENDER: 'off', INTEGRITY_INTERVAL_SECONDS: '0', PUBLIC_BASE_URL: 'https://khaosat.test' };

/** The output of a serve process that must exit before it listens. */
async function refusedStart(env: Record<string, string>): Promise<string> {
  try {
    const child = await spawnServe(env);
    await child.kill();
  } catch (error) {
    return String(error);
  }
  throw new Error('serve started');
}

describe('serve in production', () => {
  it('starts against a server that keeps its commits (the suite runs its cluster so)', async () => {
    const [settings] = await admin`select current_setting('fsync') as fsync, current_setting('synchronous_commit') as sc`;
    expect(settings).toEqual({ fsync: 'on', sc: 'on' });
    const child = await spawnServe({ ...production, DATABASE_URL: url });
    try {
      expect((await fetch(`${child.base}/readyz`)).status).toBe(200);
      expect(child.output()).not.toMatch(/CẢNH BÁO/);
    } finally {
      await child.kill();
    }
  });

  it('refuses synchronous_commit=off, and starts with a loud warning only when told to', async () => {
    const name = new URL(url).pathname.slice(1);
    await admin.unsafe(`alter database ${name} set synchronous_commit = off`);
    try {
      const output = await refusedStart({ ...production, DATABASE_URL: url });
      expect(output).toMatch(/Từ chối khởi động/);
      expect(output).toMatch(/synchronous_commit = off/);
      expect(output).toMatch(/ALLOW_NONDURABLE_DATABASE/);
      expect(output).not.toMatch(/\bat .*\.(ts|js):\d+/);

      const child = await spawnServe({ ...production, DATABASE_URL: url, ALLOW_NONDURABLE_DATABASE: 'yes' });
      try {
        expect((await fetch(`${child.base}/readyz`)).status).toBe(200);
        expect(child.output()).toMatch(/CẢNH BÁO[\s\S]*synchronous_commit = off/);
      } finally {
        await child.kill();
      }
      // Development and tests may trade durability for speed without a word.
      const dev = await spawnServe({ DATABASE_URL: url, SENDER: 'off' });
      await dev.kill();
    } finally {
      await admin.unsafe(`alter database ${name} reset synchronous_commit`);
    }
  });

  it('refuses fsync=off', async () => {
    await admin`alter system set fsync = off`;
    await admin`select pg_reload_conf()`;
    try {
      const output = await refusedStart({ ...production, DATABASE_URL: url });
      expect(output).toMatch(/fsync = off/);
    } finally {
      await admin`alter system reset fsync`;
      await admin`select pg_reload_conf()`;
    }
  });
});
