import { z } from 'zod';

const rowStatus = z
  .enum(['scored', 'insufficient', 'voided'])
  .describe('scored: points carry a score; insufficient: not enough valid responses, points empty (never zero); voided: the body\'s results were voided');

const decimal = z.string().regex(/^\d+\.\d+$/).describe('exact decimal, rounded half up');
const nullableDecimal = decimal.nullable();

export const groupRowSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  subCriterion: z.string(),
  field: z.string(),
  groupCode: z.string(),
  invited: z.number().int(),
  responded: z.number().int(),
  valid: z.number().int().describe('responses with at least one weighted answer on the sub-criterion'),
  meanWeight: nullableDecimal.describe('S(k,u,g), 4 places'),
  maxPoints: z.string(),
  points: nullableDecimal.describe('M_k × S(k,u,g), 2 places; null unless the group is used'),
  status: rowStatus,
  reason: z.enum(['below_minimum', 'no_answers']).nullable().describe('why an insufficient group is not used'),
});

export const subCriterionRowSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  subCriterion: z.string(),
  name: z.string(),
  field: z.string(),
  groupsUsed: z.number().int(),
  valid: z.number().int(),
  maxPoints: z.string(),
  points: nullableDecimal.describe('P(k,u), 2 places; null when no group reached the minimum'),
  status: rowStatus,
});

export const unitTotalSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  bodyCode: z.string().nullable(),
  status: rowStatus.describe('insufficient when any sub-criterion has no score: a partial sum is not a total'),
  responded: z.number().int(),
  points: nullableDecimal.describe('null unless status is scored'),
  maxPoints: decimal,
  percentage: nullableDecimal,
  unscored: z.number().int(),
});

export const exclusionSchema = z.object({
  bodyCode: z.string(),
  groupCode: z.string(),
  reason: z.enum(['voided_response', 'voided_body']),
  responses: z.number().int(),
});

/** The JSON export, as published at /api/v1/scores/schema.json. */
export const scoreExportSchema = z
  .object({
    format: z.literal('par-survey scores v2'),
    campaignId: z.string(),
    campaignName: z.string(),
    schemeVersion: z.string(),
    surveyShare: z.string(),
    minValidPerGroup: z.number().int(),
    bodyMinResponses: z.number().int().min(5),
    rounding: z.string(),
    inputDigest: z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 of the scheme, bodies, invitations and responses'),
    seal: z
      .object({ version: z.number().int().positive(), digest: z.string(), sealedAt: z.string() })
      .nullable()
      .describe('the sealed version these scores were read from; null: computed now, provisional (tạm tính)'),
    publishedAt: z.string().nullable(),
    responsesUsed: z.number().int(),
    ignoredAnswers: z.number().int(),
    groupRows: z.array(groupRowSchema),
    subCriterionRows: z.array(subCriterionRowSchema),
    units: z.array(unitTotalSchema),
    exclusions: z.array(exclusionSchema),
  })
  .describe('Survey scores of a PAR INDEX campaign. The same stored data and scheme give the same bytes; the generation time is sent beside them (HTTP header x-generated-at).');

export const exportQuery = z.object({
  format: z.enum(['csv', 'json']).default('json'),
  bom: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});

export const verifyResult = z.object({
  campaignId: z.string(),
  version: z.number().int(),
  sealedAt: z.date(),
  sealedDigest: z.string(),
  currentDigest: z.string(),
  matches: z.boolean(),
  responses: z.number().int(),
});

export const sealResult = z.object({ campaignId: z.string(), version: z.number().int(), sealedAt: z.date(), digest: z.string(), schemeVersion: z.string(), responses: z.number().int() });

export const unsealBody = z.object({ reason: z.string().trim().min(5, 'ghi rõ lý do mở niêm phong (ít nhất 5 ký tự)').max(1000) });
export const unsealResult = z.object({ campaignId: z.string(), version: z.number().int(), unsealedAt: z.date(), reason: z.string() });

export const publishResult = z.object({ campaignId: z.string(), version: z.number().int(), publishedAt: z.date(), digest: z.string() });

const hidden = { hidden: z.boolean() };

export const bodyScoresSchema = z.object({
  campaignId: z.string(),
  bodyCode: z.string(),
  schemeVersion: z.string(),
  publishedAt: z.string().nullable(),
  sealedDigest: z.string().nullable(),
  sealVersion: z.number().int().nullable(),
  masked: z.boolean(),
  minResponses: z.number().int(),
  units: z.array(
    unitTotalSchema.extend({
      ...hidden,
      subCriteria: z.array(subCriterionRowSchema.extend(hidden)),
      groups: z.array(groupRowSchema.extend(hidden)),
    }),
  ),
  recalculated: z
    .object({
      previousVersion: z.number().int(),
      units: z.array(z.object({ unitCode: z.string(), unitName: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
    })
    .nullable(),
});
