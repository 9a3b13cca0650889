import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateBody, sheetOf, withNational, type CampaignContext } from './evaluate.js';
import { distance, identicalSheets } from './rules/identical-sheets.js';
import { respondentReports } from './rules/reports.js';
import { suspiciousLists, type ListStats } from './rules/suspicious-lists.js';
import { binomialTail, denseWindows, normalTail, oddsText, poissonTail, type ResponseSignal } from './signals.js';
import { resolveThresholds } from './thresholds.js';

const t = resolveThresholds();
const T0 = Date.parse('2023-12-18T01:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;

/** A deterministic pseudo-random source for fixtures. */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const LETTERS = 'ABCDK';
function honest(n: number, seed = 1, extra: Partial<ResponseSignal> = {}): ResponseSignal[] {
  const rand = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const day = Math.floor(rand() * 20);
    const hour = 1 + Math.floor(rand() * 9);
    const office = rand() < 0.6;
    return {
      id: `h${seed}-${String(i).padStart(5, '0')}`,
      groupCode: 'hdnd',
      formCode: 'phieu-hdnd',
      at: T0 + day * 24 * HOUR + hour * HOUR + Math.floor(rand() * 60) * MIN,
      seconds: Math.round(600 * Math.exp((rand() - 0.5) * 1.2)),
      ipHash: office ? 'office-ip' : `home-${i}`,
      uaHash: `ua${Math.floor(rand() * (office ? 6 : 30))}`,
      netHash: office ? 'office-net' : `net-${i}`,
      formLoaded: true,
      deviceKey: `dk-${seed}-${i}`,
      vector: Array.from({ length: 27 }, () => LETTERS[Math.floor(rand() * rand() * 5)]).join(''),
      ...extra,
    };
  });
}

const planted = (n: number, base: Partial<ResponseSignal>, spacingMin = 5): ResponseSignal[] =>
  Array.from({ length: n }, (_, i) => ({ ...honest(1, 999 + i)[0]!, id: `p-${i}`, at: T0 + 3 * 24 * HOUR + 2 * HOUR + i * spacingMin * MIN, ...base }));

const pace = { medianSeconds: { hdnd: 600 }, speederShare: { hdnd: 0.01 } };
const sheets = { formTotals: { 'phieu-hdnd': 20_000 }, repeated: new Map<string, number>() };

describe('statistics', () => {
  it.each([
    [0, 3, 1],
    [1, 1, 1 - Math.exp(-1)],
    [2, 1, 1 - 2 * Math.exp(-1)],
  ])('P(X >= %d | λ=%d) = %f', (k, l, p) => expect(poissonTail(k, l)).toBeCloseTo(p, 10));

  it.each([
    [0, 10, 0.3, 1],
    [10, 10, 0.5, 2 ** -10],
    [1, 2, 0.5, 0.75],
  ])('P(X >= %d | n=%d, p=%f) = %f', (k, n, p, v) => expect(binomialTail(k, n, p)).toBeCloseTo(v, 10));

  it.each([
    [0, 0.5],
    [1.96, 0.025],
    [4, 3.167e-5],
  ])('P(Z >= %f) ≈ %f', (z, v) => expect(normalTail(z)).toBeCloseTo(v, 4));

  it('writes probabilities as odds a reviewer reads', () => {
    expect(oddsText(0.25)).toBe('25%');
    expect(oddsText(1 / 3_400_000)).toBe('1 trên 3,4 triệu');
  });

  it('gives a far-tail probability that shrinks as the count grows', () => {
    expect(poissonTail(20, 1)).toBeLessThan(1e-15);
    expect(poissonTail(21, 1)).toBeLessThan(poissonTail(20, 1));
  });

  it('cuts times into windows that never overlap, never exceed the width and hold at least the minimum', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 200 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 6 }), (times, width, min) => {
        const sorted = times.sort((a, b) => a - b).map((at) => ({ at }));
        const windows = denseWindows(sorted, width, min);
        let last = -Infinity;
        for (const w of windows) {
          expect(w.length).toBeGreaterThanOrEqual(min);
          expect(w.at(-1)!.at - w[0]!.at).toBeLessThanOrEqual(width);
          expect(w[0]!.at).toBeGreaterThanOrEqual(last);
          last = w.at(-1)!.at;
        }
      }),
    );
  });

  it('counts differing answers', () => {
    expect(distance('AAB', 'AAB', 1)).toBe(0);
    expect(distance('AAB', 'ABB', 1)).toBe(1);
    expect(distance('ABC', 'CBA', 5)).toBe(2);
  });
});

describe('identical sheets', () => {
  const sctx = { t, tests: 63, name: (c: string) => c };
  const sheet = 'AABAABAAAABAAAAABAAAAAABAAA';
  it.each([
    ['eight copies of one sheet', Array(8).fill(sheet), 1],
    ['three copies and five sheets one answer off them', [...Array(3).fill(sheet), ...Array.from({ length: 5 }, (_, i) => sheet.slice(0, i) + 'C' + sheet.slice(i + 1))], 1],
    ['two copies', Array(2).fill(sheet), 0],
  ])('%s → %i flag(s)', (_, vectors, expected) => {
    const extra = vectors.map((vector, i) => ({ ...honest(1, 50 + i)[0]!, id: `c${i}`, vector }));
    expect(identicalSheets([...honest(300), ...extra], sheets, sctx)).toHaveLength(expected);
  });

  it('does not flag a sheet common across the nation', () => {
    const extra = Array.from({ length: 6 }, (_, i) => ({ ...honest(1, 50 + i)[0]!, id: `c${i}`, vector: 'ABAB'.repeat(7).slice(0, 27) }));
    const common = { ...sheets, repeated: new Map([[`phieu-hdnd|${'ABAB'.repeat(7).slice(0, 27)}`, 600]]) };
    expect(identicalSheets([...honest(300), ...extra], common, sctx)).toEqual([]);
    expect(identicalSheets([...honest(300), ...extra], sheets, sctx)).toHaveLength(1);
  });

  it('leaves straight-lined sheets to the straight-lining rule', () => {
    const extra = Array.from({ length: 8 }, (_, i) => ({ ...honest(1, 50 + i)[0]!, id: `c${i}`, vector: 'A'.repeat(27) }));
    expect(identicalSheets([...honest(300), ...extra], sheets, sctx)).toEqual([]);
  });

  it('never flags independent honest answers', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e6 }), (seed) => identicalSheets(honest(400, seed), sheets, sctx).length === 0), { numRuns: 30 });
  });
});

describe('lists, reports', () => {
  const list = (over: Partial<ListStats>): ListStats => ({ listed: 100, domains: { 'quangninh.gov.vn': 100 }, sharedMailboxes: [], sharedPhones: [], changedAfterInvitation: 0, groups: { hdnd: 60 }, ...over });
  it.each([
    ['an official list', list({}), []],
    ['a list padded with private mailboxes', list({ domains: { 'quangninh.gov.vn': 80, 'gmail.com': 20 } }), ['outside_domains']],
    ['two private addresses', list({ domains: { 'quangninh.gov.vn': 98, 'gmail.com': 2 } }), []],
    ['a mailbox shared by three names', list({ sharedMailboxes: [3] }), ['shared_mailbox']],
    ['a phone shared by two names', list({ sharedPhones: [2] }), []],
    ['addresses changed after invitation', list({ changedAfterInvitation: 4 }), ['changed_after_invitation']],
    ['a delegate group half the seats', list({ groups: { hdnd: 30 } }), ['small_group']],
    ['no delegate at all', list({ groups: { other: 100 } }), ['small_group']],
  ])('%s', (_, stats, keys) => {
    expect(suspiciousLists(stats, { officialDomains: ['gov.vn'], hdndSeats: 61 }, t).map((f) => f.key)).toEqual(keys);
  });

  it.each([
    [[], 0],
    [[{ kind: 'other', message: 'Câu 5 khó hiểu' }], 1],
    [[{ kind: 'pressured', message: null }, { kind: 'link_used_by_other', message: 'Tôi chưa làm phiếu.' }], 1],
  ])('reports %j → %d flag(s)', (list, n) => expect(respondentReports(list, t)).toHaveLength(n));
});

describe('evaluateBody', () => {
  const ctx: CampaignContext = withNational({ thresholds: t, pace, sheets, expectations: () => ({ officialDomains: ['gov.vn'] }) }, []);
  it('gives the same findings whatever order the responses come in', () => {
    const rows = [...honest(200), ...planted(8, { deviceKey: 'one', vector: 'BCBB'.repeat(7).slice(0, 27), seconds: 50 }, 3)];
    const input = { bodyCode: '22', responses: rows, activity: [], list: null, links: { unansweredWideLinks: 0 }, reports: [] };
    const expected = evaluateBody(input, ctx);
    expect(new Set(expected.map((f) => f.rule))).toEqual(new Set(['shared_device', 'speeders', 'identical_sheets']));
    fc.assert(
      fc.property(fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }), (shuffled) => {
        expect(evaluateBody({ ...input, responses: shuffled }, ctx)).toEqual(expected);
      }),
      { numRuns: 20 },
    );
  });

  it('flattens answers per unit in code order with gaps marked', () => {
    expect(sheetOf({ b: { q1: 'A' }, a: { q2: 'C', q1: 'B' } }, ['q1', 'q2'])).toBe('BCA-');
    expect(sheetOf(null, ['q1'])).toBe('');
  });
});
