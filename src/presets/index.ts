// Campaign presets are campaign files beside this module (made from the
// questionnaire spreadsheets of the same name), validated at load. A bad
// preset is a clear error naming the file and the field.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { campaignFileSchema, configOf, parseCampaignFile, type CampaignFile } from '../modules/campaigns/campaign-file.js';
import { AppError } from '../errors.js';

export const presetsDir = fileURLToPath(new URL('.', import.meta.url));

export const presetSchema = campaignFileSchema;
export type Preset = CampaignFile;

export function presetIds(): string[] {
  return readdirSync(presetsDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

export const parsePreset = (raw: unknown, source: string): Preset => parseCampaignFile(raw, source);

const cache = new Map<string, Preset>();

export function loadPreset(id: string): Preset {
  const cached = cache.get(id);
  if (cached) return cached;
  if (!presetIds().includes(id)) {
    throw new AppError('unknown_preset', 404, `Không có mẫu đợt khảo sát "${id}". Các mẫu có sẵn: ${presetIds().join(', ')}.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(presetsDir, `${id}.json`), 'utf8'));
  } catch (error) {
    throw new AppError('invalid_preset', 422, `Không đọc được tệp mẫu ${id}.json: ${(error as Error).message}`);
  }
  const file = parsePreset(raw, `${id}.json`);
  const preset = { ...file, campaign: configOf(file) };
  if (preset.id !== id) throw new AppError('invalid_preset', 422, `Tệp ${id}.json khai báo id "${preset.id}".`);
  cache.set(id, preset);
  return preset;
}

export type { CampaignConfig } from '../modules/campaigns/campaign-config.js';
