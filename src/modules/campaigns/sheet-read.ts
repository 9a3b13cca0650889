// Reads the questionnaire spreadsheet into a campaign file. Headers are
// matched by name, so columns may be reordered; every problem is reported with
// its sheet and Excel row, the way the person who typed it will look for it.
import type ExcelJS from 'exceljs';
import { loadExcel } from '../../csv/excel.js';
import { AppError } from '../../errors.js';
import { campaignFileSchema, CAMPAIGN_FILE_FORMAT, type CampaignFile } from './campaign-file.js';
import { INFO_ROWS, normaliseHeader, OPTION_HEADER, SHEETS, YES } from './sheet-layout.js';

type Value = string | number | null;
type Row = { at: string; get(key: string): Value; options: [string, string][] };

function cellValue(v: ExcelJS.CellValue): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? YES : 'không';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('').trim() || null;
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text).trim() || null;
    return null;
  }
  const text = String(v).normalize('NFC').trim();
  return text === '' ? null : text;
}

function readSheet(wb: ExcelJS.Workbook, sheet: (typeof SHEETS)[keyof typeof SHEETS], required: boolean): Row[] {
  const ws = wb.worksheets.find((w) => normaliseHeader(w.name) === normaliseHeader(sheet.name));
  if (!ws) {
    if (required) throw new AppError('invalid_sheet', 422, `Bảng tính thiếu trang "${sheet.name}".`);
    return [];
  }
  const headers = new Map<number, string>();
  const options = new Map<number, string>();
  ws.getRow(1).eachCell((cell, col) => {
    const text = normaliseHeader(String(cellValue(cell.value) ?? ''));
    const column = sheet.columns.find((c) => normaliseHeader(c.header) === text);
    if (column) headers.set(col, column.key);
    const option = OPTION_HEADER.exec(text);
    if (option) options.set(col, option[1]!.toUpperCase());
  });
  const missing = sheet.columns.filter((c) => ![...headers.values()].includes(c.key)).map((c) => c.header);
  if (missing.length && required) throw new AppError('invalid_sheet', 422, `Trang "${sheet.name}" thiếu cột: ${missing.join(', ')}.`);
  const rows: Row[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = new Map<string, Value>();
    const opts: [string, string][] = [];
    row.eachCell((cell, col) => {
      const v = cellValue(cell.value);
      if (headers.has(col)) values.set(headers.get(col)!, v);
      if (options.has(col) && v !== null) opts.push([options.get(col)!, String(v)]);
    });
    if ([...values.values()].every((v) => v === null) && opts.length === 0) return;
    rows.push({ at: `trang "${sheet.name}", dòng ${n}`, get: (key) => values.get(key) ?? null, options: opts.sort((a, b) => (a[0] < b[0] ? -1 : 1)) });
  });
  return rows;
}

const text = (v: Value) => (v === null ? undefined : String(v));
const num = (v: Value) => (v === null ? undefined : typeof v === 'number' ? v : Number(String(v).replace(',', '.')));
const list = (v: Value) => (v === null ? undefined : String(v).split(/[,;]/).map((s) => s.trim()).filter(Boolean));
const strip = <T extends Record<string, unknown>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** The campaign file the spreadsheet describes, before validation, and where each part came from. */
function assemble(wb: ExcelJS.Workbook) {
  const where = new Map<string, string>();
  const info = new Map(readSheet(wb, SHEETS.info, true).map((r) => [String(r.get('key')), r]));
  const infoValue = (key: string) => info.get(key)?.get('value') ?? null;
  INFO_ROWS.forEach(([key]) => info.has(key) && where.set(`info.${key}`, info.get(key)!.at));
  const sources = Object.fromEntries(
    readSheet(wb, SHEETS.sources, true).map((r) => {
      where.set(`sources.${r.get('part')}`, r.at);
      return [String(r.get('part')), strip({ document: text(r.get('document')), date: text(r.get('date')), illustrative: normaliseHeader(String(r.get('illustrative') ?? '')) === YES, note: text(r.get('note')) })];
    }),
  );
  const rowsWithPath = (sheet: (typeof SHEETS)[keyof typeof SHEETS], path: string, required = true) =>
    readSheet(wb, sheet, required).map((r, i) => (where.set(`${path}.${i}`, r.at), r));
  const forms = rowsWithPath(SHEETS.forms, 'campaign.forms').map((r) =>
    strip({ code: text(r.get('code')), title: text(r.get('title')), intro: text(r.get('intro')), ratedUnits: text(r.get('ratedUnits')), unitKind: text(r.get('unitKind')), sections: [] as { code: string; title: string; questions: unknown[] }[] }),
  );
  readSheet(wb, SHEETS.questions, true).forEach((r) => {
    const fi = forms.findIndex((f) => f.code === text(r.get('form')));
    if (fi < 0) throw new AppError('invalid_sheet', 422, `${r.at}: phiếu "${r.get('form') ?? ''}" không có trong trang "${SHEETS.forms.name}".`);
    const sections = forms[fi]!.sections;
    let si = sections.findIndex((s) => s.code === text(r.get('section')));
    if (si < 0) si = sections.push({ code: text(r.get('section')) ?? '', title: text(r.get('sectionTitle')) ?? '', questions: [] }) - 1;
    const questions = sections[si]!.questions;
    where.set(`campaign.forms.${fi}.sections.${si}.questions.${questions.length}`, r.at);
    const required = r.get('required');
    questions.push(
      strip({
        id: text(r.get('id')),
        text: text(r.get('text')),
        subCriterion: text(r.get('subCriterion')),
        options: r.options.map(([code, label]) => ({ code, label })),
        required: required === null ? undefined : normaliseHeader(String(required)) === YES,
      }),
    );
  });
  const groupRows = rowsWithPath(SHEETS.groups, 'campaign.groups');
  const weights = groupRows.filter((r) => r.get('weight') !== null).map((r) => [String(r.get('code')), num(r.get('weight'))]);
  return {
    where,
    raw: {
      format: CAMPAIGN_FILE_FORMAT,
      id: text(infoValue('id')),
      description: text(infoValue('description')),
      ...strip({ notice: text(infoValue('notice')) }),
      defaults: { listDeadline: text(infoValue('listDeadline')), responseDeadline: text(infoValue('responseDeadline')) },
      sources,
      campaign: strip({
        name: text(infoValue('name')),
        year: num(infoValue('year')),
        level: text(infoValue('level')),
        description: text(infoValue('campaignDescription')),
        bodies: rowsWithPath(SHEETS.bodies, 'campaign.bodies').map((r) =>
          strip({
            code: text(r.get('code')),
            name: text(r.get('name')),
            kind: text(r.get('kind')),
            hdndSeats: num(r.get('hdndSeats')),
            formerUnits: (list(r.get('formerUnits')) ?? []).map((u) => ({ code: u.split('=')[0]!.trim(), name: u.split('=').slice(1).join('=').trim() })),
          }),
        ),
        groups: groupRows.map((r) =>
          strip({
            code: text(r.get('code')),
            name: text(r.get('name')),
            description: text(r.get('description')),
            priority: num(r.get('priority')),
            form: text(r.get('form')),
            perOrganisationLimit: num(r.get('perOrganisationLimit')),
            maxOrganisations: num(r.get('maxOrganisations')),
          }),
        ),
        forms,
        units: rowsWithPath(SHEETS.units, 'campaign.units', false).map((r) => strip({ code: text(r.get('code')), name: text(r.get('name')), kind: text(r.get('kind')), bodyCode: text(r.get('bodyCode')) })),
        scoring: strip({
          version: text(infoValue('schemeVersion')),
          optionWeights: Object.fromEntries(readSheet(wb, SHEETS.options, true).map((r) => [String(r.get('code')), num(r.get('weight')) ?? null])),
          subCriteria: rowsWithPath(SHEETS.subCriteria, 'campaign.scoring.subCriteria').map((r) => strip({ code: text(r.get('code')), name: text(r.get('name')), field: text(r.get('field')), maxPoints: num(r.get('maxPoints')) })),
          groupWeights: weights.length ? Object.fromEntries(weights) : undefined,
          minValidPerGroup: num(infoValue('minValidPerGroup')),
          bodyMinResponses: num(infoValue('bodyMinResponses')),
          surveyShare: num(infoValue('surveyShare')),
        }),
        mail: strip({ officialDomains: list(infoValue('officialDomains')), reminderDaysBefore: list(infoValue('reminderDaysBefore'))?.map(Number) }),
        integrity: Object.fromEntries(readSheet(wb, SHEETS.integrity, false).map((r) => [String(r.get('name')), num(r.get('value'))])),
      }),
    },
  };
}

const INFO_PATHS: Record<string, string> = { id: 'id', description: 'description', notice: 'notice', defaults: 'listDeadline', 'campaign.name': 'name', 'campaign.year': 'year', 'campaign.level': 'level', 'campaign.scoring.version': 'schemeVersion', 'campaign.scoring.surveyShare': 'surveyShare', 'campaign.scoring.minValidPerGroup': 'minValidPerGroup', 'campaign.scoring.bodyMinResponses': 'bodyMinResponses' };

/** Where in the workbook a field of the file came from: the longest known prefix of its path. */
function locate(where: Map<string, string>, path: (string | number | symbol)[]): string {
  for (let n = path.length; n > 0; n--) {
    const key = path.slice(0, n).map(String).join('.');
    if (where.has(key)) return where.get(key)!;
    if (INFO_PATHS[key] && where.has(`info.${INFO_PATHS[key]}`)) return where.get(`info.${INFO_PATHS[key]}`)!;
  }
  return `trang "${SHEETS.info.name}"`;
}

/** Reads an .xlsx questionnaire spreadsheet into a validated campaign file. */
export async function workbookToCampaignFile(data: Buffer | Uint8Array, source = 'bảng tính'): Promise<CampaignFile> {
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError('invalid_sheet', 422, `Không đọc được ${source}: cần tệp Excel .xlsx (tệp .xls cũ hoặc .csv: mở bằng Excel rồi lưu lại dạng .xlsx).`);
  }
  const { raw, where } = assemble(wb);
  const parsed = campaignFileSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((i) => ({ field: i.path.join('.'), at: locate(where, i.path), message: i.message }));
  throw new AppError('invalid_sheet', 422, `Bảng tính ${source} chưa đúng:\n${errors.slice(0, 20).map((e) => `${e.at} (${e.field}): ${e.message}`).join('\n')}`, { errors });
}

/** The file as published: pretty JSON with a final newline, so the same spreadsheet gives the same bytes. */
export const campaignFileText = (file: unknown) => `${JSON.stringify(file, null, 2)}\n`;
