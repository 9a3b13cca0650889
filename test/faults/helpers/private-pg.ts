// A throwaway PostgreSQL 15 cluster of the faults suite's own, on a free port in
// a temp folder, so stopping and restarting it never disturbs the machine's
// shared server that the other tests use. PostgreSQL refuses to run as root,
// so as root the cluster is owned and run by the `postgres` user. It runs with
// PostgreSQL's durable defaults (fsync, synchronous_commit, full-page writes all
// on; durability.test.ts checks), so a crash test that loses an acknowledged
// commit fails instead of passing by luck.
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { freePort } from '../../../src/demo/port.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export { freePort };

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export type PrivatePostgres = {
  url: string;
  port: number;
  start(): Promise<void>;
  /** `fast` ends sessions cleanly; `immediate` is a crash without a shutdown checkpoint. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  destroy(): Promise<void>;
};

function postgresIds(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  return { uid: Number(runSync('id', ['-u', 'postgres'])), gid: Number(runSync('id', ['-g', 'postgres'])) };
}

function runSync(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8' }).trim();
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const root = mkdtempSync(join(tmpdir(), 'par-faults-pg-'));
  const data = join(root, 'data');
  const log = join(root, 'postgres.log');
  const ids = postgresIds();
  if (ids) {
    chownSync(root, ids.uid, ids.gid);
    chmodSync(root, 0o700);
  }
  const as = async (cmd: string, args: string[]) => {
    const file = join(BIN, cmd);
    return ids ? run('runuser', ['-u', 'postgres', '--', file, ...args]) : run(file, args);
  };
  await as('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions']);
  const port = await freePort();
  const options = `-p ${port} -h 127.0.0.1 -k ${root} -c max_connections=60`;
  const pg: PrivatePostgres = {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async start() {
      await as('pg_ctl', ['-D', data, '-l', log, '-o', options, '-w', '-t', '60', 'start']);
    },
    async stop(mode = 'fast') {
      if (!existsSync(join(data, 'postmaster.pid'))) return;
      await as('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']);
    },
    async destroy() {
      try {
        await pg.stop('immediate');
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
  await pg.start();
  return pg;
}
