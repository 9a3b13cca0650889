import { z } from 'zod';
import { outboxStatuses } from '../../db/schema/mail.js';
import { campaignBodyParams } from '../campaigns/campaigns.schemas.js';
import { mailTemplateNames } from './mail-template.js';

export const urgeStatus = z.object({
  lastUrgedAt: z.date().nullable(),
  nextAllowedAt: z.date().nullable(),
  canUrge: z.boolean(),
  waiting: z.number().int(),
  listSubmitted: z.boolean(),
  responseDeadlinePassed: z.boolean(),
});
export const urgeResult = urgeStatus.extend({ queued: z.number().int() });

export const respondentParams = campaignBodyParams.extend({ id: z.uuid() });
export const emailBody = z.object({ email: z.string().trim().min(3).max(254) });
export const emailResult = z.object({ respondentId: z.string(), email: z.string(), queued: z.number().int() });

export const outboxQuery = z.object({
  status: z.enum(outboxStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export const outboxList = z.object({
  counts: z.array(z.object({ kind: z.string(), status: z.string(), count: z.number().int() })),
  rows: z.array(
    z.object({
      id: z.number(), kind: z.string(), status: z.string(), attempts: z.number().int(), nextAttemptAt: z.date(),
      lastReply: z.string().nullable(), sentAt: z.date().nullable(), bodyCode: z.string(), email: z.string(),
    }),
  ),
});

export const bounceResult = z.object({ matched: z.number().int(), bounced: z.boolean(), status: z.string().nullable() });
export const templateName = z.enum(mailTemplateNames);
