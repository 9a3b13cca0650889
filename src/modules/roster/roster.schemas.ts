import { z } from 'zod';
import { codeSchema } from '../campaigns/campaign-config.js';

const issue = z.object({ line: z.number(), column: z.string(), code: z.string(), message: z.string() });
const mergeSide = z.object({ line: z.number().nullable(), group: z.string(), name: z.string(), email: z.string(), inFile: z.boolean() });

export const importReportSchema = z.object({
  imported: z.number(),
  merged: z.number(),
  warnings: z.array(issue),
  errors: z.array(issue),
  merges: z.array(z.object({ kept: mergeSide, dropped: z.array(mergeSide.extend({ reason: z.string(), reasonText: z.string() })) })),
  rows: z.number(),
  encoding: z.string(),
  delimiter: z.string(),
});

/** Multipart fields: `file` (the list: CSV or .xlsx), `sheet` (of a workbook), `group` (optional when the file has a Nhóm column), `dryRun`. */
export const importFields = z.object({
  file: z.any().optional().describe('the CSV or text file'),
  group: z.string().trim().max(200).optional(),
  sheet: z.string().trim().max(100).optional().describe('an Excel workbook\'s sheet, by name or number (the first when empty)'),
  dryRun: z.enum(['true', 'false', '1', '0', 'on', 'off', '']).optional(),
  _csrf: z.string().optional(),
});

export const isDryRun = (value: string | undefined) => value === 'true' || value === '1' || value === 'on';

export const personBody = z.object({
  name: z.string().max(2000),
  email: z.string().max(2000),
  phone: z.string().max(2000).nullish(),
  organisation: z.string().max(2000).nullish(),
  position: z.string().max(2000).nullish(),
  group: z.string().max(200),
});

export const respondentParams = z.object({ campaign: codeSchema, body: codeSchema, id: z.uuid() });

export const respondentSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  organisation: z.string().nullable(),
  position: z.string().nullable(),
  group: z.string(),
  line: z.number().nullable(),
});

export const rosterSchema = z.object({
  campaignId: z.string(),
  bodyCode: z.string(),
  bodyName: z.string(),
  listState: z.enum(['draft', 'submitted']),
  listSubmittedAt: z.date().nullable(),
  listDeadline: z.object({ at: z.date(), text: z.string() }),
  total: z.number(),
  groups: z.array(z.object({ code: z.string(), name: z.string(), priority: z.number(), count: z.number(), respondents: z.array(respondentSchema) })),
  merges: z.array(z.object({ kept: respondentSchema, dropped: z.array(respondentSchema.extend({ reason: z.string(), reasonText: z.string() })), message: z.string() })),
  warnings: z.array(z.object({ code: z.string(), respondentIds: z.array(z.string()), message: z.string() })),
});

export const submitResult = z.object({
  listState: z.literal('submitted'),
  listed: z.number(),
  invitations: z.object({ created: z.number(), relinked: z.number(), cancelled: z.number(), queued: z.number() }),
});

export const duplicatesSchema = z.array(z.object({ kind: z.enum(['email', 'phone']), value: z.string(), bodies: z.array(z.string()), names: z.array(z.string()) }));
