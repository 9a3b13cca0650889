// Writes a score export as CSV (RFC 4180, CRLF, optional BOM for Excel,
// formula-safe cells) or JSON, chunk by chunk. Nothing but the generation time
// depends on when it runs: same inputs, same bytes on every other line.
import { csvLine } from '../../csv/write.js';
import type { ScoreResult } from './compute.js';

export const EXPORT_FORMAT_VERSION = 1;
export const ROUNDING_RULE = 'half up, once, at the end: points and percentages to 2 places, mean weights to 4';

export type ExportHeader = {
  campaignId: string;
  campaignName: string;
  schemeVersion: string;
  surveyShare: string;
  minValidPerGroup: number;
  generatedAt: string;
  inputDigest: string;
  seal: { digest: string; sealedAt: string; matches: boolean } | null;
  publishedAt: string | null;
};

export type ScoreExport = ExportHeader & ScoreResult;

export const CSV_COLUMNS = [
  'record',
  'unit_code',
  'unit_name',
  'sub_criterion',
  'field',
  'group',
  'n_invited',
  'n_responded',
  'n_valid',
  'mean_weight',
  'max_points',
  'points',
  'percentage',
  'status',
] as const;

function headerLines(doc: ScoreExport): [string, string | number][] {
  return [
    ['format', `par-survey scores v${EXPORT_FORMAT_VERSION}`],
    ['campaign', doc.campaignId],
    ['campaign_name', doc.campaignName],
    ['scheme_version', doc.schemeVersion],
    ['survey_share', doc.surveyShare],
    ['min_valid_per_group', doc.minValidPerGroup],
    ['rounding', ROUNDING_RULE],
    ['generated_at', doc.generatedAt],
    ['input_sha256', doc.inputDigest],
    ['sealed_sha256', doc.seal?.digest ?? ''],
    ['sealed_at', doc.seal?.sealedAt ?? ''],
    ['matches_seal', doc.seal ? (doc.seal.matches ? 'yes' : 'NO') : ''],
    ['published_at', doc.publishedAt ?? ''],
    ['responses_used', doc.responsesUsed],
    ['answers_ignored', doc.ignoredAnswers],
  ];
}

export function* csvChunks(doc: ScoreExport, options: { bom?: boolean } = {}): Generator<string> {
  let chunk = options.bom ? '\ufeff' : '';
  for (const line of headerLines(doc)) chunk += csvLine(line);
  yield `${chunk}\r\n${csvLine(CSV_COLUMNS)}`;
  const rows: unknown[][] = [];
  const flush = function* () {
    if (rows.length) yield rows.map((r) => csvLine(r)).join('');
    rows.length = 0;
  };
  for (const g of doc.groupRows) {
    rows.push(['group', g.unitCode, g.unitName, g.subCriterion, g.field, g.groupCode, g.invited, g.responded, g.valid, g.meanWeight, g.maxPoints, g.points, '', g.status]);
    if (rows.length >= 500) yield* flush();
  }
  for (const s of doc.subCriterionRows) {
    rows.push(['sub_criterion', s.unitCode, s.unitName, s.subCriterion, s.field, '', '', '', s.valid, '', s.maxPoints, s.points, '', s.points === null ? 'unscored' : 'scored']);
    if (rows.length >= 500) yield* flush();
  }
  for (const u of doc.units) rows.push(['unit', u.unitCode, u.unitName, '', '', '', '', u.responded, '', '', u.maxPoints, u.points, u.percentage, u.status]);
  for (const e of doc.exclusions) rows.push(['excluded', e.bodyCode, '', '', '', e.groupCode, '', e.responses, '', '', '', '', '', e.reason]);
  yield* flush();
}

/** The JSON export; keys in a fixed order so the bytes are reproducible. */
export function* jsonChunks(doc: ScoreExport): Generator<string> {
  const head = {
    format: `par-survey scores v${EXPORT_FORMAT_VERSION}`,
    campaignId: doc.campaignId,
    campaignName: doc.campaignName,
    schemeVersion: doc.schemeVersion,
    surveyShare: doc.surveyShare,
    minValidPerGroup: doc.minValidPerGroup,
    rounding: ROUNDING_RULE,
    generatedAt: doc.generatedAt,
    inputDigest: doc.inputDigest,
    seal: doc.seal,
    publishedAt: doc.publishedAt,
    responsesUsed: doc.responsesUsed,
    ignoredAnswers: doc.ignoredAnswers,
  };
  yield `${JSON.stringify(head).slice(0, -1)}`;
  for (const key of ['groupRows', 'subCriterionRows', 'units', 'exclusions'] as const) {
    const items = doc[key] as readonly unknown[];
    yield `,${JSON.stringify(key)}:[`;
    for (let i = 0; i < items.length; i += 500) {
      yield items.slice(i, i + 500).map((item) => JSON.stringify(item)).join(',') + (i + 500 < items.length ? ',' : '');
    }
    yield ']';
  }
  yield '}\n';
}
