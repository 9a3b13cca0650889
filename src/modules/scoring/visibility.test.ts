import { describe, expect, it } from 'vitest';
import { nationalConfig, sheet } from '../../../test/fixtures/scoring-campaign.js';
import { campaignConfigSchema, type CampaignConfig } from '../campaigns/campaign-config.js';
import { computeScores } from './compute.js';
import type { ScoreExport } from './render.js';
import { scoringPlan } from './scheme.js';
import { createTally, type ResponseInput } from './tally.js';
import { bodyView } from './visibility.js';

function exportOf(config: CampaignConfig, responses: ResponseInput[]): ScoreExport {
  const tally = createTally(scoringPlan(config, config.bodies.map((b) => ({ code: b.code, name: b.name }))), new Set());
  for (const r of responses) tally.add(r);
  const result = computeScores(tally, new Map());
  return { campaignId: 'c', campaignName: 'c', schemeVersion: 't.1', surveyShare: '4.5', minValidPerGroup: 2, bodyMinResponses: config.scoring.bodyMinResponses, inputDigest: '0'.repeat(64), seal: null, publishedAt: null, ...result };
}

const r = (groupCode: string, n: number, option = 'A'): ResponseInput[] =>
  Array.from({ length: n }, () => ({ bodyCode: 'P1', groupCode, answers: { P1: sheet(option, option, option) }, voided: false }));

describe('what a body may see', () => {
  it('hides a figure resting on 2 people of a used group even when the groups together have 5', () => {
    const view = bodyView(exportOf(nationalConfig(), [...r('g1', 3), ...r('g2', 2)]), 'P1', true);
    const unit = view.units[0]!;
    expect(unit.subCriteria.find((s) => s.subCriterion === 'k1')).toMatchObject({ hidden: true, points: null });
    expect(unit).toMatchObject({ hidden: true, points: null, percentage: null });
  });

  it('does not count an unused group towards the threshold', () => {
    // g1 has one response: below the minimum of 2, so k1 rests on g2's 4 people alone.
    const view = bodyView(exportOf(nationalConfig(), [...r('g1', 1), ...r('g2', 4)]), 'P1', true);
    expect(view.units[0]!.subCriteria.find((s) => s.subCriterion === 'k1')).toMatchObject({ hidden: true, points: null });
  });

  it('shows figures when every group they rest on has at least 5', () => {
    const view = bodyView(exportOf(nationalConfig(), [...r('g1', 5), ...r('g2', 6)]), 'P1', true);
    expect(view.units[0]).toMatchObject({ hidden: false, points: '4.50' });
  });

  it('refuses a campaign threshold for bodies below 5', () => {
    const config = structuredClone(nationalConfig()) as CampaignConfig & { scoring: { bodyMinResponses?: number } };
    config.scoring.bodyMinResponses = 3;
    const parsed = campaignConfigSchema.safeParse(config);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('bodyMinResponses');
    config.scoring.bodyMinResponses = 8;
    const view = bodyView(exportOf(campaignConfigSchema.parse(config), [...r('g1', 6), ...r('g2', 7)]), 'P1', true);
    expect(view.minResponses).toBe(8);
    expect(view.units[0]!.hidden).toBe(true);
  });
});
