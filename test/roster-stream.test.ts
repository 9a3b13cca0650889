// The import stores rows while the file is still read and applies the merges
// once it is all read: a file whose error comes after rows were stored leaves
// the database as it was, and replacing a group gives the same report and the
// same stored list as the dry run says.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/db/client.js';
import { respondents } from '../src/db/schema/index.js';
import { csvText, header } from './fixtures/roster-files.js';
import { createTestApp, seedProvinceCampaign, type TestApp } from './helpers/app.js';

let t: TestApp;
const C = '2023-tinh';

beforeAll(async () => {
  t = await createTestApp();
  await seedProvinceCampaign(t, { bodies: ['22'] });
});
afterAll(() => t?.close());

const file = (rows: string[][]) => Buffer.from(csvText([[...header, 'Nhóm'], ...rows]));
const person = (i: number, group: string, org = 'Sở Nội vụ'): string[] => [`Người Thứ ${i}`, `nguoi.${i}@quangninh.gov.vn`, '', org, 'Chuyên viên', group];
const importFile = (bytes: Buffer, dryRun = false, group?: string) => t.services.roster.importCsv({ campaignId: C, bodyCode: '22', bytes, dryRun, actor: 'test', group });

/** Everything an import may change, to compare before and after. */
async function state() {
  const stored = await t.db
    .select({ id: respondents.id, group: respondents.groupCode, mergedInto: respondents.mergedInto, reason: respondents.mergeReason })
    .from(respondents)
    .where(and(eq(respondents.campaignId, C), eq(respondents.bodyCode, '22')))
    .orderBy(respondents.id);
  const counters = rowsOf<{ group_code: string; listed: number }>(
    await t.db.execute(sql`select group_code, sum(listed)::int as listed from progress_counters where campaign_id = ${C} and body_code = '22' group by 1 order by 1`),
  );
  const imports = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from roster_imports`))[0]!.n;
  return { stored, counters: counters.filter((c) => c.listed !== 0), imports };
}

/** The listed counters agree with a direct count of the entries not merged. */
async function expectExactCounters() {
  const { stored, counters } = await state();
  const direct = new Map<string, number>();
  for (const r of stored) if (r.mergedInto === null) direct.set(r.group, (direct.get(r.group) ?? 0) + 1);
  expect(Object.fromEntries(counters.map((c) => [c.group_code, c.listed]))).toEqual(Object.fromEntries(direct));
}

describe('an import stored while it is read', () => {
  it('stores nothing when an error comes after thousands of rows went to the COPY, and reports every error', async () => {
    await importFile(file([person(1, 'hdnd'), person(2, 'lanh_dao_so')]));
    const before = await state();
    // Past the first piece of the file read (1 MB) and many COPY chunks.
    const rows = Array.from({ length: 30_000 }, (_, i) => person(100 + i, 'lanh_dao_so'));
    rows[25_000]![1] = 'khong-phai-email';
    rows[28_000]![0] = '';
    const report = await importFile(file(rows));
    expect(report.imported).toBe(0);
    expect(report.errors.map((e) => [e.line, e.code])).toEqual([
      [25_002, 'invalid_email'],
      [28_002, 'missing_name'],
    ]);
    expect(await state()).toEqual(before);
  });

  it('gives the dry run report, and leaves entries merged into a replaced group no longer merged', async () => {
    // The same person as a delegate and as a department leader: kept as the delegate.
    const first = await importFile(file([person(1, 'hdnd'), [...person(1, 'lanh_dao_so').slice(0, 5), 'lanh_dao_so'], person(3, 'lanh_dao_so')]));
    expect(first).toMatchObject({ imported: 2, merged: 1 });
    await expectExactCounters();
    // The delegates' list again, without that person: the leader's entry is listed again.
    const again = file([person(4, 'hdnd'), person(5, 'hdnd', 'Sở Nội vụ'), [...person(3, 'hdnd')]]);
    const before = await state();
    const dry = await importFile(again, true);
    expect(await state()).toEqual(before);
    const real = await importFile(again);
    expect(real).toEqual(dry);
    expect(real).toMatchObject({ imported: 3, merged: 1 });
    const stored = (await state()).stored;
    expect(stored.filter((r) => r.group === 'hdnd')).toHaveLength(3);
    const leaders = stored.filter((r) => r.group === 'lanh_dao_so');
    expect(leaders).toHaveLength(2);
    // Person 1's leader entry: no longer merged; person 3's: merged into the new delegate entry.
    expect(leaders.filter((r) => r.mergedInto === null)).toHaveLength(1);
    expect(leaders.filter((r) => r.mergedInto !== null)).toEqual([expect.objectContaining({ reason: 'same_email' })]);
    await expectExactCounters();
  });
});
