// Counts answers per (rated unit, group, question, option) as responses stream
// past. Only integer counts are kept, so memory depends on the scheme, not on
// the number of responses, and the order responses arrive in cannot matter.
// Voided responses and responses of voided bodies are counted apart, unused.
import type { GroupPlan, RatedUnit, ScoringPlan } from './scheme.js';

export type ResponseInput = {
  bodyCode: string;
  groupCode: string;
  /** `{ [ratedUnitCode]: { [questionId]: optionCode } }`; an own-body form is keyed by the body's code. */
  answers: unknown;
  voided: boolean;
};

export type Cell = {
  unit: RatedUnit;
  group: GroupPlan;
  /** Responses of the group that answered anything about the unit. */
  responded: number;
  /** Per sub-criterion: responses with at least one weighted answer on it. */
  valid: Int32Array;
  /** [question × option] answer counts. */
  counts: Int32Array;
};

export type Exclusion = { bodyCode: string; groupCode: string; reason: 'voided_response' | 'voided_body'; responses: number };

export type Tally = {
  plan: ScoringPlan;
  voidedBodies: ReadonlySet<string>;
  add(response: ResponseInput): void;
  cell(unitCode: string, groupCode: string): Cell | undefined;
  exclusions(): Exclusion[];
  /** Responses used in the score. */
  used(): number;
  /** Answers that name no unit, question or option of the scheme (kept out, counted). */
  ignoredAnswers(): number;
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function createTally(plan: ScoringPlan, voidedBodies: ReadonlySet<string>): Tally {
  const units = new Map(plan.units.map((u) => [u.code, u]));
  const groups = new Map(plan.groups.map((g) => [g.code, g]));
  const cells = new Map<string, Cell>();
  const excluded = new Map<string, Exclusion>();
  const nOptions = plan.optionCodes.length;
  const nSub = plan.subCriteria.length;
  const seen = new Uint8Array(nSub);
  let used = 0;
  let ignored = 0;

  const cellFor = (unit: RatedUnit, group: GroupPlan): Cell => {
    const key = `${unit.code}\u0000${group.code}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { unit, group, responded: 0, valid: new Int32Array(nSub), counts: new Int32Array(group.form.questionIds.length * nOptions) };
      cells.set(key, cell);
    }
    return cell;
  };

  const exclude = (r: ResponseInput, reason: Exclusion['reason']) => {
    const key = `${r.bodyCode}\u0000${r.groupCode}\u0000${reason}`;
    const entry = excluded.get(key) ?? { bodyCode: r.bodyCode, groupCode: r.groupCode, reason, responses: 0 };
    entry.responses += 1;
    excluded.set(key, entry);
  };

  const addUnit = (unit: RatedUnit, group: GroupPlan, sheet: Record<string, unknown>) => {
    const cell = cellFor(unit, group);
    seen.fill(0);
    let any = false;
    for (const questionId in sheet) {
      const q = group.form.questionIndex.get(questionId);
      const option = sheet[questionId];
      const o = typeof option === 'string' ? plan.optionIndex.get(option) : undefined;
      if (q === undefined || o === undefined) {
        ignored += 1;
        continue;
      }
      any = true;
      cell.counts[q * nOptions + o]! += 1;
      if (plan.optionWeights[o] !== null) seen[group.form.questionSub[q]!] = 1;
    }
    if (!any) return;
    cell.responded += 1;
    for (let k = 0; k < nSub; k++) cell.valid[k]! += seen[k]!;
  };

  return {
    plan,
    voidedBodies,
    add(r) {
      if (voidedBodies.has(r.bodyCode)) return exclude(r, 'voided_body');
      if (r.voided) return exclude(r, 'voided_response');
      const group = groups.get(r.groupCode);
      if (!group || !isRecord(r.answers)) return;
      used += 1;
      for (const unitCode in r.answers) {
        const unit = units.get(unitCode);
        const sheet = r.answers[unitCode];
        // An own-body form rates the respondent's body and nothing else.
        const allowed = unit && (group.form.unitKind === null ? unit.ownBody && unitCode === r.bodyCode : unit.kind === group.form.unitKind && !unit.ownBody);
        if (!allowed || !isRecord(sheet)) {
          ignored += isRecord(sheet) ? Object.keys(sheet).length : 1;
          continue;
        }
        addUnit(unit, group, sheet);
      }
    },
    cell: (unitCode, groupCode) => cells.get(`${unitCode}\u0000${groupCode}`),
    exclusions: () =>
      [...excluded.values()].sort((a, b) => cmp(a.bodyCode, b.bodyCode) || cmp(a.groupCode, b.groupCode) || cmp(a.reason, b.reason)),
    used: () => used,
    ignoredAnswers: () => ignored,
  };
}

export const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
