import { describe, expect, it } from 'vitest';
import { csvText, encodeAs, header, sampleRows, tcvn3Name, type Flavour } from '../../../test/fixtures/roster-files.js';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { decodePieces, decodeText, detectDelimiter } from './decode.js';
import { listChecker, parseList, type ParsedList } from './parse.js';
import type { RowRules } from './rows.js';
import { cleanText, looksLikeLegacyFont } from './text.js';

const groups = [
  { code: 'hdnd', name: 'Đại biểu Hội đồng nhân dân cấp tỉnh' },
  { code: 'lanh_dao_so', name: 'Lãnh đạo các cơ quan chuyên môn thuộc Ủy ban nhân dân cấp tỉnh' },
];
const rules: RowRules = { groups, officialDomains: ['gov.vn'], maxFieldLength: 200, defaultGroup: 'lanh_dao_so' };
const parse = (bytes: Buffer, r: Partial<RowRules> = {}) => parseList(bytes, { ...rules, ...r }, 1000);
const names = (bytes: Buffer) => parse(bytes).candidates.map((c) => c.fullName);
const expectedNames = sampleRows.map((r) => r[0]);

describe('encodings and delimiters', () => {
  const flavours: Flavour[] = ['utf8', 'utf8-bom', 'utf16le', 'utf16be', 'windows-1258'];
  const delimiters = [',', ';', '\t'];
  const cases = flavours.flatMap((f) => delimiters.map((d) => [f, d] as const));
  it.each(cases)('reads a %s file delimited by %j', (flavour, delimiter) => {
    const bytes = encodeAs(csvText([header, ...sampleRows], { delimiter }), flavour);
    const out = parse(bytes);
    expect(out.errors).toEqual([]);
    expect(out.candidates.map((c) => c.fullName)).toEqual(expectedNames);
    expect(out.candidates.every((c) => c.fullName === c.fullName.normalize('NFC'))).toBe(true);
    expect(out.delimiter).toBe(delimiter);
    expect(out.encoding).toBe({ utf8: 'utf-8', 'utf8-bom': 'utf-8', utf16le: 'utf-16le', utf16be: 'utf-16be', 'windows-1258': 'windows-1258' }[flavour]);
  });

  it('composes Windows-1258 combining tones to NFC', () => {
    const { text } = decodeText(encodeAs('Nguyễn Thị Thủy', 'windows-1258'));
    expect(text).toBe('Nguyễn Thị Thủy'.normalize('NFC'));
  });

  it('reads LF line ends, quoted delimiters and newlines, trailing empty rows and columns', () => {
    const text = csvText(
      [
        [...header, ''],
        ['Phạm  Minh   Đức', 'PHAM.MINH.DUC@QuangNinh.gov.vn', '+84 912 000 111', 'Sở Xây dựng; Sở "mới"', 'Giám đốc\nkiêm nhiệm', ''],
        ['', '', '', '', '', ''],
        [',', '', '', '', '', ''].map(() => ''),
      ],
      { delimiter: ';', newline: '\n' },
    );
    const out = parse(Buffer.from(`${text};;;;;\n\n`));
    expect(out.errors).toEqual([]);
    expect(out.candidates).toHaveLength(1);
    const c = out.candidates[0]!;
    expect(c).toMatchObject({ fullName: 'Phạm Minh Đức', emailNorm: 'pham.minh.duc@quangninh.gov.vn', phoneNorm: '+84912000111', organisation: 'Sở Xây dựng; Sở "mới"', position: 'Giám đốc kiêm nhiệm' });
  });

  it('picks the delimiter from the header line, ignoring quoted ones', () => {
    expect(detectDelimiter('"Họ, tên";Email\r\na,b;c')).toBe(';');
    expect(detectDelimiter('Họ và tên\tEmail')).toBe('\t');
    expect(detectDelimiter('Họ và tên')).toBe(',');
  });
});

describe('headers', () => {
  it.each([
    [['Họ và tên', 'Email'], 'Vietnamese'],
    [['HO VA TEN', 'EMAIL'], 'upper case without diacritics'],
    [['ho ten', 'thu dien tu'], 'short aliases without diacritics'],
    [['Thư điện tử', 'Họ tên'], 'another order'],
    [['name', 'email'], 'English'],
    [['STT', 'Full name', 'E-mail', 'Mobile', 'Organization', 'Title', 'Group'], 'English with an index column'],
  ])('accepts %j (%s)', (cols) => {
    const nameAt = cols.findIndex((c) => /t[eê]n|name/i.test(c));
    const row = cols.map((_, i) => (i === nameAt ? 'Nguyễn Văn An' : /mail|th[uư] ?đ?d?i/i.test(cols[i]!) ? 'an@hanoi.gov.vn' : /group/i.test(cols[i]!) ? 'hdnd' : ''));
    const out = parse(Buffer.from(csvText([cols, row])));
    expect(out.errors).toEqual([]);
    expect(out.candidates[0]).toMatchObject({ fullName: 'Nguyễn Văn An', emailNorm: 'an@hanoi.gov.vn' });
  });

  it('reports a missing email column on line 1', () => {
    const out = parse(Buffer.from(csvText([['Họ và tên', 'Điện thoại'], ['A', '0912345678']])));
    expect(out.errors).toEqual([expect.objectContaining({ line: 1, column: 'Email', code: 'missing_column' })]);
  });

  it('needs a group column when no group was chosen, and resolves group names', () => {
    const rows = [['Họ và tên', 'Email', 'Nhóm'], ['A', 'a@x.gov.vn', 'Đại biểu Hội đồng nhân dân cấp tỉnh'], ['B', 'b@x.gov.vn', 'LANH_DAO_SO'], ['C', 'c@x.gov.vn', 'khác']];
    const out = parse(Buffer.from(csvText(rows)), { defaultGroup: undefined });
    expect(out.errors).toEqual([expect.objectContaining({ line: 4, column: 'Nhóm', code: 'unknown_group' })]);
    expect(parse(Buffer.from(csvText([['Họ và tên', 'Email'], ['A', 'a@x.gov.vn']])), { defaultGroup: undefined }).errors[0]!.code).toBe('missing_group_column');
  });
});

describe('row problems', () => {
  const file = (rows: string[][]) => Buffer.from(csvText([[...header], ...rows]));
  it.each([
    [['', 'a@x.gov.vn', '', '', ''], 'missing_name', 'Họ và tên'],
    [['A', '', '', '', ''], 'missing_email', 'Email'],
    [['A', 'not-an-address', '', '', ''], 'invalid_email', 'Email'],
    [[tcvn3Name, 'a@x.gov.vn', '', '', ''], 'legacy_encoding', 'Họ và tên'],
    [['Nguyeãn Vaên An', 'a@x.gov.vn', '', '', ''], 'legacy_encoding', 'Họ và tên'],
    [['A'.repeat(201), 'a@x.gov.vn', '', '', ''], 'field_too_long', 'Họ và tên'],
  ])('reports %j as %s in column %s on line 2', (row, code, column) => {
    const out = parse(file([row]));
    expect(out.errors).toEqual([expect.objectContaining({ line: 2, column, code })]);
    expect(out.errors[0]!.message).toMatch(/^Dòng 2, cột [A-E] \(/);
  });

  it('warns about an address outside the official domains and an odd phone, and imports them', () => {
    const out = parse(file([['A', 'a@gmail.com', '123', '', '']]));
    expect(out.errors).toEqual([]);
    expect(out.warnings.map((w) => w.code)).toEqual(['unofficial_domain', 'invalid_phone']);
    expect(out.candidates).toHaveLength(1);
  });

  it('keeps values that start like a formula as typed', () => {
    const out = parse(file([['=HYPERLINK("x")', 'a@x.gov.vn', '', '+cmd', '@pos']]));
    expect(out.candidates[0]).toMatchObject({ fullName: '=HYPERLINK("x")', organisation: '+cmd', position: '@pos' });
  });

  it('stops at the row limit', () => {
    const rows = Array.from({ length: 5 }, (_, i) => [`N${i}`, `n${i}@x.gov.vn`, '', '', '']);
    expect(() => parseList(file(rows), rules, 4)).toThrow(/more than 4 rows/);
  });

  it('reports an empty file and a header-only file', () => {
    expect(parse(Buffer.alloc(0)).errors[0]!.code).toBe('empty_file');
    expect(parse(Buffer.from(csvText([[...header]]))).errors[0]!.code).toBe('no_rows');
  });
});

describe('text', () => {
  it('composes, trims and collapses whitespace', () => {
    expect(cleanText('  Nguye\u0302\u0303n\u00a0\tVăn\r\n An ')).toBe('Nguyễn Văn An');
  });
  it.each(['Nguyễn Văn An', 'Hoàng Thị Thủy', 'Đoàn Quốc Khánh', 'Sở Giáo dục và Đào tạo', 'Phó Chủ tịch UBND'])('takes %s as Unicode Vietnamese', (t) => {
    expect(looksLikeLegacyFont(t)).toBe(false);
  });
  it.each([tcvn3Name, 'Tr\u00a7n ThÞ B×nh', 'Nguyeãn Vaên An', 'Ñoaøn Quoác Khaùnh'])('flags %s as a legacy font', (t) => {
    expect(looksLikeLegacyFont(t)).toBe(true);
  });
});

describe('a file read piece by piece', () => {
  /** The file decoded, composed and parsed whole, as a reference. */
  function wholeReading(bytes: Buffer, maxRows: number) {
    const { text, encoding } = { text: iconv.decode(bytes, 'windows1258').normalize('NFC'), encoding: 'windows-1258' as const };
    const out: ParsedList = { encoding, delimiter: ';', rows: 0, candidates: [], errors: [], warnings: [] };
    const checker = listChecker(rules, maxRows, out);
    let line = 0;
    Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: false, step: (r) => void checker.record(r.data, ++line) });
    return checker.finish();
  }

  it('reads the rows, lines and problems of the file read whole, across pieces cut anywhere', () => {
    // Windows-1258 writes tones as combining marks, and quoted cells hold line breaks and delimiters.
    const rows = Array.from({ length: 40_000 }, (_, i) => [
      `Nguyễn Thị Thủy ${i}`,
      i > 39_000 && i % 97 === 0 ? 'sai-dia-chi' : `thuy.${i}@quangninh.gov.vn`,
      i % 3 ? '0912 345 678' : '',
      i % 5 ? `Sở Nội vụ;\r\nPhòng "Tổ chức" ${i % 7}` : '',
      'Chuyên viên',
    ]);
    const bytes = encodeAs(csvText([header, ...rows], { delimiter: ';' }), 'windows-1258');
    expect(bytes.length).toBeGreaterThan(3 * 1048576);
    const pieces = decodePieces(bytes, 4099);
    expect([...pieces.pieces].join('')).toBe(iconv.decode(bytes, 'windows1258').normalize('NFC'));
    const piecewise = parseList(bytes, rules, 100_000);
    const whole = wholeReading(bytes, 100_000);
    expect(piecewise.errors.length).toBeGreaterThan(5);
    expect(piecewise.candidates.length).toBeGreaterThan(39_000);
    expect(piecewise).toEqual(whole);
  });
});
