// What a body may see of its own scores: the units it is responsible for, with
// every figure computed from fewer than BODY_MIN_RESPONSES responses hidden
// (the counts stay), so no small group's answers can be inferred. Staff views
// are the same rows unmasked.
import type { GroupRow, SubCriterionRow, UnitTotal } from './compute.js';
import type { ScoreExport } from './render.js';

export const BODY_MIN_RESPONSES = 5;

export type BodyScores = {
  campaignId: string;
  bodyCode: string;
  schemeVersion: string;
  publishedAt: string | null;
  sealedDigest: string | null;
  /** True when figures from fewer than BODY_MIN_RESPONSES responses are hidden. */
  masked: boolean;
  minResponses: number;
  units: (UnitTotal & { hidden: boolean; subCriteria: (SubCriterionRow & { hidden: boolean })[]; groups: (GroupRow & { hidden: boolean })[] })[];
};

export function bodyView(doc: ScoreExport, bodyCode: string, mask: boolean): BodyScores {
  const small = (n: number) => mask && n < BODY_MIN_RESPONSES;
  const units = doc.units
    .filter((u) => u.bodyCode === bodyCode)
    .map((u) => {
      const hidden = small(u.responded);
      return {
        ...u,
        points: hidden ? null : u.points,
        percentage: hidden ? null : u.percentage,
        hidden,
        subCriteria: doc.subCriterionRows
          .filter((s) => s.unitCode === u.unitCode)
          .map((s) => (small(s.valid) ? { ...s, points: null, hidden: true } : { ...s, hidden: false })),
        groups: doc.groupRows
          .filter((g) => g.unitCode === u.unitCode)
          .map((g) => (small(g.valid) ? { ...g, meanWeight: null, points: null, hidden: true } : { ...g, hidden: false })),
      };
    });
  return {
    campaignId: doc.campaignId,
    bodyCode,
    schemeVersion: doc.schemeVersion,
    publishedAt: doc.publishedAt,
    sealedDigest: doc.seal?.digest ?? null,
    masked: mask,
    minResponses: BODY_MIN_RESPONSES,
    units,
  };
}
