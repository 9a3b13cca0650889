// The embedded database: PGlite kept in DATA_DIR, behind the same `Database`
// as postgres.js. Its own module so that a process on PostgreSQL never loads it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzleOptions, POOL_DEFAULTS, probe, type Database, type Db, type PoolOptions } from './client.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import { createGate } from './gate.js';
import { gatedPglite } from './gated-client.js';

export async function openPglite(dataDir: string, pool?: PoolOptions): Promise<Database> {
  const dir = join(dataDir, 'pgdata');
  mkdirSync(dir, { recursive: true });
  const release = acquireDataDirLock(dir);
  try {
    const client = await PGlite.create({ dataDir: dir });
    return wrapPglite(client, release, pool);
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * PGlite runs one statement at a time. Given pool options (as `serve` passes),
 * a gate of one slot makes a request that waits behind a long transaction fail
 * after the acquisition timeout with 503, as on PostgreSQL, instead of waiting.
 */
export function wrapPglite(client: PGlite, onClose: () => void = () => {}, pool?: PoolOptions): Database {
  const gate = pool ? createGate(1, pool.acquireTimeoutMs ?? POOL_DEFAULTS.acquireTimeoutMs) : null;
  const gated = gate ? gatedPglite(client, gate) : client;
  return {
    db: drizzlePglite({ client: gated, ...drizzleOptions }) as unknown as Db,
    kind: 'pglite',
    pglite: client,
    ...(gate ? { pool: gate.stats } : {}),
    probe: (timeoutMs) => probe(() => (gate ? gate.run(() => client.query('select 1'), timeoutMs) : client.query('select 1')), timeoutMs),
    close: async () => {
      try {
        if (!client.closed) await client.close();
      } finally {
        onClose();
      }
    },
  };
}
