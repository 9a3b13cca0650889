// One line of a list, checked and normalised: the person it describes, or the
// problems an officer must fix (each with its line, column, code and a
// Vietnamese message), plus warnings that do not stop the import.
import { isOfficialAddress, normaliseEmail, normalisePhone } from './contact.js';
import { columnLetter, templateHeaders, type ColumnMap, type Field } from './columns.js';
import { cleanText, foldKey, looksLikeLegacyFont } from './text.js';

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

/** Resolves a group written as its code or its name, with or without diacritics. */
export function groupResolver(groups: readonly GroupRef[]) {
  const byKey = new Map<string, string>();
  for (const g of groups) {
    byKey.set(foldKey(g.code), g.code);
    byKey.set(foldKey(g.name), g.code);
  }
  return (text: string) => byKey.get(foldKey(text));
}

export type PersonInput = { name: string; email: string; phone?: string | null; organisation?: string | null; position?: string | null; group: string };

/** Checks one person's fields; `where(field)` names the column for messages. */
export function checkPerson(
  input: PersonInput,
  line: number,
  rules: RowRules,
  resolveGroup: (text: string) => string | undefined,
  where: (field: Field) => { column: string; letter: string } = (f) => ({ column: templateHeaders[f], letter: '' }),
): { candidate: Candidate | null; errors: Issue[]; warnings: Issue[] } {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const at = (field: Field) => {
    const w = where(field);
    return { column: w.column, place: w.letter ? `Dòng ${line}, cột ${w.letter} (${w.column})` : `Dòng ${line}, ${w.column}` };
  };
  const error = (field: Field, code: string, text: string) => errors.push({ line, column: at(field).column, code, message: `${at(field).place}: ${text}` });
  const warn = (field: Field, code: string, text: string) => warnings.push({ line, column: at(field).column, code, message: `${at(field).place}: ${text}` });

  const value = (field: Field, raw: string | null | undefined): string => {
    const text = cleanText(raw ?? '');
    if (text.length > rules.maxFieldLength) error(field, 'field_too_long', `dài ${text.length} ký tự, vượt giới hạn ${rules.maxFieldLength} ký tự. Hãy rút gọn.`);
    else if (looksLikeLegacyFont(text)) error(field, 'legacy_encoding', `"${text.slice(0, 40)}" có vẻ được gõ bằng phông TCVN3 hoặc VNI. Hãy chuyển sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã) rồi tải lại.`);
    return text;
  };
  const fullName = value('name', input.name);
  const email = value('email', input.email);
  const phone = value('phone', input.phone);
  const organisation = value('organisation', input.organisation);
  const position = value('position', input.position);
  const groupText = value('group', input.group);

  if (fullName === '') error('name', 'missing_name', 'thiếu họ và tên.');
  let emailNorm: string | null = null;
  if (email === '') error('email', 'missing_email', 'thiếu địa chỉ email (hộp thư công vụ).');
  else {
    emailNorm = normaliseEmail(email);
    if (!emailNorm) error('email', 'invalid_email', `"${email}" không phải địa chỉ email hợp lệ (ví dụ: nguyen.van.an@quangninh.gov.vn).`);
    else if (!isOfficialAddress(emailNorm, rules.officialDomains)) {
      warn('email', 'unofficial_domain', `"${emailNorm}" không thuộc hộp thư công vụ (${rules.officialDomains.join(', ')}). Hãy kiểm tra lại nếu người này có hộp thư công vụ.`);
    }
  }
  const phoneNorm = phone === '' ? null : normalisePhone(phone);
  if (phone !== '' && !phoneNorm) warn('phone', 'invalid_phone', `"${phone}" không phải số điện thoại Việt Nam; số này không được dùng để nhận ra người trùng.`);

  let group: string | undefined;
  if (groupText === '') {
    group = rules.defaultGroup;
    if (!group) error('group', 'missing_group', 'thiếu nhóm đối tượng. Hãy chọn nhóm khi tải tệp hoặc điền cột Nhóm.');
  } else {
    group = resolveGroup(groupText);
    if (!group) error('group', 'unknown_group', `nhóm "${groupText}" không có trong đợt khảo sát. Dùng một trong: ${rules.groups.map((g) => g.code).join(', ')}.`);
  }
  if (errors.length > 0 || !emailNorm || !group) return { candidate: null, errors, warnings };
  return {
    candidate: { line, group, fullName, email, emailNorm, phone: phone || null, phoneNorm, organisation: organisation || null, position: position || null },
    errors,
    warnings,
  };
}

/** Reads one record of the file through its column map. */
export function checkRecord(record: readonly string[], line: number, columns: ColumnMap, rules: RowRules, resolveGroup: (t: string) => string | undefined) {
  const cell = (field: Field) => {
    const i = columns.index[field];
    return i === undefined ? '' : (record[i] ?? '');
  };
  const where = (field: Field) => {
    const i = columns.index[field];
    return i === undefined ? { column: templateHeaders[field], letter: '' } : { column: columns.headers[i] || templateHeaders[field], letter: columnLetter(i) };
  };
  return checkPerson(
    { name: cell('name'), email: cell('email'), phone: cell('phone'), organisation: cell('organisation'), position: cell('position'), group: cell('group') },
    line,
    rules,
    resolveGroup,
    where,
  );
}

/** Blank records (trailing empty rows, rows of bare delimiters) are skipped. */
export const isBlankRecord = (record: readonly string[]) => record.every((c) => c.trim() === '');
