// Lists as officers really keep them: an Excel workbook (.xlsx) is read sheet
// row by row with exceljs's streaming reader and checked exactly like a CSV,
// each line named by its Excel row number. Other binaries (old .xls, .ods, PDF,
// Word, archives, images) get one sentence saying what to do, not header
// errors full of binary.
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { loadExcel } from '../../csv/excel.js';
import { listChecker, TooManyRows, type CandidateSink, type ParsedList } from './parse.js';
import type { RowRules } from './rows.js';
import { foldKey } from './text.js';

export type FileKind = { kind: 'text' } | { kind: 'xlsx' } | { kind: 'other'; message: string };

const starts = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);
const holds = (bytes: Uint8Array, text: string) => Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1 << 20)).includes(text);

const SAVE_AS = 'hãy mở tệp, chọn "Lưu thành" (Save As) kiểu "Sổ làm việc Excel (.xlsx)" hoặc "CSV UTF-8" rồi tải lại.';
const other = (what: string): FileKind => ({ kind: 'other', message: `Tệp tải lên là ${what}, không phải danh sách dạng bảng tính: ${SAVE_AS}` });

/** What the bytes are, from their first bytes (and a zip's entry names). */
export function sniff(bytes: Uint8Array): FileKind {
  if (starts(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    if (holds(bytes, 'xl/workbook.xml')) return { kind: 'xlsx' };
    if (holds(bytes, 'opendocument.spreadsheet')) return other('bảng tính OpenDocument (.ods)');
    if (holds(bytes, 'word/')) return other('văn bản Word (.docx)');
    return other('tệp nén (.zip) hoặc tài liệu Office không phải bảng tính Excel');
  }
  if (starts(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return other('tệp Excel 97–2003 (.xls) hoặc Word cũ (.doc), định dạng cũ không còn được hỗ trợ');
  if (starts(bytes, 0x25, 0x50, 0x44, 0x46)) return other('tệp PDF');
  if (starts(bytes, 0x89, 0x50, 0x4e, 0x47) || starts(bytes, 0xff, 0xd8, 0xff) || starts(bytes, 0x47, 0x49, 0x46, 0x38)) return other('ảnh');
  if (starts(bytes, 0x1f, 0x8b) || starts(bytes, 0x52, 0x61, 0x72, 0x21) || starts(bytes, 0x37, 0x7a, 0xbc, 0xaf)) return other('tệp nén');
  if (looksBinary(bytes)) return other('tệp nhị phân');
  return { kind: 'text' };
}

/** Many control bytes (outside UTF-16, whose zero bytes are letters' halves) in the first 4 KB. */
function looksBinary(bytes: Uint8Array): boolean {
  if (starts(bytes, 0xff, 0xfe) || starts(bytes, 0xfe, 0xff)) return false;
  const sample = bytes.subarray(0, 4096);
  let zeros = { odd: 0, even: 0 };
  let control = 0;
  sample.forEach((b, i) => {
    if (b === 0) zeros = i % 2 ? { ...zeros, odd: zeros.odd + 1 } : { ...zeros, even: zeros.even + 1 };
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) control++;
  });
  if ((zeros.odd > 8 && zeros.even === 0) || (zeros.even > 8 && zeros.odd === 0)) return false;
  return control > 8 && control > sample.length / 50;
}

/** A report of one error for a file that is not a list. */
export function notAList(message: string): ParsedList {
  return { encoding: 'binary', delimiter: '', rows: 0, candidates: [], warnings: [], errors: [{ line: 1, column: '', code: 'not_a_list', message }] };
}

type CellValue = ExcelJS.CellValue;

/** What a cell shows: rich text joined, a link's text, a formula's result; dates as dd/mm/yyyy. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return `${String(value.getUTCDate()).padStart(2, '0')}/${String(value.getUTCMonth() + 1).padStart(2, '0')}/${value.getUTCFullYear()}`;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value) return cellText(value.text as CellValue);
  if ('result' in value) return cellText(value.result as CellValue);
  return '';
}

const chosen = (sheet: string | undefined, index: number, name: string) => !sheet || sheet === String(index) || foldKey(sheet) === foldKey(name);

/** `sink` and `pace` as for readList (parse.ts); the candidates are kept in the answer without a sink. */
export async function parseWorkbook(bytes: Uint8Array, rules: RowRules, maxRows: number, sheet?: string, sink?: CandidateSink, pace?: (out: ParsedList) => Promise<void> | void): Promise<ParsedList> {
  const out: ParsedList = { encoding: 'xlsx', delimiter: '', rows: 0, candidates: [], errors: [], warnings: [] };
  const checker = listChecker(rules, maxRows, out, sink);
  const ExcelJS = await loadExcel();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore',
  });
  const names: string[] = [];
  try {
    for await (const ws of reader) {
      const worksheet = ws as unknown as AsyncIterable<ExcelJS.Row> & { name: string };
      names.push(worksheet.name);
      if (!chosen(sheet, names.length, worksheet.name)) {
        for await (const _ of worksheet);
        continue;
      }
      for await (const row of worksheet) {
        const values = row.values as CellValue[];
        const record = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1]));
        if (!checker.record(record, row.number)) break;
        if (pace && row.number % 1000 === 0) await pace(out);
      }
      return checker.finish();
    }
  } catch (error) {
    if (error instanceof TooManyRows) throw error;
    return notAList(`Không đọc được tệp Excel (tệp bị hỏng hoặc được bảo vệ bằng mật khẩu): ${SAVE_AS}`);
  }
  return notAList(sheet ? `Tệp không có trang tính "${sheet}"; các trang có trong tệp: ${names.join(', ')}.` : 'Tệp Excel không có trang tính nào.');
}
