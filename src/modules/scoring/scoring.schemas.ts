import { z } from 'zod';

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
  points: nullableDecimal.describe('M_k × S(k,u,g), 2 places'),
  status: z.enum(['used', 'below_minimum', 'no_answers']),
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
});

export const unitTotalSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  bodyCode: z.string().nullable(),
  status: z.enum(['scored', 'voided']),
  responded: z.number().int(),
  points: nullableDecimal,
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
    format: z.literal('par-survey scores v1'),
    campaignId: z.string(),
    campaignName: z.string(),
    schemeVersion: z.string(),
    surveyShare: z.string(),
    minValidPerGroup: z.number().int(),
    rounding: z.string(),
    generatedAt: z.string().describe('ISO time; the only field that differs between two exports of the same data'),
    inputDigest: z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 of the scheme, bodies, invitations and responses'),
    seal: z.object({ digest: z.string(), sealedAt: z.string(), matches: z.boolean() }).nullable(),
    publishedAt: z.string().nullable(),
    responsesUsed: z.number().int(),
    ignoredAnswers: z.number().int(),
    groupRows: z.array(groupRowSchema),
    subCriterionRows: z.array(subCriterionRowSchema),
    units: z.array(unitTotalSchema),
    exclusions: z.array(exclusionSchema),
  })
  .describe('Survey scores of a PAR INDEX campaign');

export const exportQuery = z.object({
  format: z.enum(['csv', 'json']).default('json'),
  bom: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});

export const verifyResult = z.object({
  campaignId: z.string(),
  sealedAt: z.date(),
  sealedDigest: z.string(),
  currentDigest: z.string(),
  matches: z.boolean(),
  responses: z.number().int(),
});

export const sealResult = z.object({ campaignId: z.string(), sealedAt: z.date(), digest: z.string(), schemeVersion: z.string(), responses: z.number().int() });

export const publishResult = z.object({ campaignId: z.string(), publishedAt: z.date(), digest: z.string() });

const hidden = { hidden: z.boolean() };

export const bodyScoresSchema = z.object({
  campaignId: z.string(),
  bodyCode: z.string(),
  schemeVersion: z.string(),
  publishedAt: z.string().nullable(),
  sealedDigest: z.string().nullable(),
  masked: z.boolean(),
  minResponses: z.number().int(),
  units: z.array(
    unitTotalSchema.extend({
      ...hidden,
      subCriteria: z.array(subCriterionRowSchema.extend(hidden)),
      groups: z.array(groupRowSchema.extend(hidden)),
    }),
  ),
});
