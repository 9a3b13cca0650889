// The progress table as a spreadsheet: one row per body and group, then a total
// row per body and one for the whole campaign, so a filter or pivot in Excel
// needs no formula. toCsv adds the BOM and neutralises formula-like cells.
import { toCsv } from '../../csv/write.js';
import { toXlsx } from '../../csv/xlsx.js';
import type { BodyProgress, GroupProgress } from './progress.js';

export const progressCsvHeader = [
  'Mã đơn vị',
  'Đơn vị',
  'Danh sách',
  'Mã nhóm',
  'Nhóm',
  'Trong danh sách',
  'Đã mời',
  'Đã gửi tới',
  'Thư bị trả lại',
  'Đã mở',
  'Đã trả lời',
  'Tỷ lệ trả lời (%)',
] as const;

type Counts = Pick<GroupProgress, 'listed' | 'invited' | 'delivered' | 'bounced' | 'opened' | 'completed' | 'completionRate'>;
type CsvBody = Omit<BodyProgress, 'openFlags'> & { openFlags?: number };

const listStateText = (state: 'draft' | 'submitted') => (state === 'submitted' ? 'Đã gửi' : 'Chưa gửi');
/** A percentage with one decimal and a dot, which Excel reads as a number in any locale setting it is given as text. */
const percent = (rate: number | null) => (rate === null ? '' : (rate * 100).toFixed(1));
const figures = (c: Counts) => [c.listed, c.invited, c.delivered, c.bounced, c.opened, c.completed, percent(c.completionRate)];

export function progressCsvRows(bodies: readonly CsvBody[], totals: Counts): unknown[][] {
  const rows: unknown[][] = [];
  for (const b of bodies) {
    const state = listStateText(b.listState);
    for (const g of b.groups) rows.push([b.bodyCode, b.bodyName, state, g.groupCode, g.groupName, ...figures(g)]);
    rows.push([b.bodyCode, b.bodyName, state, '', 'Cộng đơn vị', ...figures(b)]);
  }
  rows.push(['', 'Tổng cộng', '', '', '', ...figures(totals)]);
  return rows;
}

export function progressCsv(bodies: readonly CsvBody[], totals: Counts): string {
  return toCsv(progressCsvHeader, progressCsvRows(bodies, totals), { bom: true });
}

/** The same table as an Excel workbook; the rate is a number there, not text. */
export function progressXlsx(bodies: readonly CsvBody[], totals: Counts): Promise<Buffer> {
  const rows = progressCsvRows(bodies, totals).map((row) => row.map((cell, i) => (i === row.length - 1 && cell !== '' ? Number(cell) : cell)));
  return toXlsx([{ name: 'Tiến độ', header: progressCsvHeader, rows }]);
}
