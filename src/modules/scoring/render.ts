// Writes a score export as CSV (RFC 4180, CRLF, optional BOM for Excel,
// formula-safe cells) or JSON, chunk by chunk. Nothing in it depends on when it
// runs: the same stored data and scheme give the same bytes, so the file's own
// SHA-256 is reproducible (the generation time travels beside it, not inside).
import { csvLine } from '../../csv/write.js';
import type { ScoreResult } from './compute.js';

export const EXPORT_FORMAT_VERSION = 2;
export const ROUNDING_RULE = 'half up, once, at the end: points and percentages to 2 places, mean weights to 4';

export type ExportHeader = {
  campaignId: string;
  campaignName: string;
  schemeVersion: string;
  surveyShare: string;
  minValidPerGroup: number;
  /** Figures resting on fewer responses of a group are hidden from bodies (never below 5). */
  bodyMinResponses: number;
  inputDigest: string;
  seal: SealInfo | null;
  publishedAt: string | null;
};

export type SealInfo = { version: number; digest: string; sealedAt: string };

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
  'reason',
] as const;

function headerLines(doc: ScoreExport): [string, string | number][] {
  return [
    ['format', `par-survey scores v${EXPORT_FORMAT_VERSION}`],
    ['campaign', doc.campaignId],
    ['campaign_name', doc.campaignName],
    ['scheme_version', doc.schemeVersion],
    ['survey_share', doc.surveyShare],
    ['min_valid_per_group', doc.minValidPerGroup],
    ['body_min_responses', doc.bodyMinResponses],
    ['rounding', ROUNDING_RULE],
    ['input_sha256', doc.inputDigest],
    ['seal_version', doc.seal?.version ?? ''],
    ['sealed_sha256', doc.seal?.digest ?? ''],
    ['sealed_at', doc.seal?.sealedAt ?? ''],
    ['published_at', doc.publishedAt ?? ''],
    ['responses_used', doc.responsesUsed],
    ['answers_ignored', doc.ignoredAnswers],
  ];
}

const unitReason = (u: ScoreResult['units'][number]) =>
  u.status === 'voided' ? 'voided_body' : u.unscored > 0 ? `unscored_sub_criteria=${u.unscored}` : '';

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
    rows.push(['group', g.unitCode, g.unitName, g.subCriterion, g.field, g.groupCode, g.invited, g.responded, g.valid, g.meanWeight, g.maxPoints, g.points, '', g.status, g.reason]);
    if (rows.length >= 500) yield* flush();
  }
  for (const s of doc.subCriterionRows) {
    rows.push(['sub_criterion', s.unitCode, s.unitName, s.subCriterion, s.field, '', '', '', s.valid, '', s.maxPoints, s.points, '', s.status, '']);
    if (rows.length >= 500) yield* flush();
  }
  for (const u of doc.units) rows.push(['unit', u.unitCode, u.unitName, '', '', '', '', u.responded, '', '', u.maxPoints, u.points, u.percentage, u.status, unitReason(u)]);
  for (const e of doc.exclusions) rows.push(['excluded', e.bodyCode, '', '', '', e.groupCode, '', e.responses, '', '', '', '', '', 'voided', e.reason]);
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
    bodyMinResponses: doc.bodyMinResponses,
    rounding: ROUNDING_RULE,
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
