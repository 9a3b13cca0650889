// One drizzle database over either driver: postgres.js against a real
// PostgreSQL when DATABASE_URL is set, or PGlite (embedded PostgreSQL) kept in
// DATA_DIR. Every query in the service goes through the same `Db` type.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import * as schema from './schema/index.js';
import { acquireDataDirLock } from './data-dir-lock.js';

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
  close(): Promise<void>;
};

export type DatabaseOptions = {
  url?: string | undefined;
  dataDir?: string;
  /** Pool size for postgres.js. */
  max?: number;
};

const drizzleOptions = { schema, casing: 'snake_case' as const };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.max ?? 10);
  if (!options.dataDir) throw new Error('dataDir is required for the embedded database');
  const dir = join(options.dataDir, 'pgdata');
  mkdirSync(dir, { recursive: true });
  const release = acquireDataDirLock(dir);
  try {
    const client = await PGlite.create({ dataDir: dir });
    return wrapPglite(client, release);
  } catch (error) {
    release();
    throw error;
  }
}

export function openPostgres(url: string, max = 10): Database {
  const client = postgres(url, { max, onnotice: () => {}, connection: { application_name: 'par-survey' } });
  return {
    db: drizzlePostgres({ client, ...drizzleOptions }) as unknown as Db,
    kind: 'postgres',
    postgres: client,
    url,
    close: () => client.end({ timeout: 5 }),
  };
}

export function wrapPglite(client: PGlite, onClose: () => void = () => {}): Database {
  return {
    db: drizzlePglite({ client, ...drizzleOptions }) as unknown as Db,
    kind: 'pglite',
    pglite: client,
    close: async () => {
      try {
        if (!client.closed) await client.close();
      } finally {
        onClose();
      }
    },
  };
}

/** `db.execute` answers an array on postgres.js and `{ rows }` on PGlite. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
