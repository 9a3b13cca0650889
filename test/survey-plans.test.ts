import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type Db } from '../src/db/client.js';
import { recordOpenings, submitBallots } from '../src/modules/survey/survey.queries.js';
import { createTestApp, seedProvinceCampaign, type TestApp } from './helpers/app.js';

// The statements that write a group of openings or submissions find their
// links by index. Planned for an input of unknown size, an `in (select …)`
// over the input read every link of the table instead: on a province's ten
// thousand links, a few milliseconds per statement; on a ministry's national
// table, far more. Each statement's plan is read with the links table at
// that size.
let t: TestApp;
const CAMPAIGN = '2023-tinh';
const LINKS = 10_000;

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { bodies: ['22'] });
  await t.db.execute(sql`insert into invitations (campaign_id, body_code, group_code, email_norm, token_hash)
    select ${CAMPAIGN}, '22', 'hdnd', 'nguoi' || n || '@quangninh.gov.vn', sha256(('link ' || n)::bytea) from generate_series(1, ${LINKS}) n`);
  await t.db.execute(sql`analyze invitations`);
});
afterAll(() => t?.close());

/** A database handle that explains each statement before running it. */
function explaining(db: Db, plans: string[]): Db {
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property !== 'execute') return Reflect.get(target, property, receiver);
      return async (query: SQL) => {
        const rows = rowsOf<{ 'QUERY PLAN': string }>(await target.execute(sql`explain ${query}`));
        plans.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
        return target.execute(query);
      };
    },
  });
}

const links = async (n: number) =>
  rowsOf<{ id: string; token_hash: Uint8Array }>(await t.db.execute(sql`select id, token_hash from invitations where status = 'active' order by email_norm limit ${n}`));

describe('group writes on a large links table', () => {
  it('records a group of openings without reading every link', async () => {
    const plans: string[] = [];
    const group = await links(20);
    await recordOpenings(explaining(t.db, plans), group.map((l, i) => ({ invitationId: l.id, deviceKey: Buffer.alloc(32, i) })));
    expect(plans).toHaveLength(1);
    expect(plans[0]).not.toMatch(/Seq Scan on invitations/);
    const opened = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from invitations where first_opened_at is not null`))[0]!.n;
    expect(opened).toBe(20);
  });

  it('stores a group of submissions without reading every link', async () => {
    const plans: string[] = [];
    const group = await links(20);
    const stored = await submitBallots(
      explaining(t.db, plans),
      group.map((l) => ({ tokenHash: Buffer.from(l.token_hash), sealed: Buffer.from('niêm phong'), receipt: null })),
    );
    expect(stored).toEqual(group.map(() => true));
    expect(plans).toHaveLength(1);
    expect(plans[0]).not.toMatch(/Seq Scan on invitations/);
  });
});
