// Writes CSV the way Excel on Vietnamese Windows reads it back: RFC 4180
// quoting, CRLF, optional UTF-8 BOM, and cells that a spreadsheet would run as a
// formula (starting with = + - @, TAB or CR) neutralised with a leading quote.
import Papa from 'papaparse';

// Full-width ＝＋－＠ too: Excel on an East Asian locale reads them as the ASCII signs.
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/** A cell Excel or LibreOffice would evaluate is prefixed with `'` so it stays text. */
export function neutraliseCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : String(value);
  return typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
}

/** `delimiter`: ";" for Excel on Windows set to Vietnamese, whose list separator it is. */
export type CsvOptions = { bom?: boolean; delimiter?: ',' | ';' };

export function toCsv(header: readonly string[], rows: Iterable<readonly unknown[]>, options: CsvOptions = {}): string {
  const data: string[][] = [header.map(neutraliseCell)];
  for (const row of rows) data.push(row.map(neutraliseCell));
  const body = Papa.unparse(data, { newline: '\r\n', quotes: false, escapeFormulae: false, delimiter: options.delimiter ?? ',' });
  return `${options.bom ? '\ufeff' : ''}${body}\r\n`;
}

/** One CSV line (with its CRLF) for streaming writers. */
export function csvLine(cells: readonly unknown[]): string {
  return `${Papa.unparse([cells.map(neutraliseCell)], { newline: '\r\n', quotes: false, escapeFormulae: false })}\r\n`;
}
