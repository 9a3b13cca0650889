import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadPreset, presetIds, presetsDir } from '../../presets/index.js';
import { campaignFileJsonSchema, parseCampaignFile } from './campaign-file.js';
import { campaignFileText, workbookToCampaignFile } from './sheet-read.js';
import { campaignFileToWorkbook } from './sheet-write.js';

describe('questionnaire spreadsheet', () => {
  it.each(presetIds())('%s: the shipped file is exactly what the converter makes of its spreadsheet', async (id) => {
    const file = await workbookToCampaignFile(readFileSync(join(presetsDir, `${id}.xlsx`)), `${id}.xlsx`);
    expect(campaignFileText(file)).toBe(readFileSync(join(presetsDir, `${id}.json`), 'utf8'));
  });

  it.each(presetIds())('%s.json passes the published JSON Schema', (id) => {
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(campaignFileJsonSchema);
    const ok = validate(JSON.parse(readFileSync(join(presetsDir, `${id}.json`), 'utf8')));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('gives back the same campaign file after writing it as a spreadsheet', async () => {
    const { campaign, ...rest } = loadPreset('2025-province-internal');
    const file = parseCampaignFile({ ...rest, campaign: { ...campaign, sources: undefined } }, 'preset');
    expect(await workbookToCampaignFile(await campaignFileToWorkbook(file))).toEqual(file);
  });

  it('names the sheet and Excel row of a mistake', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(presetsDir, '2023-province.xlsx')) as unknown as ArrayBuffer);
    const questions = wb.getWorksheet('Câu hỏi')!;
    questions.getRow(5).getCell(6).value = 'khong-co';
    wb.getWorksheet('Nhóm')!.getRow(3).getCell(4).value = 1;
    const broken = Buffer.from(await wb.xlsx.writeBuffer());
    const error = (await workbookToCampaignFile(broken).then(() => null, (e: Error) => e))!;
    expect(error.message).toContain('trang "Câu hỏi", dòng 5');
    expect(error.message).toContain('tiêu chí "khong-co" không có trong scoring');
    expect(error.message).toContain('trang "Nhóm", dòng 3');
    expect(error.message).toContain('thứ tự ưu tiên 1 bị trùng');
  });

  it('refuses a file that is not a workbook with one sentence', async () => {
    await expect(workbookToCampaignFile(Buffer.from('a,b,c\n1,2,3\n'))).rejects.toThrow(/cần tệp Excel \.xlsx/);
  });
});
