// A process killed with SIGKILL in the middle of an import or of sending the
// invitations: after a restart the list is either wholly there or not at all,
// and every invitation reaches the mail server.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { createServices } from '../../src/app.js';
import { openPostgres, rowsOf, type Database } from '../../src/db/client.js';
import { toCsv } from '../../src/csv/write.js';
import { csvHeaders, generateBodyList, personRow } from '../../src/demo/people.js';
import { loadPreset } from '../../src/presets/index.js';
import { startCountingSink, type CountingSink } from '../../scripts/bench/lib/sink.js';
import { seedSubmittedList } from '../helpers/seed.js';
import { testConfig, type TestApp } from '../helpers/app.js';
import { startPrivatePostgres, type PrivatePostgres } from './helpers/private-pg.js';
import { eventually, exitOf, migratedDatabase, SECRETS, spawnWorker } from './helpers/service.js';

let pg: PrivatePostgres;
let url: string;
let database: Database;
let t: TestApp;
let sink: CountingSink;

beforeAll(async () => {
  pg = await startPrivatePostgres();
  url = await migratedDatabase(pg);
  database = openPostgres(url, 4);
  const config = testConfig({ DATABASE_URL: url, ...SECRETS });
  t = { db: database.db, config, services: createServices({ database, config }) } as unknown as TestApp;
  await t.services.campaigns.create({ preset: '2023-province', id: '2023-tinh', bodies: ['01'], listDeadline: '2099-12-15', responseDeadline: '2100-01-10' }, 'test');
  await t.services.campaigns.create({ preset: '2023-province', id: '2023-thu', bodies: ['22'], listDeadline: '2099-12-15', responseDeadline: '2100-01-10' }, 'test');
  sink = await startCountingSink();
});
afterAll(async () => {
  await sink?.close();
  await database?.close();
  await pg?.destroy();
});

const count = async (query: string) => rowsOf<{ n: number }>(await database.db.execute(sql.raw(query)))[0]!.n;

/** Waits until the child holds an open transaction on the private cluster. */
async function inTransaction() {
  const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
  try {
    await eventually(async () => (await admin`select 1 from pg_stat_activity where datname <> 'postgres' and xact_start is not null and pid <> pg_backend_pid() and query ilike '%respondents%'`).length > 0, 60_000, 20);
  } finally {
    await admin.end();
  }
}

describe('killed with SIGKILL', () => {
  it('mid-import leaves no half list, and the import then succeeds once', async () => {
    const preset = loadPreset('2023-province');
    const people = generateBodyList(preset.campaign, { bodyCode: '01', bodyName: 'Thành phố Hà Nội', domain: 'hanoi.gov.vn', perGroup: { hdnd: 2000, lanh_dao_so: 2000, lanh_dao_phong: 3000, lanh_dao_huyen: 1000 } });
    const file = join(mkdtempSync(join(tmpdir(), 'par-faults-csv-')), 'list.csv');
    writeFileSync(file, toCsv(csvHeaders, people.map(personRow), { bom: true }));
    const env = { DATABASE_URL: url };

    const victim = spawnWorker(['import', '2023-tinh', '01', file], env);
    await inTransaction();
    await victim.kill('SIGKILL');
    expect(await count(`select count(*)::int as n from respondents where body_code = '01'`)).toBe(0);
    expect(await count(`select count(*)::int as n from roster_imports where body_code = '01'`)).toBe(0);
    expect(await count(`select count(*)::int as n from invitations where body_code = '01'`)).toBe(0);

    const again = spawnWorker(['import', '2023-tinh', '01', file], env);
    expect(await exitOf(again), again.output()).toBe(0);
    // Every line of the file is there exactly once (kept or merged into another entry).
    expect(await count(`select count(*)::int as n from respondents where body_code = '01'`)).toBe(people.length);
    expect(await count(`select count(*)::int as n from roster_imports where body_code = '01'`)).toBe(1);
    const listed = await count(`select count(*)::int as n from respondents where body_code = '01' and merged_into is null`);
    expect(await count(`select count(*)::int as n from invitations where body_code = '01'`)).toBe(listed);
  });

  it('mid-dispatch loses no invitation: a restarted sender delivers every one', async () => {
    const links = await seedSubmittedList(t, '2023-thu', '22', Array.from({ length: 300 }, (_, i) => ({ email: `nguoi.${i}@quangninh.gov.vn`, group: 'hdnd' })));
    // A short lease, so the rows the killed sender held come due again within seconds.
    const env = { DATABASE_URL: url, SMTP_URL: sink.url, MAIL_RATE: '50', MAIL_CONCURRENCY: '2', MAIL_LEASE_SECONDS: '5' };
    const victim = spawnWorker(['send', '2023-thu'], env);
    await eventually(async () => sink.unique() >= 60, 60_000, 20);
    await victim.kill('SIGKILL');
    expect(sink.unique()).toBeLessThan(links.length);

    const again = spawnWorker(['send', '2023-thu'], env);
    expect(await exitOf(again), again.output()).toBe(0);
    expect(sink.unique()).toBe(links.length);
    expect(await count(`select count(*)::int as n from outbox where campaign_id = '2023-thu' and status <> 'sent'`)).toBe(0);
    // SMTP cannot be exactly-once: messages the killed sender handed over but had not yet
    // recorded go out again. Never more than the one batch it held (the worker claims 20).
    expect(sink.duplicates()).toBeLessThanOrEqual(20);
  });
});
