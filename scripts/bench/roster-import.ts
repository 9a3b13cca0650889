// A 100,000-row list with 10% cross-group duplicates: the full import (decode,
// parse, check, normalise, dedupe, store in one transaction) against the bare
// floor measured in the same run — papaparse alone on the same bytes, and a
// bare COPY of the same rows into an identical table (and into respondents
// itself, with its foreign keys and counter triggers). On PostgreSQL the import
// runs in a fresh child process so that its peak RSS is its own.
//
// Profile before this version (--cpu-prof of the child, 100,000 rows, quiet
// 2-core machine): one thread did everything. The decoded file (a JS string of
// the whole 13 MB), papaparse's records, every checked candidate, the dedupe
// input (a second array of existing + fresh), the report's maps and each 10,000
// row COPY string were alive together at the peak (413 MB on PostgreSQL); on
// PGlite the same plus one jsonb_to_recordset statement per 10,000 rows, whose
// JSON text, parsed jsonb and WASM heap growth took the peak to 1,403 MB. CPU
// went to checking rows (NFC, folding, the email pattern), then dedupe and the
// report, then COPY; none of it let the event loop turn (40 s stalls).
// Now the file is read, checked, deduplicated and reported in a worker thread;
// the import pulls COPY text from it 250 rows at a time (PGlite: one COPY from
// a blob per chunk, the event loop free between chunks), so the main thread
// never holds the file or the candidates. The phase figures below print where
// the time goes now, largest first.
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createServices } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { csvLine } from '../../src/csv/write.js';
import { openPostgres, type Database } from '../../src/db/client.js';
import { wrapPglite } from '../../src/db/pglite.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { csvHeaders, generateBodyList, personRow } from '../../src/demo/people.js';
import { openListReader } from '../../src/modules/roster/parse-thread.js';
import { copyRespondents } from '../../src/modules/roster/roster.queries.js';
import { loadPreset } from '../../src/presets/index.js';
import { benchDatabase } from './lib/database.js';
import { figure, runIfMain, sampleRss, type Benchmark, type Figure } from './lib/report.js';

const ROWS = Number(process.env.BENCH_ROSTER_ROWS ?? 100_000);
const COLUMNS = ['id', 'campaign_id', 'body_code', 'group_code', 'full_name', 'email', 'email_norm', 'phone', 'phone_norm', 'organisation', 'position', 'line'];

function makeFile(): { bytes: Buffer; rows: number } {
  const preset = loadPreset('2023-province');
  const perGroup = Math.round(ROWS / 1.1 / preset.campaign.groups.length);
  const people = generateBodyList(preset.campaign, {
    bodyCode: '22',
    bodyName: 'tỉnh Quảng Ninh',
    domain: 'quangninh.gov.vn',
    perGroup: Object.fromEntries(preset.campaign.groups.map((g) => [g.code, perGroup])),
    twoGroupShare: 0.1 / 1.1,
    seed: 2023,
  });
  return { bytes: Buffer.from([csvLine(csvHeaders), ...people.map((p) => csvLine(personRow(p)))].join(''), 'utf8'), rows: people.length };
}

/** The file's rows as COPY text for `body`: tab-separated, escapes for tabs and newlines. */
function copyText(bytes: Buffer, body: string): string {
  const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  const out: string[] = [];
  let line = 0;
  Papa.parse<string[]>(bytes.toString('utf8'), {
    step: (r) => {
      if (line++ === 0 || r.data.length < 6) return;
      const [name, email, phone, org, position, group] = r.data as [string, string, string, string, string, string];
      out.push([crypto.randomUUID(), 'bench', body, group, name, email, email.toLowerCase(), phone, phone, org, position, String(line)].map(esc).join('\t'));
    },
  });
  return `${out.join('\n')}\n`;
}

const benchConfig = () =>
  parseConfig({ NODE_ENV: 'test', DATA_DIR: join(tmpdir(), 'par-bench'), JWT_SECRET: 'j'.repeat(48), TOKEN_SECRET: 't'.repeat(48), ROSTER_MAX_ROWS: '1000000', ROSTER_MAX_UPLOAD_MB: '500', LOG_LEVEL: 'silent' });

async function timedImport(database: Database, bytes: Buffer) {
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

/** The import's phases timed apart (the COPY rolled back): the top three costs, largest first. */
async function phases(database: Database, bytes: Buffer, label: string): Promise<Figure[]> {
  const groups = loadPreset('2023-province').campaign.groups;
  const rules = { groups: groups.map((g) => ({ code: g.code, name: g.name })), officialDomains: ['gov.vn'], maxFieldLength: 500 };
  let t = performance.now();
  const reader = await openListReader({ bytes, rules, maxRows: 1_000_000 });
  const read = (performance.now() - t) / 1000;
  try {
    t = performance.now();
    await reader.settle([], new Map(groups.map((g) => [g.code, g.priority])), { campaignId: 'bench', bodyCode: '01', importId: null });
    const settle = (performance.now() - t) / 1000;
    t = performance.now();
    await database.db
      .transaction(async (tx) => {
        await copyRespondents(tx as unknown as Database['db'], reader.chunks());
        throw new Error('rollback');
      })
      .catch((error: Error) => {
        if (error.message !== 'rollback') throw error;
      });
    const copy = (performance.now() - t) / 1000;
    const costs = [
      ['read, decode, parse and check the file (worker thread, with its start)', read],
      ['dedupe and build the report (worker thread)', settle],
      ['COPY into respondents, pulled 250 rows at a time', copy],
    ] as const;
    return [...costs].sort((a, b) => b[1] - a[1]).map(([what, seconds], i) => figure(`${label}: cost ${i + 1}: ${what}`, seconds, 's'));
  } finally {
    reader.close();
  }
}

type Copy = (text: string, table: string) => Promise<void>;

async function floors(database: Database, bytes: Buffer, rows: number, copy: Copy) {
  const services = createServices({ database, config: benchConfig() });
  await services.campaigns.create({ preset: '2023-province', id: 'bench', bodies: ['22', '01'], listDeadline: '2099-12-15', responseDeadline: '2100-01-10' }, 'bench');
  await database.db.execute(sql.raw('create table bench_copy (like respondents including all)'));
  let t = performance.now();
  let parsed = 0;
  Papa.parse<string[]>(bytes.toString('utf8'), { step: () => void parsed++ });
  const papa = (parsed - 1) / ((performance.now() - t) / 1000);
  t = performance.now();
  await copy(copyText(bytes, '22'), 'bench_copy');
  const bare = rows / ((performance.now() - t) / 1000);
  t = performance.now();
  await copy(copyText(bytes, '01'), 'respondents');
  const own = rows / ((performance.now() - t) / 1000);
  return { papa, bare, own };
}

function figures(label: string, rows: number, f: { papa: number; bare: number; own: number }, run: { seconds: number; peakMb: number; merged: number; stallMs: number; startMb?: number }, targets: boolean): Figure[] {
  const rate = rows / run.seconds;
  return [
    figure(`${label}: papaparse alone`, f.papa, 'rows/s'),
    figure(`${label}: bare COPY into an identical table`, f.bare, 'rows/s'),
    figure(`${label}: COPY into respondents (FKs, triggers)`, f.own, 'rows/s', null, f.bare),
    figure(`${label}: import of ${rows} rows (${run.merged} merged)`, rate, 'rows/s', targets ? 'ratio >= 0.6' : null, f.bare),
    figure(`${label}: import vs COPY into respondents`, rate, 'rows/s', null, f.own),
    figure(`${label}: import vs papaparse alone`, rate, 'rows/s', null, f.papa),
    figure(`${label}: import wall time`, run.seconds, 's'),
    figure(`${label}: peak RSS of the import${targets ? ' (own process)' : ' (PGlite in process)'}`, run.peakMb, 'MB', targets ? '<= 250' : '<= 400'),
    figure(`${label}: longest event-loop stall during the import`, run.stallMs, 'ms', targets ? '<= 100' : null),
    ...(run.startMb === undefined ? [] : [figure(`${label}: RSS of that process before the import`, run.startMb, 'MB')]),
  ];
}

function importInChild(url: string, file: string, nodeFlags: string[] = []): Promise<{ seconds: number; peakMb: number; merged: number; stallMs: number; startMb: number }> {
  const self = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) =>
    execFile(process.execPath, [...nodeFlags, '--import', 'tsx', self, '--child', url, file], { maxBuffer: 1 << 20 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout.trim().split('\n').pop()!)),
    ),
  );
}

const bench: Benchmark = {
  name: 'roster-import',
  async run() {
    const { bytes, rows } = makeFile();
    const file = join(tmpdir(), `par-bench-roster-${process.pid}.csv`);
    writeFileSync(file, bytes);
    const out: Figure[] = [];
    try {
      const pg = await benchDatabase(4);
      try {
        const copy: Copy = async (text, table) => {
          const stream = await pg.postgres!.unsafe(`copy ${table} (${COLUMNS.join(', ')}) from stdin`).writable();
          await pipeline(Readable.from([text]), stream as unknown as Writable);
        };
        const f = await floors(pg, bytes, rows, copy);
        out.push(...figures('postgres', rows, f, await importInChild(pg.url, file), true));
        out.push(...(await phases(pg, bytes, 'postgres')));
      } finally {
        await pg.drop();
      }
      const client = await PGlite.create();
      const lite = wrapPglite(client);
      await migrateDatabase(lite);
      try {
        const copy: Copy = async (text, table) => void (await client.query(`copy ${table} (${COLUMNS.join(', ')}) from '/dev/blob'`, [], { blob: new Blob([text]) }));
        const f = await floors(lite, bytes, rows, copy);
        out.push(...figures('pglite', rows, f, await timedImport(lite, bytes), false));
        out.push(...(await phases(lite, bytes, 'pglite')));
      } finally {
        await lite.close();
      }
    } finally {
      rmSync(file, { force: true });
    }
    return out;
  },
};

export default bench;

if (process.argv[2] === '--child') {
  const database = openPostgres(process.argv[3]!, 2);
  const bytes = readFileSync(process.argv[4]!);
  await database.db.execute(sql`select 1`);
  const startMb = process.memoryUsage.rss() / 1048576;
  const result = await timedImport(database, bytes);
  await database.close();
  process.stdout.write(`${JSON.stringify({ ...result, startMb })}\n`);
  process.exit(0);
} else {
  await runIfMain(import.meta.url, bench);
}
