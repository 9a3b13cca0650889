// Campaign presets are data: JSON files beside this module, validated at load.
// A bad preset is a clear error naming the file and the field.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { z } from 'zod';
import { campaignConfigSchema, type CampaignConfig } from '../modules/campaigns/campaign-config.js';
import { AppError } from '../errors.js';

const presetsDir = fileURLToPath(new URL('.', import.meta.url));

export const presetSchema = z.object({
  id: z.string().min(1),
  description: z.string().min(1),
  /** Shown wherever the preset is offered: what in it is only an example, and what it rests on. */
  notice: z.string().min(1).optional(),
  /** Default deadlines as dates (end of day, Asia/Ho_Chi_Minh) or ISO times. */
  defaults: z.object({ listDeadline: z.string().min(1), responseDeadline: z.string().min(1) }),
  campaign: campaignConfigSchema,
});

export type Preset = z.infer<typeof presetSchema>;

export function presetIds(): string[] {
  return readdirSync(presetsDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

export function parsePreset(raw: unknown, source: string): Preset {
  const parsed = presetSchema.safeParse(raw);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`);
    throw new AppError('invalid_preset', 422, `Mẫu đợt khảo sát ${source} không hợp lệ:\n${fields.slice(0, 20).join('\n')}`, {
      errors: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    });
  }
  return parsed.data;
}

const cache = new Map<string, Preset>();

export function loadPreset(id: string): Preset {
  const cached = cache.get(id);
  if (cached) return cached;
  if (!presetIds().includes(id)) {
    throw new AppError('unknown_preset', 404, `Không có mẫu đợt khảo sát "${id}". Các mẫu có sẵn: ${presetIds().join(', ')}.`);
  }
  const file = join(presetsDir, `${id}.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError('invalid_preset', 422, `Không đọc được tệp mẫu ${id}.json: ${(error as Error).message}`);
  }
  const preset = parsePreset(raw, `${id}.json`);
  if (preset.id !== id) throw new AppError('invalid_preset', 422, `Tệp ${id}.json khai báo id "${preset.id}".`);
  cache.set(id, preset);
  return preset;
}

export type { CampaignConfig };
