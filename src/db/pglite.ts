// The embedded database: PGlite kept in DATA_DIR, behind the same `Database`
// as postgres.js. Its own module so that a process on PostgreSQL never loads it.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzleOptions, POOL_DEFAULTS, probe, type Database, type Db, type PoolOptions } from './client.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import { createGate } from './gate.js';
import { gatedPglite } from './gated-client.js';

/**
 * PGlite's WebAssembly stays on V8's baseline compiler (Liftoff), each function
 * compiled on its first call. Otherwise V8 compiles the hot part of PostgreSQL
 * again with its optimising compiler, on background threads whose memory the
 * process keeps: measured, 45 MB more once a data folder is open and about
 * 100 MB more at the peak of a 100,000-row import, for an import about 20%
 * faster (scripts/bench/roster-import.ts). V8 reads these flags when
 * WebAssembly compiles, so they are set as this module loads, before the
 * process creates any PGlite.
 */
setFlagsFromString('--no-wasm-dynamic-tiering');
setFlagsFromString('--no-wasm-tier-up');

/**
 * PostgreSQL's shared buffers inside PGlite's WebAssembly memory, which never
 * shrinks: its default (128 MB) is a third of what a small office server can
 * give the whole service. Pages beyond it are read from the data folder.
 */
const SHARED_BUFFERS = '32MB';

/** Runs initdb for a new folder in a process of its own (see pglite-init.mjs). */
function initFolder(dir: string): Promise<void> {
  const script = fileURLToPath(new URL('./pglite-init.mjs', import.meta.url));
  return new Promise((resolve, reject) =>
    execFile(process.execPath, [script, dir], (error, _stdout, stderr) => (error ? reject(new Error(`could not create the embedded database in ${dir}: ${stderr || error.message}`)) : resolve())),
  );
}

/** Opens (creating it first when new) the embedded database kept in `dir`. */
export async function openPgliteFolder(dir: string): Promise<PGlite> {
  if (!existsSync(join(dir, 'PG_VERSION'))) await initFolder(dir);
  return PGlite.create({ dataDir: dir, startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`] });
}

export async function openPglite(dataDir: string, pool?: PoolOptions): Promise<Database> {
  const dir = join(dataDir, 'pgdata');
  mkdirSync(dir, { recursive: true });
  const release = acquireDataDirLock(dir);
  try {
    return wrapPglite(await openPgliteFolder(dir), release, pool);
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
