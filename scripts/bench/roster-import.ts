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
// Then the file was read, checked, deduplicated and reported in a worker
// thread, the import pulling COPY text from it 250 rows at a time (PGlite: one
// COPY from a blob per chunk, the event loop free between chunks).
//
// Profile of that version (stage log with process.memoryUsage, import-by-import
// RSS of the child, heap after gc() per stage, psql COPY timings; machine
// shared, load 6): PostgreSQL 14,045 rows/s against a bare COPY of 56,069
// (0.25), peak 526 MB with 216 MB before the import; PGlite peak 1,530 MB.
// - Before the import: node with tsx 75 MB; PGlite's code 42 MB, loaded by
//   db/client.ts on PostgreSQL too; exceljs about 50 MB, loaded by the roster
//   service for the xlsx template even for a CSV; the web server and its pages
//   31 MB, loaded because createServices lived in app.ts; and this file, run as
//   the child, loaded PGlite and papaparse again. mjml was already lazy.
// - The reading thread: starting a thread that registers tsx costs 0.3-0.5 s
//   and about 40 MB (loader hooks and esbuild). 100,000 crypto.randomUUID() ids
//   are strings built by concatenation: 46 MB of heap, against 6 MB flat. The
//   candidates keep 61 MB, in part as slices of the whole decoded text.
// - Time (quiet moment): thread start and parse 0.8 s, dedupe and report
//   0.7 s, then the COPY; the client had written the last chunk 0.9 s after
//   the first but the server needed about 1 s more: the server's COPY into
//   respondents (foreign keys, the listed-counter trigger and its transition
//   table, WAL) is the floor. The import_id foreign key costs little (psql COPY
//   of the same rows with and without it: 3.5 s and 3.4 s); a temporary table
//   without keys, trigger or WAL takes half.
// - PGlite: creating a data folder (initdb) leaves about 600 MB of WebAssembly
//   memory in its process (857 MB RSS); an existing folder opens at 352 MB with
//   PostgreSQL's 128 MB of shared buffers, which WebAssembly memory never gives
//   back, and at 237 MB with 32 MB. The in-process figure also counted the
//   in-memory database of the floors (200,000 more rows).
// Now: a new data folder is created by a process of its own and opened with 32
// MB of shared buffers; PGlite and exceljs load on first use; createServices
// lives in services.ts (the CLI loads the web server only for `serve`); ids are
// flat; organisations and positions are one string each; the thread drops the
// file's bytes once read; on PostgreSQL the rows go 4,000 to a chunk of the one
// streamed COPY, and the thread builds the report after the last chunk, while
// the server still works through the COPY. The PGlite import is measured like
// the PostgreSQL one: a process of its own on a data folder, as a new user runs
// it. After, same machine, load 5: PostgreSQL 31,269 rows/s against a bare
// COPY of 79,857 (0.39; 0.55 of the COPY into respondents), wall 3.17 s, peak
// 366 MB with 132 MB before the import; PGlite 18,536 rows/s, wall 5.35 s,
// peak 604 MB with 297 MB before the import. (The PGlite phase figure below
// runs on the in-memory database that also holds the floors' 200,000 rows,
// and is much slower than the import on a data folder.)
// Not reached then: the ratio needs the rows to reach the COPY while the file
// is still being parsed (merges then applied by one UPDATE), as the server's
// COPY into respondents alone is about 0.7-0.8 of the bare COPY; the peaks need
// a reading thread without tsx's loader (a build step) and a decode and parse
// that stream instead of holding the decoded text (2 x 26 MB while composing
// to NFC) beside the candidates.
//
// Profile of that version (same harness; a dev script timing the stages of
// importCsv, psql COPY and UPDATE timings on the same rows, --cpu-prof of the
// import, v8 heap statistics in the thread after gc(); machine shared, load
// 4-9, so ±0.5 s between runs): PostgreSQL 13,299 rows/s against a bare COPY
// of 32,380 (0.41), wall 7.46 s, peak 343 MB; PGlite 9,164 rows/s, 617 MB.
// - With the rows streamed (below), the client has written the last row about
//   2.6 s in and the server completes the COPY at 4.0-4.4 s: the server's COPY
//   into respondents is the floor. psql, 99,172 rows: bare table 1.6-2.1 s,
//   respondents 2.4-3.2 s, all its triggers disabled 2.1 s; disabling only the
//   counter trigger, or dropping only the body foreign key or the merged_into
//   index, moved it less than the noise, so no migration was made.
// - After the COPY: the UPDATE pointing 7,917 merged rows at their kept entry
//   took 633 ms in psql (a row update costs more than its insert: five
//   indexes, the foreign key, the counter trigger's transition tables); the
//   delete of the replaced groups by (campaign, body, group) walked the 99,172
//   new rows of those groups, 121 ms.
// - The thread: with an 8 MB young generation, GC was 1.25 s of its 4.7 s of
//   CPU; copyLines 0.42 s (an array per row). On 2 cores the thread's CPU is
//   taken from the server's COPY. The main thread was idle 7.2 s of 7.9 s.
// - Memory: 47 MB live in the thread after reading (38 MB of dedupe keys for
//   100,000 rows: id, name, email, phone, organisation), 89 MB committed with
//   a 32 MB new space; a thread with tsx's loader still costs about 40 MB.
// Now: the thread decodes and parses the file in pieces of 1 MB (cut after a
// line feed, so NFC composition is unchanged) with papaparse's own chunked
// parser, and hands out each checked row as COPY text at once, never more than
// 8,000 rows ahead of the database; it keeps of each row only the dedupe keys
// (flat copies, so no piece of the text stays alive). The import opens its
// transaction once the first rows are read (a file wrong from its start takes
// no connection), sends the stored list to the thread before the COPY, and
// the thread dedupes as soon as the file is read, while the server finishes
// the COPY. A row whose email or phone came earlier in the file waits for the
// dedupe and goes in with its merge (a second, short COPY); the other merges
// are one UPDATE (1,000 rows a statement on PGlite). The replaced entries are
// deleted by id. A file with an error ends the COPY with CopyFail and rolls
// back; its report is unchanged. The thread's young generation is 16 MB
// (8 MB cost a second of GC). COPY lines are joined without arrays.
// After, same machine, load 5-6, three runs: PostgreSQL 14,687-18,619 rows/s
// against a bare COPY of 27,697-41,961 (0.44-0.53; 0.57-0.62 of the COPY into
// respondents), wall 5.3-6.8 s, peak 354-384 MB with 125-131 MB before the
// import, stall 48-114 ms; PGlite 8,166-10,079 rows/s, wall 9.8-12.1 s, peak
// 557-614 MB with 291-295 MB before, stall 426-832 ms.
// Not reached: the ratio, bound by the server's COPY into respondents on a
// 2-core machine the reading thread shares (a cheaper COPY would need the
// counter trigger or a foreign key out of the insert path, which psql did not
// show to pay); the peaks: the thread's own cost (tsx's loader, the 13 MB copy
// of the file's bytes, a 16 MB young generation) and the dedupe keys remain.
// Build step: the service, its reading thread and this benchmark's child run
// compiled JavaScript (dist/, scripts/build.mjs) instead of the sources through
// tsx. Measured as above plus /proc/self/smaps by mapping and the size of
// PGlite's WebAssembly memory at each stage, V8 flags and MALLOC_ARENA_MAX
// tried one at a time (load 3-5). Without tsx: PostgreSQL start 126 -> 88 MB,
// peak 368 -> 323-333; PGlite start 288 -> 232, peak 577 -> 531. PGlite's
// WebAssembly memory never grew past its initial 128 MB, of which 47 MB were
// touched (72 after the merges and the commit), so a smaller initialMemory
// saves nothing. The rest of its growth was native memory: V8 compiling hot
// PostgreSQL functions again with its optimising compiler on background
// threads, kept in malloc's per-thread arenas (MALLOC_ARENA_MAX=2 alone: peak
// -80 MB). On the baseline compiler alone (--no-wasm-dynamic-tiering
// --no-wasm-tier-up, set by src/db/pglite.ts): start -45 MB, peak about -100
// MB, the import about 20% slower; one compilation task, a larger tiering
// budget or --no-wasm-tier-up alone took 0-20 MB. Capping the reading
// thread's young generation (maxYoungGenerationSizeMb 4-16) takes 25-80 MB
// more off the PostgreSQL peak (343 -> 263-319; left to the streamed import).
// Now, four runs at load 0.3-4: PostgreSQL start 86-88 MB, peak 308-343;
// PGlite start 178-183, peak 411-454, 9.0-16.8 s. Not reached: PostgreSQL
// <= 250 and PGlite <= 400 need the reading thread and the report to hold less
// (the streamed import: with it, under load 7, PostgreSQL peaked at 282 MB and
// PGlite at 421).
// Both together (quiet machine, load 1.6-2): PostgreSQL 25,368 rows/s against
// a bare COPY of 49,584 (0.51; 0.68 of the COPY into respondents), wall 3.9 s,
// peak 287 MB with 91 MB before the import, stall 45 ms; PGlite 9,970 rows/s,
// wall 10.0 s (6.2 s before the streamed import and the baseline compiler),
// peak 461 MB with 184 MB before (529 MB with V8's optimising compiler,
// 8.9 s), stall 323 ms. Still not reached: the ratio (the server's COPY into
// respondents, and the merges' UPDATE after it) and both peaks (the thread's
// dedupe keys and young generation, the file's bytes, and on PGlite the
// native memory of its WebAssembly code).
// Then, sampled every 100-250 ms (process.memoryUsage and V8's heap spaces in
// both threads, with and without a forced collection; --trace-gc): the peak
// came while the rows streamed, not at the end. The import's thread held its
// dedupe keys (about 35 MB live for 100,000 rows) plus what it had promoted:
// each row waited whole in its chunk's array until the chunk went out; the
// settle then built its own indexes beside them (130 MB of heap). The main
// thread allocated almost nothing on its heap, so its collector seldom ran,
// and the spent buffers of the COPY waited for it: postgres.js copied every
// chunk twice (its message builder, then its write buffer), and up to 35 MB
// of those copies were alive but dead at the peak. The report arriving made
// the main thread's young generation double (16 -> 32 MB).
// Now: a row becomes its COPY line as soon as it is checked, and the chunk
// goes to the import as bytes handed over (transferred, not copied); chunks of
// 1,000 rows, 4,000 ahead at most; the COPY data goes to the socket as a
// 5-byte header and the chunk itself (patches/postgres+3.4.9.patch); the
// thread's young generation is 8 MB (4 MB cost a second, 16 MB 10-20 MB of
// peak); the dedupe drops its email and phone indexes once linked and keys
// the name warnings by organisation number; the report maps only the entries
// it names; and the thread ends as soon as it has answered, before the
// import's last statements. After (quiet machine, load 1-2, six runs of the
// child): PostgreSQL peak 239-251 MB, 3.6-4.2 s; in the benchmark 21,865
// rows/s against a bare COPY of 32,905 (0.66), peak 241 MB; PGlite peak
// 337-374 MB (359 in the benchmark), 10.2 s.
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Papa from 'papaparse';
import { createServices } from '../../src/services.js';
import { csvLine } from '../../src/csv/write.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { wrapPglite } from '../../src/db/pglite.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { csvHeaders, generateBodyList, personRow } from '../../src/demo/people.js';
import { openListReader } from '../../src/modules/roster/parse-thread.js';
import { copyChunkRows, copyRespondents } from '../../src/modules/roster/roster.queries.js';
import { loadPreset } from '../../src/presets/index.js';
import { compiledScript } from './lib/compiled.js';
import { benchDatabase } from './lib/database.js';
import { figure, runIfMain, type Benchmark, type Figure } from './lib/report.js';
import { benchConfig } from './lib/roster-import-child.js';

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

async function* texts(chunks: AsyncIterable<{ bytes: Uint8Array }>) {
  for await (const c of chunks) yield c.bytes;
}

/** The import's phases timed apart (the COPY rolled back): the top three costs, largest first. */
async function phases(database: Database, bytes: Buffer, label: string): Promise<Figure[]> {
  const groups = loadPreset('2023-province').campaign.groups;
  const rules = { groups: groups.map((g) => ({ code: g.code, name: g.name })), officialDomains: ['gov.vn'], maxFieldLength: 500 };
  const priorities = new Map(groups.map((g) => [g.code, g.priority]));
  let t = performance.now();
  const reader = await openListReader({ bytes, rules, maxRows: 1_000_000, store: null });
  let settle = 0;
  try {
    await reader.parsed();
    t = performance.now() - t;
    const s = performance.now();
    await reader.settle([], priorities);
    settle = (performance.now() - s) / 1000;
  } finally {
    reader.close();
  }
  const read = t / 1000;
  const chunkRows = copyChunkRows(database.db);
  const again = await openListReader({ bytes, rules, maxRows: 1_000_000, store: { scope: { campaignId: 'bench', bodyCode: '01', importId: null }, chunkRows } });
  t = performance.now();
  try {
    await database.db
      .transaction(async (txRaw) => {
        const tx = txRaw as unknown as Database['db'];
        const settled = again.settle([], priorities);
        await copyRespondents(tx, texts(again.rows()));
        await settled;
        throw new Error('rollback');
      })
      .catch((error: Error) => {
        if (error.message !== 'rollback') throw error;
      });
  } finally {
    again.close();
  }
  const copy = (performance.now() - t) / 1000;
  const costs = [
    ['read, decode, parse and check the file (worker thread, with its start)', read],
    ['dedupe and build the report (worker thread)', settle],
    [`read the file and COPY its rows into respondents as they come, in chunks of ${chunkRows} rows (then the dedupe and report)`, copy],
  ] as const;
  return [...costs].sort((a, b) => b[1] - a[1]).map(([what, seconds], i) => figure(`${label}: cost ${i + 1}: ${what}`, seconds, 's'));
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
    figure(`${label}: peak RSS of the import (own process${targets ? '' : ', PGlite on a data folder'})`, run.peakMb, 'MB', targets ? '<= 250' : '<= 400'),
    figure(`${label}: longest event-loop stall during the import`, run.stallMs, 'ms', targets ? '<= 100' : null),
    ...(run.startMb === undefined ? [] : [figure(`${label}: RSS of that process before the import`, run.startMb, 'MB')]),
  ];
}

function importInChild(url: string, file: string, nodeFlags: string[] = []): Promise<{ seconds: number; peakMb: number; merged: number; stallMs: number; startMb: number }> {
  const child = compiledScript(new URL('./lib/roster-import-child.ts', import.meta.url));
  return new Promise((resolve, reject) =>
    execFile(process.execPath, [...nodeFlags, child, url, file], { maxBuffer: 1 << 20 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout.trim().split('\n').pop()!)),
    ),
  );
}

/** The PGlite import as a new user runs it: a data folder (created and migrated here), opened by a process of its own. */
async function importOnFolder(file: string) {
  const dir = mkdtempSync(join(tmpdir(), 'par-bench-pglite-'));
  try {
    const database = await openDatabase({ dataDir: dir });
    try {
      await migrateDatabase(database);
      await createServices({ database, config: benchConfig() }).campaigns.create({ preset: '2023-province', id: 'bench', bodies: ['22', '01'], listDeadline: '2099-12-15', responseDeadline: '2100-01-10' }, 'bench');
    } finally {
      await database.close();
    }
    return await importInChild(`pglite:${dir}`, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
        out.push(...figures('pglite', rows, f, await importOnFolder(file), false));
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

await runIfMain(import.meta.url, bench);
