// Each false flag and each evasion of interference detection, as plain inputs:
// a nation of honest bodies gives the honest model, then one body under test.
// False flags must raise nothing; each evasion must be caught by its rule.
import { describe, expect, it } from 'vitest';
import { activityOf, evaluateBody, summaryOf, withNational, type BodyInput, type CampaignContext } from '../src/modules/integrity/evaluate.js';
import type { ListStats } from '../src/modules/integrity/rules/suspicious-lists.js';
import type { Activity, ResponseSignal, RuleName } from '../src/modules/integrity/signals.js';
import { resolveThresholds } from '../src/modules/integrity/thresholds.js';

const t = resolveThresholds();
const T0 = Date.parse('2023-12-18T01:00:00Z');
const MIN = 60_000;
const DAY = 1440 * MIN;
const LEN = 20;
const FORMS = [
  { group: 'hdnd', form: 'phieu-hdnd', share: 0.5 },
  { group: 'lanh_dao_so', form: 'phieu-so', share: 0.5 },
];

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** An honest body: one office address, one standard browser image, a device key per person, 4% genuine all-A. */
function honestBody(code: string, n: number, seed: number, quality = 0): ResponseSignal[] {
  const rand = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const f = FORMS[i % 2]!;
    const attitude = Math.min(0.95, 0.45 + quality + 0.15 * (rand() - 0.5));
    const top = rand() < 0.04;
    const vector = Array.from({ length: LEN }, () => (top || rand() < attitude ? 'A' : 'BCDK'[Math.floor(rand() * 4)])).join('');
    return {
      id: `${code}-${String(i).padStart(4, '0')}`,
      groupCode: f.group,
      formCode: f.form,
      at: T0 + Math.floor(rand() * 20) * DAY,
      seconds: Math.round(600 * Math.exp(0.4 * (rand() + rand() + rand() - 1.5))),
      formLoaded: true,
      ipHash: rand() < 0.6 ? `${code}-office` : `${code}-phone-${Math.floor(rand() * 3)}`,
      uaHash: rand() < 0.7 ? 'chrome-120-office-image' : `ua-${Math.floor(rand() * 20)}`,
      netHash: `${code}-net`,
      deviceKey: `${code}-dk-${i}`,
      vector,
    };
  });
}

/** Spread over office hours of 20 days. */
const evenActivity = (r: ResponseSignal[], seed: number): Activity[] => {
  const rand = rng(seed);
  return activityOf(r.map((x) => ({ groupCode: x.groupCode, at: T0 + Math.floor(rand() * 20) * DAY + Math.floor(rand() * 540) * MIN })));
};

const list = (over: Partial<ListStats> = {}): ListStats => ({ listed: 60, domains: { 'tinh.gov.vn': 60 }, sharedMailboxes: [], sharedPhones: [], changedAfterInvitation: 0, groups: { hdnd: 50, lanh_dao_so: 10 }, ...over });

function input(code: string, responses: ResponseSignal[], over: Partial<BodyInput> = {}): BodyInput {
  return { bodyCode: code, responses, activity: evenActivity(responses, code.length * 7 + responses.length), list: list(), links: { unansweredWideLinks: 0, wideLinks: 0, openedLinks: responses.length }, reports: [], ...over };
}

const nation = (size: number) => Array.from({ length: 40 }, (_, i) => input(`B${i}`, honestBody(`B${i}`, size, 1000 + i)));

function evaluate(body: BodyInput, size = 40) {
  const bodies = [...nation(size), body];
  const pace = { medianSeconds: { hdnd: 600, lanh_dao_so: 600 }, speederShare: { hdnd: 0.004, lanh_dao_so: 0.004 } };
  const base: Omit<CampaignContext, 'national' | 'summaries'> = {
    thresholds: t,
    pace,
    sheets: { formTotals: { 'phieu-hdnd': size * 21, 'phieu-so': size * 21 }, repeated: new Map() },
    expectations: () => ({ officialDomains: ['gov.vn'], hdndSeats: 50, hdndGroup: 'hdnd', hdndName: 'Đại biểu HĐND tỉnh' }),
    names: { form: (c) => (c === 'phieu-hdnd' ? 'Đại biểu HĐND tỉnh' : 'Lãnh đạo sở'), group: (c) => c },
  };
  const ctx = withNational(base, bodies.map((b) => summaryOf(b, pace, t)));
  return evaluateBody(body, ctx);
}

const rulesOf = (found: { rule: RuleName }[]) => [...new Set(found.map((f) => f.rule))].sort();

/** `k` of the body's forms replaced, keeping everything else as it was. */
function replace(rows: ResponseSignal[], k: number, change: (r: ResponseSignal, i: number) => Partial<ResponseSignal>) {
  return rows.map((r, i) => (i < k ? { ...r, ...change(r, i) } : r));
}

const ALL_A = 'A'.repeat(LEN);

describe('false flags: an honest office raises nothing', () => {
  it.each<[string, () => BodyInput]>([
    ['a department of 6 on its office address, one Chrome build, the same morning', () => input('X', replace(honestBody('X', 40, 7), 6, () => ({ ipHash: 'X-office', uaHash: 'chrome-120-office-image', netHash: 'X-net' })))],
    [
      'a keen office: 22 of 36 answering in one morning hour',
      () => {
        const rows = honestBody('X', 36, 8);
        const activity = activityOf(rows.map((r, i) => ({ groupCode: r.groupCode, at: i < 22 ? T0 + 2 * DAY + i * 2.7 * MIN : T0 + (3 + i) * DAY })));
        return input('X', rows, { activity });
      },
    ],
    ['people opening their link on mail app, phone, home and office (4 devices)', () => input('X', honestBody('X', 40, 9), { links: { unansweredWideLinks: 0, wideLinks: 0, openedLinks: 44 } })],
    ['a genuinely good province (twice the all-A sheets, more A everywhere)', () => input('X', replace(honestBody('X', 40, 10, 0.1), 3, () => ({ vector: ALL_A })))],
    ['four forms from one shared office PC', () => input('X', replace(honestBody('X', 300, 11), 4, () => ({ deviceKey: 'X-shared-pc' })))],
    ['a few fast people', () => input('X', replace(honestBody('X', 40, 12), 1, () => ({ seconds: 90 })))],
  ])('%s', (_, make) => {
    expect(evaluate(make())).toEqual([]);
  });
});

describe('evasions: each caught by its own rule', () => {
  const ruleCases: [string, () => BodyInput, RuleName][] = [
    ['"tick A everywhere": 10 dictated all-A sheets among 40 of one group', () => input('X', honestBody('X', 80, 20).map((r, i) => (r.formCode === 'phieu-hdnd' && i < 20 ? { ...r, vector: ALL_A } : r))), 'straight_lining'],
    ['one browser, a different agent string per form', () => input('X', replace(honestBody('X', 40, 21), 6, (_, i) => ({ deviceKey: 'X-officer', uaHash: `spoofed-${i}` }))), 'shared_device'],
    ['one phone, a new carrier address per form', () => input('X', replace(honestBody('X', 40, 22), 6, (_, i) => ({ deviceKey: 'X-officer', ipHash: `cgnat-${i}`, netHash: `cgnet-${i}` }))), 'shared_device'],
    ['one browser, at most 4 forms per 2 hours over three days', () => input('X', replace(honestBody('X', 40, 23), 10, (_, i) => ({ deviceKey: 'X-officer', at: T0 + Math.floor(i / 4) * DAY + (i % 4) * 31 * MIN }))), 'shared_device'],
    ['a script posting without loading the form', () => input('X', replace(honestBody('X', 40, 24), 6, (_, i) => ({ formLoaded: false, deviceKey: null, seconds: null, uaHash: `script-${i}` }))), 'unloaded_submit'],
    ['opened early, clicked through in 10 s of activity later', () => input('X', replace(honestBody('X', 40, 25), 8, () => ({ seconds: 10 }))), 'speeders'],
    ['a list with no HĐND delegate at all', () => input('X', honestBody('X', 40, 26).filter((r) => r.groupCode !== 'hdnd'), { list: list({ groups: { lanh_dao_so: 40 } }) }), 'suspicious_list'],
    ['one report from one respondent', () => input('X', honestBody('X', 40, 27), { reports: [{ kind: 'pressured', message: 'Trưởng phòng bảo cả phòng chọn A.' }] }), 'reports'],
  ];
  it.each(ruleCases)('%s → %s', (_, make, rule) => {
    expect(rulesOf(evaluate(make()))).toContain(rule);
  });

  it('an answer distribution far above the peers, never quite all-A', () => {
    const mostlyA = 'AAAAAAAAABAAAAAAAAAB';
    const found = evaluate(input('X', honestBody('X', 40, 28).map((r) => (r.formCode === 'phieu-so' ? { ...r, vector: mostlyA } : r))));
    expect(found.map((f) => f.key)).toContain('phieu-so|shift');
    expect(found.find((f) => f.key === 'phieu-so|shift')!.evidence.summary).toContain('nhóm Lãnh đạo sở');
  });

  it('shows the respondent\'s own words with the report', () => {
    const [f] = evaluate(input('X', honestBody('X', 40, 27), { reports: [{ kind: 'other', message: 'Có người khác làm phiếu thay tôi.' }] }));
    expect(f!.evidence.messages).toEqual([{ kind: 'other', message: 'Có người khác làm phiếu thay tôi.' }]);
  });

  it('names the empty group in words, not codes', () => {
    const found = evaluate(input('X', honestBody('X', 40, 26), { list: list({ groups: { lanh_dao_so: 40 } }) }));
    expect(found.find((f) => f.key === 'small_group')!.evidence.summary).toContain('không có ai thuộc nhóm Đại biểu HĐND tỉnh');
  });

  it('carries the probability and the honest explanation side by side', () => {
    for (const [, make] of ruleCases.slice(0, 6)) {
      for (const f of evaluate(make())) {
        expect(typeof f.evidence.honest).toBe('string');
        expect(f.evidence.probability).toBeLessThanOrEqual(t.alpha);
      }
    }
  });
});
