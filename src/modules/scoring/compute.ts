// Turns the tally into the survey part of the index. S(k,u,g) is the mean over
// the sub-criterion's answered questions of each question's mean option weight;
// P(k,u) = M_k × Σ_g w_g S(k,u,g) / Σ_g w_g over the groups that reached the
// minimum of valid responses. Exact fractions throughout, rounded half up once.
import { add, div, fromInt, mul, sum, toFixedHalfUp, ZERO, type Fraction } from './fraction.js';
import { rates, type GroupPlan, type RatedUnit, type ScoringPlan, type SubCriterionPlan } from './scheme.js';
import type { Exclusion, Tally } from './tally.js';

export const POINT_PLACES = 2;
export const WEIGHT_PLACES = 4;

/** Every row says whether it carries a score; where it does not, its points are empty, never zero. */
export type RowStatus = 'scored' | 'insufficient' | 'voided';
/** Why a group's row is insufficient: under the campaign's minimum, or no weighted answer at all. */
export type InsufficientReason = 'below_minimum' | 'no_answers';

export type GroupRow = {
  unitCode: string;
  unitName: string;
  subCriterion: string;
  field: string;
  groupCode: string;
  invited: number;
  responded: number;
  valid: number;
  meanWeight: string | null;
  maxPoints: string;
  /** M_k × S(k,u,g), only when the group is used. */
  points: string | null;
  status: RowStatus;
  reason: InsufficientReason | null;
};

export type SubCriterionRow = {
  unitCode: string;
  unitName: string;
  subCriterion: string;
  name: string;
  field: string;
  groupsUsed: number;
  valid: number;
  maxPoints: string;
  points: string | null;
  status: RowStatus;
};

export type UnitTotal = {
  unitCode: string;
  unitName: string;
  bodyCode: string | null;
  /** `insufficient` when any sub-criterion has no score: a partial sum is not a total. */
  status: RowStatus;
  responded: number;
  points: string | null;
  maxPoints: string;
  percentage: string | null;
  /** Sub-criteria with no group at the minimum. */
  unscored: number;
};

export type ScoreResult = {
  groupRows: GroupRow[];
  subCriterionRows: SubCriterionRow[];
  units: UnitTotal[];
  exclusions: Exclusion[];
  responsesUsed: number;
  ignoredAnswers: number;
};

/** (body, group) → invitations not cancelled. */
export type InvitedCounts = ReadonlyMap<string, number>;
export const invitedKey = (bodyCode: string, groupCode: string) => `${bodyCode}\u0000${groupCode}`;

function invitedFor(invited: InvitedCounts, unit: RatedUnit, group: GroupPlan): number {
  if (unit.bodyCode !== null) return invited.get(invitedKey(unit.bodyCode, group.code)) ?? 0;
  let n = 0;
  for (const [key, count] of invited) if (key.endsWith(`\u0000${group.code}`)) n += count;
  return n;
}

/** S(k,u,g): null when no question of the sub-criterion has a weighted answer. */
export function meanWeight(plan: ScoringPlan, group: GroupPlan, counts: Int32Array, k: number): Fraction | null {
  const nOptions = plan.optionCodes.length;
  const means: Fraction[] = [];
  group.form.questionSub.forEach((sub, q) => {
    if (sub !== k) return;
    let weighted = ZERO;
    let n = 0;
    for (let o = 0; o < nOptions; o++) {
      const w = plan.optionWeights[o];
      const c = counts[q * nOptions + o]!;
      if (w === null || w === undefined || c === 0) continue;
      weighted = add(weighted, mul(w, fromInt(c)));
      n += c;
    }
    if (n > 0) means.push(div(weighted, fromInt(n)));
  });
  return means.length ? div(sum(means), fromInt(means.length)) : null;
}

type Scored = { row: GroupRow; weight: Fraction; mean: Fraction | null };

function scoreGroup(plan: ScoringPlan, tally: Tally, invited: InvitedCounts, unit: RatedUnit, sub: SubCriterionPlan, k: number, group: GroupPlan): Scored {
  const cell = tally.cell(unit.code, group.code);
  const valid = cell?.valid[k] ?? 0;
  const mean = cell ? meanWeight(plan, group, cell.counts, k) : null;
  const reason: InsufficientReason | null = mean === null || valid === 0 ? 'no_answers' : valid < plan.minValidPerGroup ? 'below_minimum' : null;
  return {
    weight: group.weight,
    mean: reason === null ? mean : null,
    row: {
      unitCode: unit.code,
      unitName: unit.name,
      subCriterion: sub.code,
      field: sub.field,
      groupCode: group.code,
      invited: invitedFor(invited, unit, group),
      responded: cell?.responded ?? 0,
      valid,
      meanWeight: mean === null ? null : toFixedHalfUp(mean, WEIGHT_PLACES),
      maxPoints: sub.maxPointsText,
      points: reason !== null || mean === null ? null : toFixedHalfUp(mul(sub.maxPoints, mean), POINT_PLACES),
      status: reason === null ? 'scored' : 'insufficient',
      reason,
    },
  };
}

/** P(k,u) exactly, or null when no group reached the minimum. */
export function subCriterionPoints(maxPoints: Fraction, groups: readonly { weight: Fraction; mean: Fraction | null }[]): Fraction | null {
  const used = groups.filter((g) => g.mean !== null);
  if (used.length === 0) return null;
  const totalWeight = sum(used.map((g) => g.weight));
  const weighted = sum(used.map((g) => mul(g.weight, g.mean!)));
  return mul(maxPoints, div(weighted, totalWeight));
}

export function computeScores(tally: Tally, invited: InvitedCounts): ScoreResult {
  const plan = tally.plan;
  const groupRows: GroupRow[] = [];
  const subCriterionRows: SubCriterionRow[] = [];
  const units: UnitTotal[] = [];
  const maxTotal = sum(plan.subCriteria.map((s) => s.maxPoints));
  for (const unit of plan.units) {
    const raters = plan.groups.filter((g) => rates(g, unit));
    const responded = raters.reduce((n, g) => n + (tally.cell(unit.code, g.code)?.responded ?? 0), 0);
    const voided = unit.bodyCode !== null && tally.voidedBodies.has(unit.bodyCode);
    let total = ZERO;
    let unscored = 0;
    plan.subCriteria.forEach((sub, k) => {
      const groups = raters.filter((g) => g.form.questionSub.includes(k));
      const scored = voided ? [] : groups.map((g) => scoreGroup(plan, tally, invited, unit, sub, k, g));
      groupRows.push(...scored.map((s) => s.row));
      const points = subCriterionPoints(sub.maxPoints, scored);
      if (points === null) unscored += 1;
      else total = add(total, points);
      subCriterionRows.push({
        unitCode: unit.code,
        unitName: unit.name,
        subCriterion: sub.code,
        name: sub.name,
        field: sub.field,
        groupsUsed: scored.filter((s) => s.mean !== null).length,
        valid: scored.reduce((n, s) => n + s.row.valid, 0),
        maxPoints: sub.maxPointsText,
        points: points === null ? null : toFixedHalfUp(points, POINT_PLACES),
        status: voided ? 'voided' : points === null ? 'insufficient' : 'scored',
      });
    });
    const status: RowStatus = voided ? 'voided' : unscored > 0 ? 'insufficient' : 'scored';
    units.push({
      unitCode: unit.code,
      unitName: unit.name,
      bodyCode: unit.bodyCode,
      status,
      responded,
      points: status === 'scored' ? toFixedHalfUp(total, POINT_PLACES) : null,
      maxPoints: toFixedHalfUp(maxTotal, POINT_PLACES),
      percentage: status === 'scored' ? toFixedHalfUp(div(mul(total, fromInt(100)), maxTotal), POINT_PLACES) : null,
      unscored: voided ? plan.subCriteria.length : unscored,
    });
  }
  return { groupRows, subCriterionRows, units, exclusions: tally.exclusions(), responsesUsed: tally.used(), ignoredAnswers: tally.ignoredAnswers() };
}
