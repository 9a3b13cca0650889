import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../src/db/client.js';
import { tokenHash } from '../src/modules/mail/links.js';
import { createTestApp, seedProvinceCampaign, type TestApp } from './helpers/app.js';
import { seedSubmittedList } from './helpers/seed.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t);
});
afterAll(() => t?.close());

type Counts = { group_code: string; listed: number; invited: number; opened: number; completed: number };
const counts = async () =>
  rowsOf<Counts>(
    await t.db.execute(sql`select group_code, sum(listed)::int listed, sum(invited)::int invited, sum(opened)::int opened, sum(completed)::int completed
      from progress_counters where campaign_id = '2023-tinh' and body_code = '22' group by group_code order by group_code`),
  );

describe('a submitted list', () => {
  it('gets one invitation per person, queued for mail, with links whose hash alone is stored', async () => {
    const seeded = await seedSubmittedList(t, '2023-tinh', '22', [
      { email: 'a@quangninh.gov.vn', group: 'hdnd' },
      { email: 'b@quangninh.gov.vn', group: 'hdnd' },
      { email: 'c@quangninh.gov.vn', group: 'lanh_dao_so' },
    ]);
    expect(seeded).toHaveLength(3);
    expect(seeded.every((s) => /^[A-Za-z0-9_-]{43}$/.test(s.token))).toBe(true);
    const [row] = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int n from invitations where token_hash = ${tokenHash(seeded[0]!.token)}`));
    expect(row!.n).toBe(1);
    const [queued] = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int n from outbox where kind = 'invitation' and status = 'queued'`));
    expect(queued!.n).toBe(3);
  });

  it('is counted by the progress triggers as listed and invited, and follows state changes', async () => {
    expect(await counts()).toEqual([
      { group_code: 'hdnd', listed: 2, invited: 2, opened: 0, completed: 0 },
      { group_code: 'lanh_dao_so', listed: 1, invited: 1, opened: 0, completed: 0 },
    ]);
    await t.db.execute(sql`update invitations set first_opened_at = now() where email_norm = 'a@quangninh.gov.vn'`);
    await t.db.execute(sql`update invitations set status = 'completed' where email_norm in ('a@quangninh.gov.vn', 'c@quangninh.gov.vn')`);
    await t.db.execute(sql`update invitations set status = 'cancelled' where email_norm = 'b@quangninh.gov.vn'`);
    expect(await counts()).toEqual([
      { group_code: 'hdnd', listed: 2, invited: 1, opened: 1, completed: 1 },
      { group_code: 'lanh_dao_so', listed: 1, invited: 1, opened: 1, completed: 1 },
    ]);
  });
});
