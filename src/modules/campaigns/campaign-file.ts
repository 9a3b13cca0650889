// A campaign file: everything MOHA needs to open a round, as data: bodies,
// groups with their priority, forms, point table, weights and thresholds, with
// the text each part rests on. The shipped presets are such files; MOHA's own
// come from the questionnaire spreadsheet or are written by hand against the
// published JSON Schema (GET /api/v1/campaigns/file-schema.json).
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { campaignConfigSchema, sourcesSchema, type CampaignConfig } from './campaign-config.js';

export const CAMPAIGN_FILE_FORMAT = 'par-survey campaign v1';

export const campaignFileSchema = z
  .object({
    format: z.literal(CAMPAIGN_FILE_FORMAT).optional(),
    id: z.string().min(1).max(64).regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'chỉ gồm chữ không dấu, số, "_", "." hoặc "-"'),
    description: z.string().min(1),
    /** Shown wherever the file is offered: what in it is only an example, and what it rests on. */
    notice: z.string().min(1).optional(),
    /** Default deadlines as dates (end of day, Asia/Ho_Chi_Minh) or ISO times. */
    defaults: z.object({ listDeadline: z.string().min(1), responseDeadline: z.string().min(1) }),
    /** The text each part of the campaign rests on. */
    sources: sourcesSchema,
    campaign: campaignConfigSchema,
  })
  .describe('A PAR INDEX survey campaign: bodies, groups, forms, scoring and thresholds, with their sources');

export type CampaignFile = z.infer<typeof campaignFileSchema>;

export const campaignFileJsonSchema = z.toJSONSchema(campaignFileSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });

/** Validates a parsed file; the error names each bad field (at most 20). */
export function parseCampaignFile(raw: unknown, source: string): CampaignFile {
  const parsed = campaignFileSchema.safeParse(raw);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`);
    throw new AppError('invalid_campaign_file', 422, `Tệp đợt khảo sát ${source} không hợp lệ:\n${fields.slice(0, 20).join('\n')}`, {
      errors: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    });
  }
  return parsed.data;
}

/** Parses the text of a campaign file (JSON). */
export function readCampaignFile(text: string, source: string): CampaignFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    throw new AppError('invalid_campaign_file', 422, `Tệp ${source} không phải JSON hợp lệ: ${(error as Error).message}`);
  }
  return parseCampaignFile(raw, source);
}

/** The configuration a campaign stores: the file's, carrying its sources. */
export const configOf = (file: CampaignFile): CampaignConfig => ({ ...file.campaign, sources: file.sources });
