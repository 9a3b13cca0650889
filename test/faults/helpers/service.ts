// The service under fault: a migrated database on the private cluster, the real
// app listening on a loopback port (or a spawned `par-survey serve` child), and
// plain HTTP calls against it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import type { FastifyInstance } from 'fastify';
import { buildApp, createServices, type Services } from '../../../src/app.js';
import { openPostgres, poolOptionsOf, type Database } from '../../../src/db/client.js';
import { migrateDatabase } from '../../../src/db/migrate.js';
import { BIN } from '../../helpers/cli.js';
import { testConfig } from '../../helpers/app.js';
import { freePort, type PrivatePostgres } from './private-pg.js';

/** A fresh migrated database on the private cluster; returns its URL. */
export async function migratedDatabase(pg: PrivatePostgres, name = `par_${Math.random().toString(36).slice(2, 8)}`): Promise<string> {
  const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = pg.url.replace(/\/postgres$/, `/${name}`);
  const database = openPostgres(url, 1);
  try {
    await migrateDatabase(database);
  } finally {
    await database.close();
  }
  return url;
}

export type ListeningApp = { app: FastifyInstance; base: string; database: Database; services: Services; close(): Promise<void> };

/** The real app over real HTTP, on a database that may go away under it. */
export async function listeningApp(url: string, overrides: Record<string, string> = {}): Promise<ListeningApp> {
  const config = testConfig({ DATABASE_URL: url, DB_POOL_MAX: '4', ...overrides });
  const database = openPostgres(url, config.database.poolMax, poolOptionsOf(config.database));
  const app = await buildApp({ database, config, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  return {
    app,
    base: `http://127.0.0.1:${port}`,
    database,
    services: createServices({ database, config }),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export const SECRETS = { JWT_SECRET: 'j'.repeat(48), TOKEN_SECRET: 't'.repeat(48) };

export type ServeChild = { child: ChildProcess; base: string; port: number; output(): string; kill(signal?: NodeJS.Signals): Promise<void> };

/** A real `par-survey <args>` process (default `serve`), ready when /healthz answers. */
export async function spawnServe(env: Record<string, string>, args: string[] = ['serve']): Promise<ServeChild> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, ...args], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'par-faults-')),
      ...SECRETS,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const handle: ServeChild = {
    child,
    base,
    port,
    output: () => output,
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  if (args[0] === 'serve') {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`serve exited early: ${output}`);
      try {
        if ((await fetch(`${base}/healthz`)).ok) break;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) throw new Error(`serve did not start: ${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return handle;
}

/** Polls until `check` holds or the time is up. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000, stepMs = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      /* keep trying */
    }
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/** Runs test/faults/children/worker.ts in a child process (see there for tasks). */
export function spawnWorker(args: string[], env: Record<string, string>): ServeChild {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: mkdtempSync(join(tmpdir(), 'par-faults-')), ...SECRETS, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    base: '',
    port: 0,
    output: () => output,
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

export const exitOf = (c: ServeChild) => new Promise<number | null>((resolve) => (c.child.exitCode !== null ? resolve(c.child.exitCode) : c.child.once('exit', (code) => resolve(code))));

const WORKER = fileURLToPath(new URL('../children/worker.ts', import.meta.url));
