// The import timed on its own: run as a process of its own by the roster-import
// benchmark, so that the peak RSS it reports is the import's. It loads only
// what a service process loads to import a list. Arguments: the database
// (a PostgreSQL URL, or pglite:<data folder>) and the file.
import { sql } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createServices } from '../../../src/services.js';
import { parseConfig } from '../../../src/config.js';
import { openDatabase, openPostgres, type Database } from '../../../src/db/client.js';
import { sampleRss } from './report.js';

export const benchConfig = () =>
  parseConfig({ NODE_ENV: 'test', DATA_DIR: join(tmpdir(), 'par-bench'), JWT_SECRET: 'j'.repeat(48), TOKEN_SECRET: 't'.repeat(48), ROSTER_MAX_ROWS: '1000000', ROSTER_MAX_UPLOAD_MB: '500', LOG_LEVEL: 'silent' });

export async function timedImport(database: Database, bytes: Buffer) {
  const services = createServices({ database, config: benchConfig() });
  const rss = sampleRss(20);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const t = performance.now();
  const report = await services.roster.importCsv({ campaignId: 'bench', bodyCode: '22', bytes, dryRun: false, actor: 'bench' });
  const seconds = (performance.now() - t) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 30));
  loop.disable();
  if (report.errors.length) throw new Error(`import failed: ${JSON.stringify(report.errors.slice(0, 3))}`);
  return { seconds, peakMb: rss.stop(), merged: report.merged, stallMs: loop.max / 1e6 };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = process.argv[2]!;
  const database = target.startsWith('pglite:') ? await openDatabase({ dataDir: target.slice('pglite:'.length) }) : openPostgres(target, 2);
  const bytes = readFileSync(process.argv[3]!);
  await database.db.execute(sql`select 1`);
  const startMb = process.memoryUsage.rss() / 1048576;
  const result = await timedImport(database, bytes);
  await database.close();
  process.stdout.write(`${JSON.stringify({ ...result, startMb })}\n`);
  process.exit(0);
}
