import { describe, expect, it } from 'vitest';
import { bodyProgress, completionRate, completionSeries, filterBodies, groupTotals, overallTotals, respondentStatus, sortBodies, type CounterRow } from './progress.js';

const zero = { listed: 0, invited: 0, delivered: 0, bounced: 0, opened: 0, completed: 0 };
const row = (bodyCode: string, groupCode: string, c: Partial<typeof zero>, last: string | null = null): CounterRow => ({
  bodyCode,
  groupCode,
  ...zero,
  ...c,
  lastActivityAt: last ? new Date(last) : null,
});
const bodies = [
  { code: '01', name: 'Thành phố Hà Nội', listState: 'submitted' as const, voided: false, openFlags: 0 },
  { code: '22', name: 'Tỉnh Quảng Ninh', listState: 'draft' as const, voided: false, openFlags: 2 },
];
const groups = [
  { code: 'hdnd', name: 'Đại biểu HĐND' },
  { code: 'lanh_dao_so', name: 'Lãnh đạo sở' },
];

describe('progress', () => {
  it.each([
    [{ ...zero }, null],
    [{ ...zero, invited: 3, completed: 1 }, 0.3333],
    [{ ...zero, invited: 4, completed: 4 }, 1],
  ])('rates %j as %s', (counts, rate) => expect(completionRate(counts)).toBe(rate));

  it('fills every body and group, adding groups into body and overall totals', () => {
    const rows = [row('01', 'hdnd', { listed: 10, invited: 10, completed: 4 }, '2023-12-20T03:00:00Z'), row('01', 'lanh_dao_so', { listed: 5, invited: 5, completed: 5 }, '2023-12-21T03:00:00Z')];
    const progress = bodyProgress(bodies, groups, rows);
    expect(progress[0]).toMatchObject({ bodyCode: '01', listed: 15, completed: 9, completionRate: 0.6, lastActivityAt: new Date('2023-12-21T03:00:00Z') });
    expect(progress[1]).toMatchObject({ bodyCode: '22', listed: 0, completionRate: null, groups: [expect.objectContaining({ groupCode: 'hdnd', listed: 0 }), expect.anything()] });
    expect(groupTotals(progress, groups).map((g) => [g.groupCode, g.completed])).toEqual([['hdnd', 4], ['lanh_dao_so', 5]]);
    expect(overallTotals(progress)).toMatchObject({ listed: 15, completed: 9, bodies: 2, submittedLists: 1 });
  });

  it('sorts by rate with bodies lacking one last, whatever the order', () => {
    const progress = bodyProgress(bodies, groups, [row('01', 'hdnd', { invited: 2, completed: 1 })]);
    expect(sortBodies(progress, 'completionRate', 'desc').map((b) => b.bodyCode)).toEqual(['01', '22']);
    expect(sortBodies(progress, 'completionRate', 'asc').map((b) => b.bodyCode)).toEqual(['01', '22']);
    expect(sortBodies(progress, 'bodyName', 'desc').map((b) => b.bodyCode)).toEqual(['22', '01']);
  });

  it('lists completions per day with quiet days and a running total', () => {
    expect(
      completionSeries([
        { bodyCode: '*', day: '2023-12-30', completed: 2 },
        { bodyCode: '*', day: '2024-01-02', completed: 3 },
        { bodyCode: '*', day: '2023-12-30', completed: 1 },
      ]),
    ).toEqual([
      { day: '2023-12-30', completed: 3, cumulative: 3 },
      { day: '2023-12-31', completed: 0, cumulative: 3 },
      { day: '2024-01-01', completed: 0, cumulative: 3 },
      { day: '2024-01-02', completed: 3, cumulative: 6 },
    ]);
    expect(completionSeries([])).toEqual([]);
  });

  it.each([
    [null, 'not_invited'],
    [{ status: 'cancelled', mailStatus: 'sent', opened: true }, 'not_invited'],
    [{ status: 'completed', mailStatus: 'bounced', opened: true }, 'completed'],
    [{ status: 'active', mailStatus: 'bounced', opened: false }, 'bounced'],
    [{ status: 'active', mailStatus: 'sent', opened: true }, 'opened'],
    [{ status: 'active', mailStatus: 'sent', opened: false }, 'delivered'],
    [{ status: 'active', mailStatus: 'queued', opened: false }, 'invited'],
  ] as const)('shows an invitation %j as %s', (inv, status) => expect(respondentStatus(inv)).toBe(status));
});

describe('filterBodies', () => {
  const all = bodyProgress(bodies, groups, []);
  it.each([
    [{ q: 'quang ninh' }, ['22']],
    [{ q: 'HÀ NỘI' }, ['01']],
    [{ q: '22' }, ['22']],
    [{ listState: 'submitted' as const }, ['01']],
    [{ listState: 'draft' as const, q: 'hà' }, []],
    [{}, ['01', '22']],
  ])('narrows by %j', (filter, codes) => expect(filterBodies(all, filter).map((b) => b.bodyCode)).toEqual(codes));
});
