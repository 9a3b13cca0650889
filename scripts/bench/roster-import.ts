// A 100,000-row list with 10% cross-group duplicates: the full import (decode,
// parse, check, normalise, dedupe, store in one transaction) against the bare
// floor measured in the same process — papaparse alone on the same bytes, and a
// bare COPY of the same rows into an identical table. On PostgreSQL and PGlite.
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import Papa from 'papaparse';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createServices } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { wrapPglite, type Database } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { csvHeaders, generateBodyList, personRow } from '../../src/demo/people.js';
import { loadPreset } from '../../src/presets/index.js';
import { csvLine } from '../../src/csv/write.js';
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
  const lines = [csvLine(csvHeaders), ...people.map((p) => csvLine(personRow(p)))];
  return { bytes: Buffer.from(lines.join(''), 'utf8'), rows: people.length };
}

/** The copy text of the file's rows: tab-separated, `\N` for null, escapes for tabs and newlines. */
function copyText(bytes: Buffer): string {
  const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  const out: string[] = [];
  let line = 0;
  Papa.parse<string[]>(bytes.toString('utf8'), {
    step: (r) => {
      if (line++ === 0 || r.data.length < 6) return;
      const [name, email, phone, org, position, group] = r.data as [string, string, string, string, string, string];
      out.push([crypto.randomUUID(), 'bench', '22', group, name, email, email.toLowerCase(), phone, phone, org, position, String(line)].map(esc).join('\t'));
    },
  });
  return `${out.join('\n')}\n`;
}

async function prepare(database: Database) {
  const config = parseConfig({ NODE_ENV: 'test', DATA_DIR: '/tmp/par-bench', JWT_SECRET: 'j'.repeat(48), TOKEN_SECRET: 't'.repeat(48), ROSTER_MAX_ROWS: '1000000', ROSTER_MAX_UPLOAD_MB: '200' });
  const services = createServices({ database, config });
  await services.campaigns.create({ preset: '2023-province', id: 'bench', bodies: ['22'], listDeadline: '2099-12-15', responseDeadline: '2100-01-10' }, 'bench');
  await database.db.execute(sql.raw('create table bench_copy (like respondents including all)'));
  return services;
}

async function measure(label: string, database: Database, bytes: Buffer, rows: number, copy: (text: string) => Promise<void>): Promise<Figure[]> {
  const services = await prepare(database);

  let t = performance.now();
  let parsed = 0;
  Papa.parse<string[]>(bytes.toString('utf8'), { step: () => void parsed++ });
  const papaRate = (parsed - 1) / ((performance.now() - t) / 1000);

  let text: string | null = copyText(bytes);
  t = performance.now();
  await copy(text);
  const copyRate = rows / ((performance.now() - t) / 1000);
  text = null;
  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage.rss() / 1048576;

  const rss = sampleRss(20);
  t = performance.now();
  const report = await services.roster.importCsv({ campaignId: 'bench', bodyCode: '22', bytes, dryRun: false, actor: 'bench' });
  const importRate = rows / ((performance.now() - t) / 1000);
  const peak = rss.stop();
  if (report.errors.length) throw new Error(`import failed: ${JSON.stringify(report.errors.slice(0, 3))}`);
  const onPostgres = label === 'postgres';
  return [
    figure(`${label}: papaparse alone`, papaRate, 'rows/s'),
    figure(`${label}: bare COPY into an identical table`, copyRate, 'rows/s'),
    figure(`${label}: import (${rows} rows, ${report.merged} merged)`, importRate, 'rows/s', onPostgres ? 'ratio >= 0.5' : null, copyRate),
    figure(`${label}: import vs papaparse alone`, importRate, 'rows/s', null, papaRate),
    figure(`${label}: peak RSS during import`, peak, 'MB', onPostgres ? '<= 300' : null),
    figure(`${label}: RSS just before the import`, rssBefore, 'MB'),
  ];
}

const bench: Benchmark = {
  name: 'roster-import',
  async run() {
    const { bytes, rows } = makeFile();
    const figures: Figure[] = [];

    const pg = await benchDatabase(4);
    try {
      figures.push(
        ...(await measure('postgres', pg, bytes, rows, async (text) => {
          const sql = pg.postgres!;
          const stream = await sql.unsafe(`copy bench_copy (${COLUMNS.join(', ')}) from stdin`).writable();
          await pipeline(Readable.from([text]), stream as unknown as Writable);
        })),
      );
    } finally {
      await pg.drop();
    }

    const client = await PGlite.create();
    const lite = wrapPglite(client);
    await migrateDatabase(lite);
    try {
      figures.push(
        ...(await measure('pglite', lite, bytes, rows, async (text) => {
          await client.query(`copy bench_copy (${COLUMNS.join(', ')}) from '/dev/blob'`, [], { blob: new Blob([text]) });
        })),
      );
    } finally {
      await lite.close();
    }
    return figures;
  },
};

export default bench;
await runIfMain(import.meta.url, bench);
