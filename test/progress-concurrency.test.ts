// The dashboard reads counters that triggers keep; this compares them with a
// direct count after many concurrent transactions change lists and invitations,
// some of them rolled back. On PostgreSQL the transactions really interleave.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type Db } from '../src/db/client.js';
import { addUser, bearer, createTestApp, login, seedProvinceCampaign, type TestApp } from './helpers/app.js';
import { seedSubmittedList, type SeededInvitation } from './helpers/seed.js';
import { completeInvitations } from './helpers/survey.js';

const BODIES = ['01', '22', '79'];
const GROUPS = ['hdnd', 'lanh_dao_so', 'lanh_dao_phong', 'lanh_dao_huyen'];

let t: TestApp;
let admin: string;
const seeded: SeededInvitation[] = [];

/** A small seeded generator, so a failure can be replayed. */
function prng(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { bodies: BODIES });
  await addUser(t, 'moha', 'admin');
  admin = await login(t.app, 'moha');
  for (const body of BODIES) {
    const people = Array.from({ length: 90 }, (_, i) => ({ email: `p${i}@b${body}.gov.vn`, group: GROUPS[i % GROUPS.length]! }));
    seeded.push(...(await seedSubmittedList(t, '2023-tinh', body, people)));
  }
});
afterAll(() => t?.close());

class Rollback extends Error {}

/** One state change as the services make them: in a transaction, sometimes abandoned. */
function change(i: number, p: SeededInvitation, random: () => number) {
  const day = `2023-12-${String(18 + Math.floor(random() * 6)).padStart(2, '0')}`;
  const kind = Math.floor(random() * 9);
  return t.db
    .transaction(async (tx) => {
      switch (kind) {
        case 0:
        case 1:
          await tx.execute(sql`update invitations set first_opened_at = coalesce(first_opened_at, now()) where id = ${p.invitationId} and status = 'active'`);
          await completeInvitations(tx as unknown as Db, sql`id = ${p.invitationId} and status = 'active'`, day);
          break;
        case 2:
          await tx.execute(sql`update invitations set first_opened_at = now() where id = ${p.invitationId} and first_opened_at is null`);
          break;
        case 3:
          await tx.execute(sql`update invitations set mail_status = 'sent' where id = ${p.invitationId} and mail_status = 'queued'`);
          break;
        case 4:
          await tx.execute(sql`update invitations set mail_status = 'bounced', bounce_reason = '550' where id = ${p.invitationId}`);
          break;
        case 5:
          await tx.execute(sql`update invitations set status = 'cancelled' where id = ${p.invitationId} and status = 'active'`);
          break;
        case 6: {
          const body = BODIES[i % BODIES.length]!;
          await tx.execute(sql`insert into respondents (campaign_id, body_code, group_code, full_name, email, email_norm)
            values ('2023-tinh', ${body}, ${GROUPS[i % GROUPS.length]!}, ${`Mới ${i}`}, ${`moi${i}@b${body}.gov.vn`}, ${`moi${i}@b${body}.gov.vn`})`);
          break;
        }
        case 7:
          // A merge takes a person off the list; the kept entry is any other of the body.
          await tx.execute(sql`update respondents set merged_into = (select id from respondents r2 where r2.body_code = respondents.body_code and r2.id <> respondents.id and r2.merged_into is null limit 1), merge_reason = 'test'
            where id = ${p.respondentId} and merged_into is null`);
          break;
        default:
          await completeInvitations(tx as unknown as Db, sql`id = ${p.invitationId}`, day);
          await tx.execute(sql`update invitations set mail_status = 'sent' where body_code = ${BODIES[i % BODIES.length]!} and mail_status = 'queued'`);
          throw new Rollback();
      }
    })
    .catch((error: unknown) => {
      // A rollback, asked for or chosen by PostgreSQL to break a deadlock, must leave the counts as they were.
      const code = (error as { cause?: { code?: string } }).cause?.code;
      if (!(error instanceof Rollback) && code !== '40P01') throw error;
    });
}

type Direct = { body_code: string; group_code: string; listed: number; invited: number; delivered: number; bounced: number; opened: number; completed: number };

async function directCounts(): Promise<Map<string, Direct>> {
  const rows = rowsOf<Direct>(
    await t.db.execute(sql`
      with l as (select body_code, group_code, count(*)::int listed from respondents where campaign_id = '2023-tinh' and merged_into is null group by 1, 2),
      i as (select body_code, group_code,
          count(*) filter (where status <> 'cancelled')::int invited,
          count(*) filter (where status <> 'cancelled' and mail_status = 'sent')::int delivered,
          count(*) filter (where status <> 'cancelled' and mail_status = 'bounced')::int bounced,
          count(*) filter (where status <> 'cancelled' and (first_opened_at is not null or status = 'completed'))::int opened,
          count(*) filter (where status = 'completed')::int completed
        from invitations where campaign_id = '2023-tinh' group by 1, 2)
      select coalesce(l.body_code, i.body_code) body_code, coalesce(l.group_code, i.group_code) group_code,
        coalesce(listed, 0) listed, coalesce(invited, 0) invited, coalesce(delivered, 0) delivered,
        coalesce(bounced, 0) bounced, coalesce(opened, 0) opened, coalesce(completed, 0) completed
      from l full join i on l.body_code = i.body_code and l.group_code = i.group_code`),
  );
  return new Map(rows.map((r) => [`${r.body_code}/${r.group_code}`, r]));
}

describe('progress under concurrent state changes', () => {
  it('matches a direct count of lists and invitations, per body and group and per day', async () => {
    const random = prng(20231206);
    const order = seeded.map((p, i) => ({ p, i, k: random() })).sort((a, b) => a.k - b.k);
    // Two rounds over everyone, 30 at a time, so changes to one body overlap.
    for (let round = 0; round < 2; round++) {
      for (let start = 0; start < order.length; start += 30) {
        await Promise.all(order.slice(start, start + 30).map(({ p, i }) => change(i + round * 1000, p, random)));
      }
    }

    const report = (await t.app.inject({ method: 'GET', url: '/api/v1/campaigns/2023-tinh/progress', headers: bearer(admin) })).json();
    const direct = await directCounts();
    let compared = 0;
    for (const body of report.bodies) {
      for (const g of body.groups) {
        const d = direct.get(`${body.bodyCode}/${g.groupCode}`);
        const { listed, invited, delivered, bounced, opened, completed } = g;
        expect({ listed, invited, delivered, bounced, opened, completed }, `${body.bodyCode}/${g.groupCode}`).toEqual({
          listed: d?.listed ?? 0,
          invited: d?.invited ?? 0,
          delivered: d?.delivered ?? 0,
          bounced: d?.bounced ?? 0,
          opened: d?.opened ?? 0,
          completed: d?.completed ?? 0,
        });
        compared++;
      }
    }
    expect(compared).toBe(BODIES.length * GROUPS.length);
    const completedTotal = [...direct.values()].reduce((n, d) => n + d.completed, 0);
    expect(completedTotal).toBeGreaterThan(50);
    expect(report.totals.completed).toBe(completedTotal);

    const days = rowsOf<{ day: string; n: number }>(
      await t.db.execute(sql`select to_char(bucket at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as day, sum(n)::int n from submission_counts
        where campaign_id = '2023-tinh' group by 1 having sum(n) > 0 order by 1`),
    );
    expect(report.series.filter((p: { completed: number }) => p.completed > 0).map((p: { day: string; completed: number }) => ({ day: p.day, n: p.completed }))).toEqual(days);
    expect(report.series.at(-1).cumulative).toBe(completedTotal);
  });
});
