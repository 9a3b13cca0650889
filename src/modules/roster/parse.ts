// Reads a list file: decode piece by piece, find the delimiter and the columns,
// then check each record as it streams out of the parser, handing each checked
// candidate on as it comes (never an array of raw rows, nor the whole text).
import Papa from 'papaparse';
import { columnLetter, mapColumns, templateHeaders, type ColumnMap } from './columns.js';
import { decodePieces, detectDelimiter, type Encoding } from './decode.js';
import { checkRecord, groupResolver, isBlankRecord, type Candidate, type Issue, type RowRules } from './rows.js';
import { flat } from './text.js';

export type ParsedList = {
  encoding: Encoding | 'xlsx' | 'binary';
  delimiter: string;
  rows: number;
  candidates: Candidate[];
  errors: Issue[];
  warnings: Issue[];
};

export class TooManyRows extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} rows`);
  }
}

/** Most problems listed per report; the count of the rest is given. */
const MAX_ISSUES = 1000;

/** Distinct organisations and positions shared between rows. */
const MAX_SHARED = 10_000;

/** Widest line read: a list has a handful of columns, and a header of millions took seconds to map. */
export const MAX_COLUMNS = 200;

/** Cells of the first line (outside quotes), counted up to just past the limit. */
function headerWidth(text: string, delimiter: string): number {
  let cells = 1;
  let quoted = false;
  for (let i = 0; i < text.length && cells <= MAX_COLUMNS; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === delimiter) cells++;
  }
  return cells;
}

const tooWide = (line: number, cells: number): Issue => ({
  line,
  column: '',
  code: 'too_many_columns',
  message: `Dòng ${line}${line === 1 ? ' (tiêu đề)' : ''} có ${cells > MAX_COLUMNS ? `hơn ${MAX_COLUMNS}` : cells} cột, vượt giới hạn ${MAX_COLUMNS} cột. Hãy xóa các cột thừa (chỉ cần Họ và tên, Email, Số điện thoại, Cơ quan/đơn vị, Chức vụ, Nhóm) rồi lưu lại tệp.`,
});

function headerIssues(columns: ColumnMap, rules: RowRules): { errors: Issue[]; warnings: Issue[] } {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const need = (field: 'name' | 'email', code: string) => {
    if (columns.index[field] === undefined) {
      errors.push({ line: 1, column: templateHeaders[field], code, message: `Dòng 1 (tiêu đề): không thấy cột "${templateHeaders[field]}". Hãy dùng tệp mẫu hoặc đặt đúng tên cột.` });
    }
  };
  need('name', 'missing_column');
  need('email', 'missing_column');
  if (columns.index.group === undefined && !rules.defaultGroup) {
    errors.push({ line: 1, column: templateHeaders.group, code: 'missing_group_column', message: 'Dòng 1 (tiêu đề): tệp không có cột "Nhóm". Hãy chọn nhóm đối tượng khi tải tệp, hoặc thêm cột Nhóm.' });
  }
  for (const u of columns.unknown) {
    warnings.push({ line: 1, column: u.header, code: 'unknown_column', message: `Dòng 1, cột ${columnLetter(u.column)}: cột "${u.header}" không được dùng và sẽ bị bỏ qua.` });
  }
  for (const r of columns.repeated) {
    errors.push({ line: 1, column: r.header, code: 'repeated_column', message: `Dòng 1, cột ${columnLetter(r.column)}: cột "${r.header}" bị lặp lại. Hãy xóa một cột.` });
  }
  return { errors, warnings };
}

/** Takes each checked candidate while the file has no error; `out.candidates` by default. */
export type CandidateSink = (c: Candidate) => void;

/**
 * Checks records one at a time as a reader (CSV or a workbook's sheet) hands
 * them over, the first being the header; `line` is the file's own line or row.
 */
export function listChecker(rules: RowRules, maxRows: number, out: ParsedList, sink: CandidateSink = (c) => out.candidates.push(c)) {
  const resolveGroup = groupResolver(rules.groups);
  // A list repeats a few hundred organisations and positions over its rows: one string each.
  const shared = new Map<string, string>();
  const share = (text: string | null) => {
    if (text === null) return null;
    const known = shared.get(text);
    if (known !== undefined) return known;
    if (shared.size < MAX_SHARED) shared.set(text, flat(text));
    return shared.get(text) ?? text;
  };
  let columns: ColumnMap | null = null;
  let last = 0;
  let extraIssues = 0;
  const push = (list: Issue[], items: Issue[]) => {
    for (const item of items) list.length < MAX_ISSUES ? list.push(item) : extraIssues++;
  };
  return {
    /** False when reading should stop (a header error); throws TooManyRows. */
    record(record: readonly string[], line: number): boolean {
      last = line;
      if (!columns) {
        if (record.length > MAX_COLUMNS) return push(out.errors, [tooWide(line, record.length)]), false;
        columns = mapColumns(record);
        const h = headerIssues(columns, rules);
        push(out.errors, h.errors);
        push(out.warnings, h.warnings);
        return h.errors.length === 0;
      }
      if (isBlankRecord(record)) return true;
      if (++out.rows > maxRows) throw new TooManyRows(maxRows);
      if (record.length > MAX_COLUMNS) return push(out.errors, [tooWide(line, record.length)]), true;
      const checked = checkRecord(record, line, columns, rules, resolveGroup);
      if (checked.errors.length) push(out.errors, checked.errors);
      if (checked.warnings.length) push(out.warnings, checked.warnings);
      const c = checked.candidate;
      if (c && out.errors.length === 0) {
        c.organisation = share(c.organisation);
        c.position = share(c.position);
        sink(c);
      }
      return true;
    },
    finish(): ParsedList {
      if (!columns && out.errors.length === 0) out.errors.push({ line: 1, column: '', code: 'empty_file', message: 'Tệp trống: không có dòng tiêu đề và không có người nào.' });
      else if (columns && out.rows === 0 && out.errors.length === 0) out.errors.push({ line: 2, column: '', code: 'no_rows', message: 'Tệp chỉ có dòng tiêu đề, chưa có người nào trong danh sách.' });
      if (extraIssues > 0) {
        (out.errors.length ? out.errors : out.warnings).push({ line: last, column: '', code: 'more_issues', message: `Còn ${extraIssues} lỗi hoặc cảnh báo khác không được liệt kê. Hãy sửa các mục trên rồi tải lại.` });
      }
      return out;
    },
  };
}

/**
 * Reads a CSV file piece by piece (see decodePieces), yielding after each piece
 * so that a caller may pause; `out` holds the summary when it is done.
 */
function* csvSteps(bytes: Uint8Array, rules: RowRules, maxRows: number, out: ParsedList, sink?: CandidateSink): Generator<void, void> {
  const { encoding, pieces } = decodePieces(bytes);
  out.encoding = encoding;
  let checker: ReturnType<typeof listChecker> | null = null;
  let handle: { parse(input: string, base: number, ignoreLastRow: boolean): { meta: { cursor: number } } } | null = null;
  let line = 0;
  let stop: unknown = null;
  let stopped = false;
  const step = (result: { data: string[] }, parser: { abort(): void }) => {
    try {
      if (!checker!.record(result.data, ++line)) {
        stopped = true;
        parser.abort();
      }
    } catch (error) {
      stop = error;
      stopped = true;
      parser.abort();
    }
  };
  // Papaparse's own chunked reading (as for a stream): the rows of a piece up
  // to the last complete one, the rest carried to the next piece.
  let partial = '';
  let base = 0;
  for (const piece of pieces) {
    if (!checker) {
      out.delimiter = detectDelimiter(piece);
      if (headerWidth(piece, out.delimiter) > MAX_COLUMNS) {
        out.errors.push(tooWide(1, MAX_COLUMNS + 1));
        return;
      }
      checker = listChecker(rules, maxRows, out, sink);
      handle = new (Papa as unknown as { ParserHandle: new (config: object) => NonNullable<typeof handle> }).ParserHandle({ delimiter: out.delimiter, skipEmptyLines: false, step });
    }
    const input = partial + piece;
    const cursor = handle!.parse(input, base, true).meta.cursor;
    if (stop) throw stop;
    if (stopped) break;
    partial = input.slice(cursor - base);
    base = cursor;
    yield;
  }
  if (!checker) checker = listChecker(rules, maxRows, out, sink);
  else if (!stopped) {
    // The last row, and the empty record papaparse reads after a final line break.
    if (partial) handle!.parse(partial, base, false);
    else step({ data: [''] }, { abort() {} });
    if (stop) throw stop;
  }
  checker.finish();
}

const emptyList = (): ParsedList => ({ encoding: 'utf-8', delimiter: ',', rows: 0, candidates: [], errors: [], warnings: [] });

/** Reads a whole CSV file at once, keeping its candidates. */
export function parseList(bytes: Uint8Array, rules: RowRules, maxRows: number): ParsedList {
  const out = emptyList();
  for (const _ of csvSteps(bytes, rules, maxRows, out));
  return out;
}

/**
 * Reads a CSV file, handing each candidate to `sink` (none are kept) and
 * awaiting `pace` between pieces, which lets the caller hold the reading back.
 */
export async function readList(bytes: Uint8Array, rules: RowRules, maxRows: number, sink: CandidateSink, pace: (out: ParsedList) => Promise<void> | void): Promise<ParsedList> {
  const out = emptyList();
  for (const _ of csvSteps(bytes, rules, maxRows, out, sink)) await pace(out);
  return out;
}
