// One drizzle database over either driver: postgres.js against a real
// PostgreSQL when DATABASE_URL is set, or PGlite (embedded PostgreSQL) kept in
// DATA_DIR. Every query in the service goes through the same `Db` type.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import * as schema from './schema/index.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import { createGate, type GateStats } from './gate.js';
import { gatedClient } from './gated-client.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle is used wherever a `Db` is. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type Database = {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** The raw postgres.js client, for COPY and other driver-level work. */
  postgres?: postgres.Sql;
  url?: string;
  pglite?: PGlite;
  /** How many pooled connections are in use and how many operations wait for one. */
  pool?: () => GateStats;
  /** `select 1` within `timeoutMs`, for readiness: false when the database is down or the pool full. */
  probe(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
};

/** Limits that keep one stuck statement or transaction from holding a connection for good. */
export type PoolOptions = {
  /** How long an operation may wait for a free pooled connection before failing. */
  acquireTimeoutMs?: number;
  /** Server-side limit on one statement. */
  statementTimeoutMs?: number;
  /** Server-side limit on a transaction left idle between statements. */
  idleInTransactionTimeoutMs?: number;
  connectTimeoutSeconds?: number;
};

export const POOL_DEFAULTS: Required<PoolOptions> = {
  acquireTimeoutMs: 10_000,
  statementTimeoutMs: 60_000,
  idleInTransactionTimeoutMs: 120_000,
  connectTimeoutSeconds: 10,
};

/** The pool settings of the service's configuration (DB_* variables). */
export function poolOptionsOf(config: { acquireTimeoutMs: number; statementTimeoutMs: number; idleInTransactionTimeoutMs: number }): PoolOptions {
  const { acquireTimeoutMs, statementTimeoutMs, idleInTransactionTimeoutMs } = config;
  return { acquireTimeoutMs, statementTimeoutMs, idleInTransactionTimeoutMs };
}

export type DatabaseOptions = {
  url?: string | undefined;
  dataDir?: string;
  /** Pool size for postgres.js. */
  max?: number;
  pool?: PoolOptions;
};

export const drizzleOptions = { schema, casing: 'snake_case' as const };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.max ?? 10, options.pool);
  if (!options.dataDir) throw new Error('dataDir is required for the embedded database');
  const dir = join(options.dataDir, 'pgdata');
  mkdirSync(dir, { recursive: true });
  const release = acquireDataDirLock(dir);
  try {
    // Loaded only here: a service on PostgreSQL never pays for the embedded database's code.
    const { openPgliteFolder, wrapPglite } = await import('./pglite.js');
    return wrapPglite(await openPgliteFolder(dir), release, options.pool);
  } catch (error) {
    release();
    throw error;
  }
}

export function openPostgres(url: string, max = 10, pool: PoolOptions = {}): Database {
  const limits = { ...POOL_DEFAULTS, ...pool };
  const client = postgres(url, {
    max,
    onnotice: () => {},
    connect_timeout: limits.connectTimeoutSeconds,
    connection: {
      application_name: 'par-survey',
      statement_timeout: limits.statementTimeoutMs,
      idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs,
    },
  });
  const gate = createGate(max, limits.acquireTimeoutMs);
  const gated = gatedClient(client, gate);
  return {
    db: drizzlePostgres({ client: gated, ...drizzleOptions }) as unknown as Db,
    kind: 'postgres',
    postgres: client,
    url,
    pool: gate.stats,
    probe: (timeoutMs) => probe(() => gate.run(() => client`select 1`, timeoutMs), timeoutMs),
    close: () => client.end({ timeout: 5 }),
  };
}

/** True when `query` answers within `timeoutMs`; a probe never throws. */
export async function probe(query: () => PromiseLike<unknown>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([Promise.resolve(query()).then(() => true), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** `db.execute` answers an array on postgres.js and `{ rows }` on PGlite. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
