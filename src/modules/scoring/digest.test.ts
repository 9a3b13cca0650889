import { describe, expect, it } from 'vitest';
import { nationalConfig } from '../../../test/fixtures/scoring-campaign.js';
import { computeScores } from './compute.js';
import { createInputDigest, type DigestResponse } from './digest.js';
import { csvChunks, jsonChunks, type ScoreExport } from './render.js';
import { scoringPlan } from './scheme.js';
import { createTally } from './tally.js';

const config = nationalConfig();
const plan = scoringPlan(config, config.bodies);
const bodies = config.bodies.map((b) => ({ code: b.code, voided: false }));
const rows: DigestResponse[] = ['0001', '0002', '0003'].map((id, i) => ({
  id,
  bodyCode: 'P1',
  groupCode: i % 2 ? 'g2' : 'g1',
  formCode: i % 2 ? 'f2' : 'f1',
  voided: false,
  answersText: `{"P1": {"q1": "A", "q2": "${'ABCD'[i]}", "q3": "K"}}`,
}));

function digestOf(responses: DigestResponse[], options: { plan?: typeof plan; voided?: string[]; invited?: number } = {}) {
  const d = createInputDigest(
    'c',
    options.plan ?? plan,
    bodies.map((b) => ({ ...b, voided: options.voided?.includes(b.code) ?? false })),
    [{ bodyCode: 'P1', groupCode: 'g1', invited: options.invited ?? 3 }],
  );
  for (const r of responses) d.add(r);
  return d.finish();
}

describe('input digest', () => {
  it('is the same for the same inputs and changes with any of them', () => {
    const base = digestOf(rows);
    expect(digestOf(rows)).toBe(base);
    expect(digestOf([rows[0]!, { ...rows[1]!, answersText: rows[1]!.answersText.replace('"B"', '"C"') }, rows[2]!])).not.toBe(base);
    expect(digestOf([rows[0]!, { ...rows[1]!, voided: true }, rows[2]!])).not.toBe(base);
    expect(digestOf(rows.slice(0, 2))).not.toBe(base);
    expect(digestOf(rows, { voided: ['P2'] })).not.toBe(base);
    expect(digestOf(rows, { invited: 4 })).not.toBe(base);
    const reweighted = scoringPlan(nationalConfig({ groupWeights: { g1: 2 } }), config.bodies);
    expect(digestOf(rows, { plan: reweighted })).not.toBe(base);
  });

  it('takes responses in id order only', () => {
    expect(() => digestOf([rows[1]!, rows[0]!])).toThrow(/ascending id order/);
  });
});

describe('export rendering', () => {
  const tally = createTally(plan, new Set());
  for (const r of rows) tally.add({ ...r, answers: JSON.parse(r.answersText) });
  const doc: ScoreExport = {
    campaignId: 'c',
    campaignName: '=HYPERLINK("http://x")',
    schemeVersion: plan.version,
    surveyShare: plan.surveyShare,
    minValidPerGroup: plan.minValidPerGroup,
    bodyMinResponses: 5,
    inputDigest: 'a'.repeat(64),
    seal: null,
    publishedAt: null,
    ...computeScores(tally, new Map()),
  };

  it('neutralises cells a spreadsheet would run as a formula', () => {
    const csv = [...csvChunks(doc)].join('');
    expect(csv).toContain(`campaign_name,"'=HYPERLINK(""http://x"")"\r\n`);
    expect(csv.startsWith('\ufeff')).toBe(false);
    expect([...csvChunks(doc, { bom: true })].join('').startsWith('\ufeffformat,')).toBe(true);
  });

  it('writes JSON that parses back to the document', () => {
    const parsed = JSON.parse([...jsonChunks(doc)].join(''));
    expect(parsed).toMatchObject({ campaignName: doc.campaignName, units: doc.units, groupRows: doc.groupRows, exclusions: [] });
  });
});
