// PostgreSQL restarted while a `par-survey serve` process is in the middle of
// long work (a list import, the mail sender): the work in flight fails cleanly,
// nothing is half stored, and the same process serves again once the database
// is back, without a restart of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { createServices, type Services } from '../../src/app.js';
import { openPostgres, rowsOf, type Database } from '../../src/db/client.js';
import { toCsv } from '../../src/csv/write.js';
import { csvHeaders, generateBodyList, personRow } from '../../src/demo/people.js';
import { loadPreset } from '../../src/presets/index.js';
import { startCountingSink, type CountingSink } from '../../scripts/bench/lib/sink.js';
import { TEST_PASSWORD, testConfig } from '../helpers/app.js';
import { multipart } from '../helpers/multipart.js';
import { seedSubmittedList } from '../helpers/seed.js';
import type { TestApp } from '../helpers/app.js';
import { startPrivatePostgres, type PrivatePostgres } from './helpers/private-pg.js';
import { eventually, migratedDatabase, SECRETS, spawnServe, type ServeChild } from './helpers/service.js';

let pg: PrivatePostgres;
let url: string;
let database: Database;
let services: Services;
let sink: CountingSink;
let t: TestApp;

beforeAll(async () => {
  pg = await startPrivatePostgres();
  url = await migratedDatabase(pg);
  database = openPostgres(url, 2);
  const config = testConfig({ DATABASE_URL: url, ...SECRETS });
  services = createServices({ database, config });
  t = { db: database.db, config, services } as unknown as TestApp;
  await services.campaigns.create({ preset: '2023-province', id: '2023-tinh', bodies: ['01'], listDeadline: '2099-12-15', responseDeadline: '2100-01-10' }, 'test');
  await services.campaigns.create({ preset: '2023-province', id: '2023-thu', bodies: ['22'], listDeadline: '2099-12-15', responseDeadline: '2100-01-10' }, 'test');
  await services.campaigns.create({ preset: '2023-province', id: '2023-dong', bodies: ['31'], listDeadline: '2099-12-15', responseDeadline: '2100-01-10' }, 'test');
  await services.accounts.createUser({ username: 'moha', role: 'admin', password: TEST_PASSWORD }, 'test');
  sink = await startCountingSink();
});
afterAll(async () => {
  await sink?.close();
  await services?.mail.close();
  await database?.close();
  await pg?.destroy();
});

const count = async (query: string) => rowsOf<{ n: number }>(await database.db.execute(sql.raw(query)))[0]!.n;

async function login(base: string): Promise<Response> {
  return fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'moha', password: TEST_PASSWORD }) });
}

/** Waits until one of the service's own sessions runs a statement matching `pattern`. */
async function busyWith(pattern: string) {
  const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
  try {
    await eventually(async () => (await admin`select 1 from pg_stat_activity where application_name = 'par-survey' and xact_start is not null and query ilike ${pattern}`).length > 0, 60_000, 10);
  } finally {
    await admin.end();
  }
}

/** The process still runs and, once the database is back, answers like before. */
async function servesAgain(child: ServeChild) {
  await eventually(async () => (await fetch(`${child.base}/readyz`)).status === 200, 30_000).catch(() => {
    throw new Error(`not ready again (exit ${child.child.exitCode}): ${child.output()}`);
  });
  for (let i = 0; i < 5; i++) {
    const res = await login(child.base);
    expect(res.status, child.output()).toBe(200);
    await res.arrayBuffer();
  }
  expect(child.child.exitCode, child.output()).toBeNull();
  expect(child.child.signalCode).toBeNull();
}

function bigList() {
  const preset = loadPreset('2023-province');
  const people = generateBodyList(preset.campaign, { bodyCode: '01', bodyName: 'Thành phố Hà Nội', domain: 'hanoi.gov.vn', perGroup: { hdnd: 3000, lanh_dao_so: 3000, lanh_dao_phong: 4000, lanh_dao_huyen: 2000 } });
  return Buffer.from(toCsv(csvHeaders, people.map(personRow), { bom: true }));
}

describe('PostgreSQL restarted under a serve process', () => {
  it.each([
    ['fast', 'any statement', '%respondents%'],
    ['immediate', 'the COPY of the list', 'copy respondents%'],
  ] as const)('mid-import (%s stop during %s): the import fails cleanly, nothing is stored, and the process serves again', async (mode, _phase, statement) => {
    const child = await spawnServe({ DATABASE_URL: url, SENDER: 'off', INTEGRITY_INTERVAL_SECONDS: '0', ROSTER_MAX_UPLOAD_MB: '50' });
    try {
      const { token } = (await (await login(child.base)).json()) as { token: string };
      const form = multipart({}, { name: 'danh-sach.csv', bytes: bigList() });
      const upload = fetch(`${child.base}/api/v1/campaigns/2023-tinh/bodies/01/imports`, { method: 'POST', headers: { authorization: `Bearer ${token}`, ...form.headers }, body: form.payload })
        .then(async (res) => ({ status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.text() }))
        .catch((error: Error) => ({ status: 0, retryAfter: null, body: String(error) }));
      await busyWith(statement);
      await pg.stop(mode);
      const answer = await upload;
      expect(answer.status, answer.body).toBe(503);
      expect(answer.retryAfter).toBeTruthy();
      expect(answer.body).not.toMatch(/\bat .*\.(ts|js):\d+/);
      await pg.start();
      await servesAgain(child);
      expect(await count(`select count(*)::int as n from respondents where body_code = '01'`)).toBe(0);
      expect(await count(`select count(*)::int as n from roster_imports where body_code = '01'`)).toBe(0);
    } finally {
      await child.kill();
    }
  });

  it('mid-dispatch: the mail sender pauses, the process serves again and the sender finishes the queue', async () => {
    const links = await seedSubmittedList(t, '2023-thu', '22', Array.from({ length: 400 }, (_, i) => ({ email: `nguoi.${i}@quangninh.gov.vn`, group: 'hdnd' })));
    const child = await spawnServe({ DATABASE_URL: url, SMTP_URL: sink.url, MAIL_RATE: '40', MAIL_CONCURRENCY: '2', MAIL_LEASE_SECONDS: '5', MAIL_RETRY_SECONDS: '0.5', INTEGRITY_INTERVAL_SECONDS: '0' });
    try {
      await eventually(async () => sink.unique() >= 40, 60_000, 20);
      await pg.stop('immediate');
      await new Promise((r) => setTimeout(r, 1500));
      await pg.start();
      await servesAgain(child);
      await eventually(async () => sink.unique() >= links.length, 90_000, 200);
      await eventually(async () => (await count(`select count(*)::int as n from outbox where campaign_id = '2023-thu' and status <> 'sent'`)) === 0, 30_000);
    } finally {
      await child.kill();
    }
  });

  it('mid-seal: the seal fails cleanly, the process serves again and seals once the database is back', async () => {
    // A campaign whose answers are due, and another session holding the seals table,
    // so the seal job that serve starts with is caught in the middle of its work.
    await database.db.execute(sql`update campaigns set list_deadline = now() - interval '2 days', response_deadline = now() - interval '1 day' where id = '2023-dong'`);
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = admin
      .begin(async (tx) => {
        await tx`lock table seals in access exclusive mode`;
        locked();
        await new Promise(() => {});
      })
      .catch(() => {});
    await isLocked;
    const child = await spawnServe({ DATABASE_URL: url, SENDER: 'off', INTEGRITY_INTERVAL_SECONDS: '0' });
    try {
      await busyWith('%seals%');
      await pg.stop('immediate');
      await holder;
      await admin.end({ timeout: 1 });
      await pg.start();
      await servesAgain(child);
      await eventually(async () => (await count(`select count(*)::int as n from seals where campaign_id = '2023-dong'`)) === 1, 60_000, 500);
    } finally {
      await child.kill();
    }
  });
});
