import { describe, expect, it } from 'vitest';
import { gridConfig, nationalConfig, sheet } from '../../../test/fixtures/scoring-campaign.js';
import type { CampaignConfig } from '../campaigns/campaign-config.js';
import { computeScores, invitedKey } from './compute.js';
import { fromNumber, toFixedHalfUp } from './fraction.js';
import { scoringPlan } from './scheme.js';
import { createTally, type ResponseInput } from './tally.js';

const bodies = (config: CampaignConfig) => config.bodies.map((b) => ({ code: b.code, name: b.name }));

function score(config: CampaignConfig, responses: ResponseInput[], voided: string[] = [], invited = new Map<string, number>()) {
  const tally = createTally(scoringPlan(config, bodies(config)), new Set(voided));
  for (const r of responses) tally.add(r);
  return computeScores(tally, invited);
}

const r = (bodyCode: string, groupCode: string, answers: Record<string, string>, voided = false): ResponseInput => ({
  bodyCode,
  groupCode,
  answers: { [bodyCode]: answers },
  voided,
});

// Province P1, group g1 (3 responses) and g2 (2 responses, plus one voided):
//   k1, g1: q1 = A,B,C → (1 + 0.6 + 0.2)/3 = 0.6; q2 = B,K,A → (0.6 + 1)/2 = 0.8;  S = (0.6 + 0.8)/2 = 0.7
//   k1, g2: q1 = A,D → 0.5;  q2 = A,K → 1;  S = 0.75
//   P(k1) = 3 × (0.7 + 0.75)/2 = 2.175 → 2.18 (half up)
//   k2, g1: q3 = K,C,D → (0.2 + 0)/2 = 0.1 (2 valid responses: at the minimum);  k2, g2: q3 = A,B → 0.8
//   P(k2) = 1.5 × (0.1 + 0.8)/2 = 0.675 → 0.68
//   total = 2.175 + 0.675 = 2.85 (not 2.18 + 0.68 = 2.86: rounded once, at the end); 2.85/4.5 = 63.33 %
// Province P2: g1 has 1 response (under the minimum of 2), g2 has 2:
//   k1, g1: S = 1, reported (mean weight only) but not used;  k1, g2: q1 = B,C → 0.4; q2 = B,D → 0.3; S = 0.35 → P = 1.05
//   k2: g1 under the minimum, g2 answered only "không biết" → no points, so P2 has no total (insufficient)
// Province P3 is voided: its responses are listed, not used.
const p1 = [
  r('P1', 'g1', sheet('A', 'B', 'K')),
  r('P1', 'g1', sheet('B', 'K', 'C')),
  r('P1', 'g1', sheet('C', 'A', 'D')),
  r('P1', 'g2', sheet('A', 'A', 'A')),
  r('P1', 'g2', sheet('D', 'K', 'B')),
  r('P1', 'g2', sheet('A', 'A', 'A'), true),
];
const p2 = [r('P2', 'g1', sheet('A', 'A', 'A')), r('P2', 'g2', sheet('B', 'B', 'K')), r('P2', 'g2', sheet('C', 'D', 'K'))];
const p3 = [r('P3', 'g1', sheet('A', 'A', 'A')), r('P3', 'g1', sheet('A', 'A', 'A'))];

describe('survey scores worked out by hand', () => {
  const result = score(nationalConfig(), [...p1, ...p2, ...p3], ['P3'], new Map([[invitedKey('P1', 'g1'), 4], [invitedKey('P1', 'g2'), 3]]));
  const group = (unit: string, k: string, g: string) => result.groupRows.find((x) => x.unitCode === unit && x.subCriterion === k && x.groupCode === g);
  const sub = (unit: string, k: string) => result.subCriterionRows.find((x) => x.unitCode === unit && x.subCriterion === k)!;
  const unit = (code: string) => result.units.find((u) => u.unitCode === code)!;

  it.each([
    ['P1', 'k1', 'g1', { invited: 4, responded: 3, valid: 3, meanWeight: '0.7000', points: '2.10', status: 'scored', reason: null }],
    ['P1', 'k1', 'g2', { invited: 3, responded: 2, valid: 2, meanWeight: '0.7500', points: '2.25', status: 'scored', reason: null }],
    ['P1', 'k2', 'g1', { responded: 3, valid: 2, meanWeight: '0.1000', points: '0.15', status: 'scored', reason: null }],
    ['P1', 'k2', 'g2', { valid: 2, meanWeight: '0.8000', points: '1.20', status: 'scored', reason: null }],
    ['P2', 'k1', 'g1', { invited: 0, responded: 1, valid: 1, meanWeight: '1.0000', points: null, status: 'insufficient', reason: 'below_minimum' }],
    ['P2', 'k1', 'g2', { valid: 2, meanWeight: '0.3500', points: '1.05', status: 'scored', reason: null }],
    ['P2', 'k2', 'g2', { responded: 2, valid: 0, meanWeight: null, points: null, status: 'insufficient', reason: 'no_answers' }],
  ])('%s %s %s', (u, k, g, expected) => {
    expect(group(u, k, g)).toMatchObject(expected);
  });

  it.each([
    ['P1', 'k1', '2.18', 2],
    ['P1', 'k2', '0.68', 2],
    ['P2', 'k1', '1.05', 1],
    ['P2', 'k2', null, 0],
  ])('gives %s %s %s points from %s groups', (u, k, points, groupsUsed) => {
    expect(sub(u, k)).toMatchObject({ points, groupsUsed });
  });

  it('rounds the unit total once, at the end', () => {
    expect(unit('P1')).toMatchObject({ points: '2.85', maxPoints: '4.50', percentage: '63.33', unscored: 0, responded: 5, status: 'scored' });
    // P2's k2 has no score, so P2 has no total: a partial sum would read as a real figure.
    expect(unit('P2')).toMatchObject({ points: null, percentage: null, unscored: 1, status: 'insufficient' });
    expect(sub('P2', 'k2')).toMatchObject({ points: null, status: 'insufficient' });
  });

  it('leaves out and lists voided responses and voided bodies', () => {
    expect(unit('P3')).toMatchObject({ status: 'voided', points: null, percentage: null });
    expect(result.groupRows.some((x) => x.unitCode === 'P3')).toBe(false);
    expect(result.exclusions).toEqual([
      { bodyCode: 'P1', groupCode: 'g2', reason: 'voided_response', responses: 1 },
      { bodyCode: 'P3', groupCode: 'g1', reason: 'voided_body', responses: 2 },
    ]);
    expect(result.responsesUsed).toBe(8);
  });

  it('weighs groups as the scheme says, renormalised over the groups used', () => {
    // P1 k1 with g1 weighing 2 and g2 1: 3 × (2 × 0.7 + 0.75)/3 = 2.15
    // P2 k1: only g2 is used, so its weight becomes 1: 3 × 0.35 = 1.05
    const weighted = score(nationalConfig({ groupWeights: { g1: 2, g2: 1 } }), [...p1, ...p2]);
    expect(weighted.subCriterionRows.find((x) => x.unitCode === 'P1' && x.subCriterion === 'k1')!.points).toBe('2.15');
    expect(weighted.subCriterionRows.find((x) => x.unitCode === 'P2' && x.subCriterion === 'k1')!.points).toBe('1.05');
  });

  it('ignores answers to unknown questions, options and units, and counts them', () => {
    const odd = score(nationalConfig({ minValidPerGroup: 1 }), [
      { bodyCode: 'P1', groupCode: 'g1', voided: false, answers: { P1: { q1: 'A', q9: 'A', q2: 'Z' }, P2: { q1: 'D' } } },
    ]);
    expect(odd.ignoredAnswers).toBe(3);
    expect(odd.subCriterionRows.find((x) => x.unitCode === 'P1' && x.subCriterion === 'k1')!.points).toBe('3.00');
    expect(odd.units.find((u) => u.unitCode === 'P2')!.responded).toBe(0);
  });
});

describe('a grid of departments rated by several groups', () => {
  // u1: h = A,B → 0.8; x = D → 0;  P = 4 × (0.8 + 0)/2 = 1.60
  // u2: h = C,K → 0.2 (one valid); x = A → 1;  P = 4 × (0.2 + 1)/2 = 2.40
  const grid = score(gridConfig(), [
    { bodyCode: 'P', groupCode: 'h', voided: false, answers: { u1: { q: 'A' }, u2: { q: 'C' } } },
    { bodyCode: 'P', groupCode: 'h', voided: false, answers: { u1: { q: 'B' }, u2: { q: 'K' } } },
    { bodyCode: 'P', groupCode: 'x', voided: false, answers: { u1: { q: 'D' } } },
    { bodyCode: 'P', groupCode: 'x', voided: false, answers: { u2: { q: 'A' } } },
  ]);

  it('pools every rater of a group for each unit', () => {
    expect(grid.units.map((u) => [u.unitCode, u.points, u.responded])).toEqual([
      ['u1', '1.60', 3],
      ['u2', '2.40', 3],
    ]);
    expect(grid.groupRows.find((g) => g.unitCode === 'u2' && g.groupCode === 'h')).toMatchObject({ responded: 2, valid: 1, meanWeight: '0.2000' });
  });
});

describe('half-up rounding of exact fractions', () => {
  it.each([
    ['2.175', 2, '2.18'],
    ['0.675', 2, '0.68'],
    ['0.005', 2, '0.01'],
    ['0.00499', 2, '0.00'],
    ['12', 2, '12.00'],
    ['0.33335', 4, '0.3334'],
  ])('%s to %i places is %s', (value, places, expected) => {
    expect(toFixedHalfUp(fromNumber(value), places)).toBe(expected);
  });
});
