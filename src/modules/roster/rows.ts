// One line of a list, checked and normalised: the person it describes, or the
// problems an officer must fix (each with its line, column, code and a
// Vietnamese message), plus warnings that do not stop the import.
import { isOfficialAddress, normaliseEmail, normalisePhone } from './contact.js';
import { columnLetter, templateHeaders, type ColumnMap, type Field } from './columns.js';
import { badCharacter, cleanText, collapseSpaces, foldKey, looksLikeLegacyFont, showable, vietnameseD } from './text.js';

export type Issue = { line: number; column: string; code: string; message: string };

export type Candidate = {
  line: number;
  group: string;
  fullName: string;
  email: string;
  emailNorm: string;
  phone: string | null;
  phoneNorm: string | null;
  organisation: string | null;
  position: string | null;
};

export type GroupRef = { code: string; name: string };

export type RowRules = {
  groups: readonly GroupRef[];
  officialDomains: readonly string[];
  maxFieldLength: number;
  /** The group chosen for the upload; a Nhóm column overrides it per line. */
  defaultGroup?: string | undefined;
};

// Officers write groups as they speak of them: "Đại biểu HĐND tỉnh" for
// "Đại biểu Hội đồng nhân dân cấp tỉnh". Abbreviations are spelled out and the
// filler words "cấp" and "các" left out before comparing.
const ABBREVIATIONS: [RegExp, string][] = [
  [/(^|[^\p{L}])HĐND(?=$|[^\p{L}])/giu, '$1hội đồng nhân dân'],
  [/(^|[^\p{L}])UBND(?=$|[^\p{L}])/giu, '$1ủy ban nhân dân'],
  [/(^|[^\p{L}])(cấp|các)(?=$|[^\p{L}])/giu, '$1'],
];

function groupKey(text: string): string {
  let out = text.normalize('NFC');
  for (const [pattern, spelled] of ABBREVIATIONS) out = out.replace(pattern, spelled);
  return foldKey(out);
}

/** Resolves a group written as its code or its name (abbreviated or not), with or without diacritics. */
export function groupResolver(groups: readonly GroupRef[]) {
  const byKey = new Map<string, string>();
  for (const g of groups) {
    byKey.set(foldKey(g.code), g.code);
    byKey.set(groupKey(g.name), g.code);
  }
  const seen = new Map<string, string | undefined>();
  return (text: string) => {
    if (!seen.has(text)) seen.set(text, byKey.get(foldKey(text)) ?? byKey.get(groupKey(text)));
    return seen.get(text);
  };
}

/** The campaign's groups as an officer reads them: names, each with its code. */
export const groupChoices = (groups: readonly GroupRef[]) => groups.map((g) => `"${g.name}" (${g.code})`).join(', ');

export type PersonInput = { name: string; email: string; phone?: string | null; organisation?: string | null; position?: string | null; group: string };

type Check = { line: number; columns: ColumnMap | null; errors: Issue[]; warnings: Issue[]; composed: boolean; maxFieldLength: number };

// Module-level helpers rather than closures per line: an import checks 100,000 lines.
function where(columns: ColumnMap | null, field: Field) {
  const i = columns?.index[field];
  return i === undefined ? { column: templateHeaders[field], letter: '' } : { column: showable(columns!.headers[i] ?? '') || templateHeaders[field], letter: columnLetter(i) };
}

function note(c: Check, list: Issue[], field: Field, code: string, text: string) {
  const w = where(c.columns, field);
  const place = w.letter ? `Dòng ${c.line}, cột ${w.letter} (${w.column})` : `Dòng ${c.line}, ${w.column}`;
  list.push({ line: c.line, column: w.column, code, message: `${place}: ${text}` });
}

const BAD_CHARACTER = {
  control_character: 'có ký tự điều khiển (ví dụ ký tự NUL) không hiển thị được. Hãy gõ lại ô này rồi lưu tệp.',
  unreadable_character: 'có ký tự không đọc được (tệp bị lỗi mã hóa hoặc lưu sai định dạng). Hãy lưu tệp dạng "CSV UTF-8" hoặc Excel rồi tải lại.',
};

function value(c: Check, field: Field, raw: string | null | undefined): string {
  const text = vietnameseD(c.composed ? collapseSpaces(raw ?? '') : cleanText(raw ?? ''));
  const bad = badCharacter(text);
  if (bad) {
    // The line is refused; the text is only quoted in messages from here on.
    note(c, c.errors, field, bad, `"${showable(text.slice(0, 40))}" ${BAD_CHARACTER[bad]}`);
    return showable(text);
  }
  if (text.length > c.maxFieldLength) note(c, c.errors, field, 'field_too_long', `dài ${text.length} ký tự, vượt giới hạn ${c.maxFieldLength} ký tự. Hãy rút gọn.`);
  else if (looksLikeLegacyFont(text)) {
    note(c, c.errors, field, 'legacy_encoding', `"${text.slice(0, 40)}" có vẻ được gõ bằng phông TCVN3 hoặc VNI. Hãy chuyển sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã) rồi tải lại.`);
  }
  return text;
}

/** Checks one person's fields; `columns` names the file's columns in messages (none for a form). */
export function checkPerson(
  input: PersonInput,
  line: number,
  rules: RowRules,
  resolveGroup: (text: string) => string | undefined,
  columns: ColumnMap | null = null,
  /** The text was composed to NFC when the file was decoded. */
  composed = false,
): { candidate: Candidate | null; errors: Issue[]; warnings: Issue[] } {
  const c: Check = { line, columns, errors: [], warnings: [], composed, maxFieldLength: rules.maxFieldLength };
  const fullName = value(c, 'name', input.name);
  const email = value(c, 'email', input.email);
  const phone = value(c, 'phone', input.phone);
  const organisation = value(c, 'organisation', input.organisation);
  const position = value(c, 'position', input.position);
  const groupText = value(c, 'group', input.group);

  if (fullName === '') note(c, c.errors, 'name', 'missing_name', 'thiếu họ và tên.');
  let emailNorm: string | null = null;
  if (email === '') note(c, c.errors, 'email', 'missing_email', 'thiếu địa chỉ email (hộp thư công vụ).');
  else {
    emailNorm = normaliseEmail(email);
    if (!emailNorm) note(c, c.errors, 'email', 'invalid_email', `"${email}" không phải địa chỉ email hợp lệ (ví dụ: nguyen.van.an@quangninh.gov.vn).`);
    else if (!isOfficialAddress(emailNorm, rules.officialDomains)) {
      note(c, c.warnings, 'email', 'unofficial_domain', `"${emailNorm}" không thuộc hộp thư công vụ (${rules.officialDomains.join(', ')}). Hãy kiểm tra lại nếu người này có hộp thư công vụ.`);
    }
  }
  const phoneNorm = phone === '' ? null : normalisePhone(phone);
  if (phone !== '' && !phoneNorm) note(c, c.warnings, 'phone', 'invalid_phone', `"${phone}" không phải số điện thoại Việt Nam; số này không được dùng để nhận ra người trùng.`);

  let group: string | undefined;
  if (groupText === '') {
    group = rules.defaultGroup;
    if (!group) note(c, c.errors, 'group', 'missing_group', 'thiếu nhóm đối tượng. Hãy chọn nhóm khi tải tệp hoặc điền cột Nhóm.');
  } else {
    group = resolveGroup(groupText);
    if (!group) note(c, c.errors, 'group', 'unknown_group', `nhóm "${groupText}" không có trong đợt khảo sát. Ghi tên hoặc mã của một nhóm: ${groupChoices(rules.groups)}.`);
  }
  if (c.errors.length > 0 || !emailNorm || !group) return { candidate: null, errors: c.errors, warnings: c.warnings };
  return {
    candidate: { line, group, fullName, email, emailNorm, phone: phone || null, phoneNorm, organisation: organisation || null, position: position || null },
    errors: c.errors,
    warnings: c.warnings,
  };
}

const cell = (record: readonly string[], columns: ColumnMap, field: Field) => {
  const i = columns.index[field];
  return i === undefined ? '' : (record[i] ?? '');
};

/** Reads one record of the file through its column map. */
export function checkRecord(record: readonly string[], line: number, columns: ColumnMap, rules: RowRules, resolveGroup: (t: string) => string | undefined) {
  const input = {
    name: cell(record, columns, 'name'),
    email: cell(record, columns, 'email'),
    phone: cell(record, columns, 'phone'),
    organisation: cell(record, columns, 'organisation'),
    position: cell(record, columns, 'position'),
    group: cell(record, columns, 'group'),
  };
  return checkPerson(input, line, rules, resolveGroup, columns, true);
}

/** Blank records (trailing empty rows, rows of bare delimiters) are skipped. */
export const isBlankRecord = (record: readonly string[]) => record.every((c) => c.trim() === '');
