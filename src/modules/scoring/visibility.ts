// What a body may see of its own scores: the units it is responsible for, with
// every figure hidden that rests on fewer than the campaign's threshold (never
// below 5) of some group's responses, so no small group's answers can be
// inferred. A figure rests on each group it uses: a sub-criterion on its scored
// groups, a unit total on all its sub-criteria (else the hidden one would follow
// by subtraction). Counts stay visible. Staff views are the same rows unmasked.
import type { GroupRow, SubCriterionRow, UnitTotal } from './compute.js';
import type { ScoreExport } from './render.js';

export const BODY_MIN_RESPONSES = 5;

type Hidden = { hidden: boolean };
export type BodyUnit = UnitTotal & Hidden & { subCriteria: (SubCriterionRow & Hidden)[]; groups: (GroupRow & Hidden)[] };

export type BodyScores = {
  campaignId: string;
  bodyCode: string;
  schemeVersion: string;
  publishedAt: string | null;
  sealedDigest: string | null;
  sealVersion: number | null;
  /** True when figures resting on fewer than `minResponses` responses of a group are hidden. */
  masked: boolean;
  minResponses: number;
  units: BodyUnit[];
  /** Set when a later seal changed this body's figures: the earlier version's, as the body saw them. */
  recalculated: { previousVersion: number; units: { unitCode: string; unitName: string; before: string | null; after: string | null }[] } | null;
};

function maskUnit(doc: ScoreExport, u: UnitTotal, threshold: number): BodyUnit {
  const groups = doc.groupRows.filter((g) => g.unitCode === u.unitCode);
  const small = (n: number) => n < threshold;
  const subCriteria = doc.subCriterionRows
    .filter((s) => s.unitCode === u.unitCode)
    .map((s) => {
      const used = groups.filter((g) => g.subCriterion === s.subCriterion && g.status === 'scored');
      const hidden = s.points !== null && used.some((g) => small(g.valid));
      return { ...s, points: hidden ? null : s.points, hidden };
    });
  const hidden = u.points !== null && subCriteria.some((s) => s.hidden);
  return {
    ...u,
    points: hidden ? null : u.points,
    percentage: hidden ? null : u.percentage,
    hidden,
    subCriteria,
    groups: groups.map((g) => (small(g.valid) && g.meanWeight !== null ? { ...g, meanWeight: null, points: null, hidden: true } : { ...g, hidden: false })),
  };
}

export function bodyView(doc: ScoreExport, bodyCode: string, mask: boolean, previous?: ScoreExport): BodyScores {
  const threshold = Math.max(BODY_MIN_RESPONSES, doc.bodyMinResponses ?? BODY_MIN_RESPONSES);
  const unitsOf = (d: ScoreExport) =>
    d.units.filter((u) => u.bodyCode === bodyCode).map((u) => maskUnit(d, u, mask ? threshold : 0));
  const units = unitsOf(doc);
  let recalculated: BodyScores['recalculated'] = null;
  if (previous?.seal) {
    const before = new Map(unitsOf(previous).map((u) => [u.unitCode, u]));
    const changed = units
      .filter((u) => {
        const b = before.get(u.unitCode);
        return !b || b.points !== u.points || b.status !== u.status;
      })
      .map((u) => ({ unitCode: u.unitCode, unitName: u.unitName, before: before.get(u.unitCode)?.points ?? null, after: u.points }));
    if (changed.length) recalculated = { previousVersion: previous.seal.version, units: changed };
  }
  return {
    campaignId: doc.campaignId,
    bodyCode,
    schemeVersion: doc.schemeVersion,
    publishedAt: doc.publishedAt,
    sealedDigest: doc.seal?.digest ?? null,
    sealVersion: doc.seal?.version ?? null,
    masked: mask,
    minResponses: threshold,
    units,
    recalculated,
  };
}
