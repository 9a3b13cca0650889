// Submissions under faults: PostgreSQL restarted in the middle of a stream of
// submissions, and the serving process killed with SIGKILL in the middle of
// one. Nothing acknowledged may be lost, and no response may be half stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createServices } from '../../src/app.js';
import { openPostgres, rowsOf, type Database } from '../../src/db/client.js';
import { seedSubmittedList, type SeededInvitation } from '../helpers/seed.js';
import { testConfig, type TestApp } from '../helpers/app.js';
import { startPrivatePostgres, type PrivatePostgres } from './helpers/private-pg.js';
import { submitOnce, type Attempt } from './helpers/respondents.js';
import { migratedDatabase, SECRETS, spawnServe } from './helpers/service.js';

let pg: PrivatePostgres;
let url: string;
let database: Database;
let t: TestApp;

beforeAll(async () => {
  pg = await startPrivatePostgres();
  url = await migratedDatabase(pg);
  database = openPostgres(url, 4);
  const config = testConfig({ DATABASE_URL: url, ...SECRETS });
  t = { db: database.db, config, services: createServices({ database, config }) } as unknown as TestApp;
  await t.services.campaigns.create({ preset: '2023-province', id: '2023-tinh', bodies: ['01', '22', '27'], listDeadline: '2099-12-15', responseDeadline: '2100-01-10' }, 'test');
});
afterAll(async () => {
  await database?.close();
  await pg?.destroy();
});

const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ email: `${prefix}.${i}@tinh.gov.vn`, group: ['hdnd', 'lanh_dao_so', 'lanh_dao_phong', 'lanh_dao_huyen'][i % 4]! }));

async function stored(bodyCode: string) {
  const [r] = rowsOf<{ responses: number; completed: number }>(
    await database.db.execute(sql`select (select count(*)::int from responses where body_code = ${bodyCode}) + (select count(*)::int from ballot_box where body_code = ${bodyCode}) as responses,
      (select count(*)::int from invitations where body_code = ${bodyCode} and status = 'completed') as completed`),
  );
  return r!;
}

async function completedIds(bodyCode: string): Promise<Set<string>> {
  const rows = rowsOf<{ id: string }>(await database.db.execute(sql`select id::text as id from invitations where body_code = ${bodyCode} and status = 'completed'`));
  return new Set(rows.map((r) => r.id));
}

async function stream(links: SeededInvitation[], base: () => string, concurrency: number, retryFor: number, onAck: (acked: number) => void = () => {}) {
  const attempts: Attempt[] = [];
  let next = 0;
  let acked = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < links.length) {
        const link = links[next++]!;
        const a = await submitOnce(base, link.token, { invitationId: link.invitationId, outcome: 'pending', statuses: [] }, retryFor);
        attempts.push(a);
        if (a.outcome === 'acknowledged') onAck(++acked);
      }
    }),
  );
  return attempts;
}

describe('submissions under faults', () => {
  it('answers 503 while PostgreSQL restarts mid-stream and loses no acknowledged submission', async () => {
    const links = await seedSubmittedList(t, '2023-tinh', '01', people('restart', 160));
    const serve = await spawnServe({ DATABASE_URL: url, SENDER: 'off' });
    let restarting: Promise<void> | null = null;
    try {
      const attempts = await stream(links, () => serve.base, 8, 60_000, (acked) => {
        if (acked === 40 && !restarting) restarting = (async () => {
          await pg.stop('fast');
          await new Promise((r) => setTimeout(r, 3_000));
          await pg.start();
        })();
      });
      await restarting;
      const statuses = attempts.flatMap((a) => a.statuses);
      expect(statuses).toContain(503);
      expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
      expect(attempts.filter((a) => a.outcome === 'failed' || a.outcome === 'pending')).toEqual([]);
      const done = await completedIds('01');
      for (const a of attempts) expect(done.has(a.invitationId), a.invitationId).toBe(true);
      expect(await stored('01')).toEqual({ responses: links.length, completed: links.length });
    } finally {
      await serve.kill();
    }
  });

  it('keeps every acknowledged submission and no half response when the process is killed mid-stream', async () => {
    const links = await seedSubmittedList(t, '2023-tinh', '22', people('kill', 140));
    let serve = await spawnServe({ DATABASE_URL: url, SENDER: 'off' });
    let killed: Promise<void> | null = null;
    const first = await stream(links, () => serve.base, 16, 0, (acked) => {
      if (acked === 40) killed ??= serve.kill('SIGKILL');
    });
    await killed;
    const afterKill = await stored('22');
    expect(afterKill.responses).toBe(afterKill.completed);
    const done = await completedIds('22');
    const acknowledged = first.filter((a) => a.outcome === 'acknowledged');
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);
    for (const a of acknowledged) expect(done.has(a.invitationId), a.invitationId).toBe(true);
    expect(afterKill.responses).toBeLessThan(links.length);

    serve = await spawnServe({ DATABASE_URL: url, SENDER: 'off' });
    try {
      const rest = links.filter((l) => !acknowledged.some((a) => a.invitationId === l.invitationId));
      const second = await stream(rest, () => serve.base, 8, 10_000);
      expect(second.filter((a) => a.outcome === 'failed' || a.outcome === 'pending')).toEqual([]);
      expect(second.filter((a) => a.outcome === 'already').length).toBe([...done].filter((id) => rest.some((l) => l.invitationId === id)).length);
      expect(await stored('22')).toEqual({ responses: links.length, completed: links.length });
    } finally {
      await serve.kill();
    }
  });
});
