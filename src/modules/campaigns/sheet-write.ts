// Writes a campaign file as the questionnaire spreadsheet MOHA's staff edit in
// Excel: the shipped presets are kept this way, and any campaign can be
// downloaded as a starting point for the next round's forms.
import type ExcelJS from 'exceljs';
import { loadExcel } from '../../csv/excel.js';
import type { CampaignFile } from './campaign-file.js';
import { INFO_ROWS, NO, optionHeader, SHEETS, SOURCE_PARTS, YES } from './sheet-layout.js';

type Sheet = (typeof SHEETS)[keyof typeof SHEETS];
type Cell = string | number | null | undefined;

function addSheet(wb: ExcelJS.Workbook, sheet: Sheet, rows: Cell[][], extraHeaders: string[] = [], widths: number[] = []) {
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = ws.addRow([...sheet.columns.map((c) => c.header), ...extraHeaders]);
  header.font = { bold: true };
  for (const row of rows) ws.addRow(row.map((v) => (v === undefined ? null : v)));
  ws.columns.forEach((col, i) => {
    col.width = widths[i] ?? 18;
    col.alignment = { wrapText: true, vertical: 'top' };
  });
}

export async function campaignFileToWorkbook(file: CampaignFile): Promise<Buffer> {
  const c = file.campaign;
  const wb = new (await loadExcel()).Workbook();
  const info: Record<string, Cell> = {
    id: file.id,
    description: file.description,
    notice: file.notice,
    name: c.name,
    year: c.year,
    level: c.level,
    campaignDescription: c.description,
    listDeadline: file.defaults.listDeadline,
    responseDeadline: file.defaults.responseDeadline,
    schemeVersion: c.scoring.version,
    surveyShare: c.scoring.surveyShare,
    minValidPerGroup: c.scoring.minValidPerGroup,
    bodyMinResponses: c.scoring.bodyMinResponses,
    officialDomains: c.mail.officialDomains.join(', '),
    reminderDaysBefore: c.mail.reminderDaysBefore.join(', '),
  };
  addSheet(wb, SHEETS.info, INFO_ROWS.map(([key, label]) => [key, label, info[key]]), [], [20, 40, 100]);
  addSheet(
    wb,
    SHEETS.sources,
    SOURCE_PARTS.map(([part]) => {
      const s = file.sources[part as keyof CampaignFile['sources']];
      return [part, s.document, s.date, s.illustrative ? YES : NO, s.note];
    }),
    [],
    [16, 60, 14, 10, 60],
  );
  const optionCodes = Object.keys(c.scoring.optionWeights).sort();
  const questionRows = c.forms.flatMap((f) =>
    f.sections.flatMap((s) =>
      s.questions.map((q) => {
        const labels = new Map(q.options.map((o) => [o.code, o.label]));
        return [f.code, s.code, s.title, q.id, q.text, q.subCriterion, q.required ? YES : NO, ...optionCodes.map((o) => labels.get(o))];
      }),
    ),
  );
  addSheet(wb, SHEETS.questions, questionRows, optionCodes.map(optionHeader), [18, 8, 30, 8, 70, 10, 8, ...optionCodes.map(() => 24)]);
  addSheet(wb, SHEETS.subCriteria, c.scoring.subCriteria.map((s) => [s.code, s.name, s.field, s.maxPoints]), [], [10, 70, 40, 10]);
  addSheet(wb, SHEETS.options, optionCodes.map((o) => [o, c.scoring.optionWeights[o]]), [], [12, 24]);
  addSheet(
    wb,
    SHEETS.groups,
    c.groups.map((g) => [g.code, g.name, g.description, g.priority, g.form, c.scoring.groupWeights?.[g.code], g.perOrganisationLimit, g.maxOrganisations]),
    [],
    [16, 40, 60, 10, 22, 10, 10, 10],
  );
  addSheet(wb, SHEETS.forms, c.forms.map((f) => [f.code, f.title, f.intro, f.ratedUnits, f.unitKind]), [], [22, 50, 80, 14, 14]);
  addSheet(
    wb,
    SHEETS.bodies,
    c.bodies.map((b) => [b.code, b.name, b.kind, b.hdndSeats, b.formerUnits.map((u) => `${u.code}=${u.name}`).join('; ')]),
    [],
    [10, 36, 10, 10, 60],
  );
  addSheet(wb, SHEETS.units, c.units.map((u) => [u.code, u.name, u.kind, u.bodyCode]), [], [12, 50, 10, 12]);
  addSheet(wb, SHEETS.integrity, Object.entries(c.integrity).map(([k, v]) => [k, v]), [], [40, 12]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
