import { z } from 'zod';
import { flagDecisions, flagStatuses, severities } from '../../db/schema/integrity.js';
import { codeSchema } from '../campaigns/campaign-config.js';
import { ruleNames } from './signals.js';

export const flagParams = z.object({ campaign: codeSchema, id: z.uuid() });

/** A filter left at "Tất cả" arrives as an empty string: it means no filter. */
const anyIfEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const flagsQuery = z.object({
  status: anyIfEmpty(z.enum(flagStatuses)),
  body: anyIfEmpty(codeSchema),
  rule: anyIfEmpty(z.enum(ruleNames)),
  severity: anyIfEmpty(z.enum(severities)),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type FlagsQuery = z.infer<typeof flagsQuery>;

export const decisionBody = z.object({
  decision: z.enum(flagDecisions),
  reason: z.string().trim().min(3, 'cần nêu lý do (ít nhất 3 ký tự)').max(2000),
});
export type DecisionInput = z.infer<typeof decisionBody>;

export const reopenBody = z.object({ reason: z.string().trim().min(3, 'cần nêu lý do (ít nhất 3 ký tự)').max(2000) });

export const runBody = z.object({ bodies: z.array(codeSchema).min(1).max(1000).optional() }).default({});

export const flagView = z.object({
  id: z.string(),
  campaignId: z.string(),
  bodyCode: z.string(),
  rule: z.string(),
  severity: z.enum(severities),
  fingerprint: z.string(),
  evidence: z.record(z.string(), z.unknown()),
  status: z.enum(flagStatuses),
  decision: z.enum(flagDecisions).nullable(),
  decisionReason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type FlagView = z.infer<typeof flagView>;

export const flagList = z.object({ total: z.number().int(), flags: z.array(flagView) });

export const runResult = z.object({
  campaignId: z.string(),
  bodies: z.number().int(),
  responses: z.number().int(),
  flags: z.number().int(),
  open: z.number().int(),
  ms: z.number(),
});

export const decisionResult = z.object({ flag: flagView, voidedResponses: z.number().int(), bodyVoided: z.boolean() });

export const reopenResult = z.object({ flag: flagView, restoredResponses: z.number().int() });
