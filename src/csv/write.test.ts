import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import fc from 'fast-check';
import { csvLine, neutraliseCell, toCsv } from './write.js';

describe('toCsv', () => {
  it('quotes delimiters, quotes and line breaks, and ends lines with CRLF', () => {
    expect(toCsv(['Họ và tên', 'Ghi chú'], [['Nguyễn Văn A', 'a, "b"\nc']])).toBe('Họ và tên,Ghi chú\r\nNguyễn Văn A,"a, ""b""\nc"\r\n');
  });

  it('starts with a BOM when asked, for Excel', () => {
    expect(toCsv(['a'], [], { bom: true }).startsWith('\ufeffa')).toBe(true);
  });

  it.each(['=1+1', '+84912345678', '-2', '@SUM(A1)', '\tx', '\rx', '＝1+1', '＋84912345678', '－2', '＠SUM(A1)'])('neutralises %j', (cell) => {
    expect(neutraliseCell(cell)).toBe(`'${cell}`);
  });

  it('leaves numbers alone, negative ones included', () => {
    expect(neutraliseCell(-2.5)).toBe('-2.5');
  });

  it('reads back what it wrote, apart from the neutralising quote', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        const parsed = Papa.parse<string[]>(toCsv(['a', 'b'], rows), { skipEmptyLines: false, delimiter: ',' }).data.slice(1, rows.length + 1);
        expect(parsed).toEqual(rows.map((r) => r.map(neutraliseCell)));
      }),
    );
  });

  it('writes single lines for streaming', () => {
    expect(csvLine(['01', 'Hà Nội', 3])).toBe('01,Hà Nội,3\r\n');
  });
});
