import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { progressCsv } from './progress-csv.js';

const counts = { listed: 4, invited: 4, delivered: 3, bounced: 1, opened: 2, completed: 1, completionRate: 0.25 };
const body = (code: string, name: string) => ({
  bodyCode: code,
  bodyName: name,
  listState: 'submitted' as const,
  voided: false,
  ...counts,
  lastActivityAt: null,
  groups: [{ groupCode: 'hdnd', groupName: 'Đại biểu HĐND', ...counts, lastActivityAt: null }],
});

describe('progress CSV', () => {
  it('starts with a BOM and gives a row per group, a total per body and a grand total', () => {
    const csv = progressCsv([body('22', 'Tỉnh Quảng Ninh')], { ...counts, completionRate: null });
    expect(csv.startsWith('\ufeffMã đơn vị,Đơn vị,')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1).trim(), { newline: '\r\n' }).data;
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual(['22', 'Tỉnh Quảng Ninh', 'Đã gửi', 'hdnd', 'Đại biểu HĐND', '4', '4', '3', '1', '2', '1', '25.0']);
    expect(rows[2]!.slice(3, 5)).toEqual(['', 'Cộng đơn vị']);
    expect(rows[3]!.slice(0, 2)).toEqual(['', 'Tổng cộng']);
    expect(rows[3]!.at(-1)).toBe('');
  });

  it('keeps a name that looks like a formula as text', () => {
    const csv = progressCsv([body('99', '=HYPERLINK("http://x","y")')], counts);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});
