import { z } from 'zod';
import { codeSchema } from '../campaigns/campaign-config.js';
import { sortKeys } from './progress.js';

export const respondentStatuses = ['not_invited', 'invited', 'delivered', 'bounced', 'opened', 'completed'] as const;

/** A filter form sends "Tất cả" as an empty value: that is no filter, not a wrong one. */
const blank = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema);

export const progressQuery = z.object({
  body: blank(codeSchema.optional()),
  sort: blank(z.enum(sortKeys).default('bodyCode')),
  order: blank(z.enum(['asc', 'desc']).default('asc')),
  listState: blank(z.enum(['draft', 'submitted']).optional()),
  /** Part of a body's code or name, without diacritics if you like. */
  q: blank(z.string().trim().max(100).optional()),
});

export const respondentsQuery = z.object({
  status: blank(z.enum([...respondentStatuses, 'not_completed']).optional()),
  group: blank(codeSchema.optional()),
  q: blank(z.string().trim().max(200).optional()),
  limit: blank(z.coerce.number().int().min(1).max(1000).default(100)),
  offset: blank(z.coerce.number().int().min(0).default(0)),
});

const counts = {
  listed: z.number(),
  invited: z.number(),
  delivered: z.number(),
  bounced: z.number(),
  opened: z.number(),
  completed: z.number(),
  completionRate: z.number().nullable(),
};

export const groupProgress = z.object({ groupCode: z.string(), groupName: z.string(), ...counts, lastActivityAt: z.date().nullable() });

export const progressReport = z.object({
  campaignId: z.string(),
  generatedAt: z.date(),
  totals: z.object({ ...counts, bodies: z.number(), submittedLists: z.number() }),
  groups: z.array(groupProgress),
  bodies: z.array(
    z.object({
      bodyCode: z.string(),
      bodyName: z.string(),
      listState: z.enum(['draft', 'submitted']),
      voided: z.boolean(),
      openFlags: z.number().optional(),
      ...counts,
      lastActivityAt: z.date().nullable(),
      groups: z.array(groupProgress),
    }),
  ),
  series: z.array(z.object({ day: z.string(), completed: z.number(), cumulative: z.number() })),
});

export const respondentList = z.object({
  total: z.number(),
  rows: z.array(
    z.object({
      respondentId: z.string(),
      fullName: z.string(),
      email: z.string(),
      groupCode: z.string(),
      organisation: z.string().nullable(),
      position: z.string().nullable(),
      phone: z.string().nullable(),
      status: z.enum(respondentStatuses),
      bounceReason: z.string().nullable(),
    }),
  ),
});

export type ProgressQuery = z.infer<typeof progressQuery>;
export type RespondentsQuery = z.infer<typeof respondentsQuery>;
