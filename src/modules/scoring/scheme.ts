// The scoring plan of a campaign, read from its configuration: which option
// weighs what, which question counts towards which sub-criterion on each form,
// which groups rate which units, and the group weights. Everything the score
// depends on is here, so the plan is also what the input digest covers.
import type { CampaignConfig } from '../campaigns/campaign-config.js';
import { fromNumber, type Fraction } from './fraction.js';

export type RatedUnit = { code: string; name: string; kind: string; bodyCode: string | null; ownBody: boolean };

export type FormPlan = {
  code: string;
  /** null: the respondent rates their own body; otherwise the kind of unit in the grid. */
  unitKind: string | null;
  questionIds: string[];
  /** question id → its position in `questionIds`. */
  questionIndex: Map<string, number>;
  /** position in `questionIds` → position of its sub-criterion in the plan. */
  questionSub: number[];
};

export type GroupPlan = { code: string; name: string; priority: number; weight: Fraction; form: FormPlan };

export type SubCriterionPlan = { code: string; name: string; field: string; maxPoints: Fraction; maxPointsText: string };

export type ScoringPlan = {
  version: string;
  surveyShare: string;
  optionCodes: string[];
  /** Per option position: its weight, or null for "không biết" (leaves the denominator). */
  optionWeights: (Fraction | null)[];
  optionIndex: Map<string, number>;
  subCriteria: SubCriterionPlan[];
  groups: GroupPlan[];
  minValidPerGroup: number;
  bodyMinResponses: number;
  units: RatedUnit[];
};

/** `bodies` are the campaign's bodies (code, name): the units of own-body forms. */
export function scoringPlan(config: CampaignConfig, bodies: readonly { code: string; name: string }[]): ScoringPlan {
  const scheme = config.scoring;
  const optionCodes = Object.keys(scheme.optionWeights).sort();
  const subCriteria = scheme.subCriteria.map((s) => ({
    code: s.code,
    name: s.name,
    field: s.field,
    maxPoints: fromNumber(s.maxPoints),
    maxPointsText: String(s.maxPoints),
  }));
  const subIndex = new Map(subCriteria.map((s, i) => [s.code, i]));
  const forms = new Map<string, FormPlan>();
  for (const f of config.forms) {
    const questions = f.sections.flatMap((s) => s.questions);
    forms.set(f.code, {
      code: f.code,
      unitKind: f.ratedUnits === 'units' ? (f.unitKind ?? null) : null,
      questionIds: questions.map((q) => q.id),
      questionIndex: new Map(questions.map((q, i) => [q.id, i])),
      questionSub: questions.map((q) => subIndex.get(q.subCriterion)!),
    });
  }
  const groups = [...config.groups]
    .sort((a, b) => a.priority - b.priority)
    .map((g) => ({
      code: g.code,
      name: g.name,
      priority: g.priority,
      weight: fromNumber(scheme.groupWeights?.[g.code] ?? 1),
      form: forms.get(g.form)!,
    }));
  const ownBody = groups.some((g) => g.form.unitKind === null);
  const gridKinds = new Set(groups.map((g) => g.form.unitKind).filter((k): k is string => k !== null));
  const units: RatedUnit[] = [
    ...(ownBody ? bodies.map((b) => ({ code: b.code, name: b.name, kind: config.level, bodyCode: b.code, ownBody: true })) : []),
    ...config.units.filter((u) => gridKinds.has(u.kind)).map((u) => ({ code: u.code, name: u.name, kind: u.kind, bodyCode: u.bodyCode ?? null, ownBody: false })),
  ].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return {
    version: scheme.version,
    surveyShare: String(scheme.surveyShare),
    optionCodes,
    optionWeights: optionCodes.map((c) => (scheme.optionWeights[c] === null ? null : fromNumber(scheme.optionWeights[c]!))),
    optionIndex: new Map(optionCodes.map((c, i) => [c, i])),
    subCriteria,
    groups,
    minValidPerGroup: scheme.minValidPerGroup,
    bodyMinResponses: scheme.bodyMinResponses,
    units,
  };
}

/** Whether a group's form rates this unit. */
export const rates = (group: GroupPlan, unit: RatedUnit) => (group.form.unitKind === null ? unit.ownBody : group.form.unitKind === unit.kind && !unit.ownBody);

/** The scheme as plain data, in a fixed order, for the input digest and the export's header. */
export function planFingerprint(plan: ScoringPlan) {
  const f = (x: Fraction) => `${x.n}/${x.d}`;
  return {
    version: plan.version,
    surveyShare: plan.surveyShare,
    options: plan.optionCodes.map((c, i) => [c, plan.optionWeights[i] ? f(plan.optionWeights[i]!) : null]),
    subCriteria: plan.subCriteria.map((s) => [s.code, f(s.maxPoints)]),
    minValidPerGroup: plan.minValidPerGroup,
    bodyMinResponses: plan.bodyMinResponses,
    groups: plan.groups.map((g) => [g.code, f(g.weight), g.form.code, g.form.unitKind, g.form.questionIds.map((q, i) => [q, plan.subCriteria[g.form.questionSub[i]!]!.code])]),
    units: plan.units.map((u) => [u.code, u.kind, u.bodyCode, u.ownBody]),
  };
}
