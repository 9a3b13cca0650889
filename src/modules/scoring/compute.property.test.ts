import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nationalConfig } from '../../../test/fixtures/scoring-campaign.js';
import { computeScores } from './compute.js';
import { scoringPlan } from './scheme.js';
import { createTally, type ResponseInput } from './tally.js';

const config = nationalConfig({ minValidPerGroup: 1 });
const plan = () => scoringPlan(config, config.bodies.map((b) => ({ code: b.code, name: b.name })));
const max: Record<string, number> = { k1: 3, k2: 1.5 };

function score(responses: readonly ResponseInput[]) {
  const tally = createTally(plan(), new Set());
  for (const r of responses) tally.add(r);
  return computeScores(tally, new Map());
}

const option = fc.constantFrom('A', 'B', 'C', 'D', 'K');
const response = fc.record({
  bodyCode: fc.constantFrom('P1', 'P2', 'P3'),
  groupCode: fc.constantFrom('g1', 'g2'),
  voided: fc.boolean(),
  q1: option,
  q2: option,
  q3: option,
}).map(({ bodyCode, groupCode, voided, q1, q2, q3 }): ResponseInput => ({ bodyCode, groupCode, voided, answers: { [bodyCode]: { q1, q2, q3 } } }));

describe('score properties', () => {
  it('does not depend on the order responses arrive in', () => {
    fc.assert(
      fc.property(fc.array(response, { maxLength: 60 }).chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length }))), ([rs, shuffled]) => {
        expect(score(shuffled)).toEqual(score(rs));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps every sub-criterion within [0, M_k]', () => {
    fc.assert(
      fc.property(fc.array(response, { maxLength: 60 }), (rs) => {
        for (const row of score(rs).subCriterionRows) {
          if (row.points === null) continue;
          expect(Number(row.points)).toBeGreaterThanOrEqual(0);
          expect(Number(row.points)).toBeLessThanOrEqual(max[row.subCriterion]!);
        }
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ['A', { k1: '3.00', k2: '1.50' }, '4.50', '100.00'],
    ['D', { k1: '0.00', k2: '0.00' }, '0.00', '0.00'],
  ])('gives M_k to all-%s answers (or nothing)', (answer, points, total, percentage) => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('g1', 'g2'), fc.constantFrom(answer, 'K')), { minLength: 1, maxLength: 20 }), (sheets) => {
        const rs = sheets.map(([groupCode, other]): ResponseInput => ({ bodyCode: 'P1', groupCode, voided: false, answers: { P1: { q1: answer, q2: other, q3: answer } } }));
        const result = score(rs);
        for (const row of result.subCriterionRows.filter((x) => x.unitCode === 'P1')) expect(row.points).toBe(points[row.subCriterion as 'k1']);
        expect(result.units.find((u) => u.unitCode === 'P1')).toMatchObject({ points: total, percentage });
      }),
    );
  });
});
