import { z } from 'zod';
import { levels, listStates } from '../../db/schema/campaigns.js';
import { codeSchema } from './campaign-config.js';

export const campaignParams = z.object({ campaign: codeSchema });
export const campaignBodyParams = z.object({ campaign: codeSchema, body: codeSchema });

const deadlineText = z.string().trim().min(1).max(64).describe('15/12/2023, 2023-12-15 (end of that day, Asia/Ho_Chi_Minh) or an ISO time');

export const createCampaignBody = z.object({
  /** A shipped preset; required unless a campaign file is given. */
  preset: z.string().min(1).max(64).optional(),
  id: codeSchema,
  name: z.string().trim().min(1).max(300).optional(),
  listDeadline: deadlineText.optional(),
  responseDeadline: deadlineText.optional(),
  /** Only these bodies of the preset (default: all). */
  bodies: z.array(codeSchema).min(1).optional(),
  /** Interference thresholds overriding the preset's (dotted names, see docs/integrity.md). */
  integrity: z.record(z.string().max(64), z.number().finite()).optional(),
});

export const deadlinesBody = z
  .object({ listDeadline: deadlineText.optional(), responseDeadline: deadlineText.optional() })
  .refine((b) => b.listDeadline !== undefined || b.responseDeadline !== undefined, { message: 'cần ít nhất một thời hạn' });

export const bodyDeadlineBody = z.object({ listDeadline: deadlineText.nullable() });

export const itContactBody = z.object({
  name: z.string().trim().min(1, 'cần họ và tên').max(200),
  title: z.string().trim().min(1, 'cần chức vụ').max(200),
  mobile: z.string().trim().min(1, 'cần số điện thoại di động').max(40),
});

const deadline = z.object({ at: z.date(), text: z.string() });

export const campaignSummary = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number(),
  level: z.enum(levels),
  preset: z.string(),
  listDeadline: deadline,
  responseDeadline: deadline,
  publishedAt: z.date().nullable(),
});

export const campaignDetail = campaignSummary.extend({
  groups: z.array(z.object({ code: z.string(), name: z.string(), priority: z.number(), form: z.string() })),
  bodies: z.number(),
});

export const itContact = z.object({ name: z.string().nullable(), title: z.string().nullable(), mobile: z.string().nullable() });

export const campaignBodyView = z.object({
  campaignId: z.string(),
  code: z.string(),
  name: z.string(),
  listState: z.enum(listStates),
  listSubmittedAt: z.date().nullable(),
  listDeadline: deadline,
  listDeadlineExtended: z.boolean(),
  itContact,
  voided: z.boolean(),
});

export type CreateCampaignInput = z.infer<typeof createCampaignBody>;
export type ItContactInput = z.infer<typeof itContactBody>;
