// Which column of an officer's file holds what. Headers are matched without
// diacritics, case or punctuation, in any order, in Vietnamese or English.
import { foldKey, showable } from './text.js';

export const fields = ['name', 'email', 'phone', 'organisation', 'position', 'group'] as const;
export type Field = (typeof fields)[number];

/** The template's headers, in its column order. */
export const templateHeaders: Record<Field, string> = {
  name: 'Họ và tên',
  email: 'Email',
  phone: 'Số điện thoại',
  organisation: 'Cơ quan/đơn vị',
  position: 'Chức vụ',
  group: 'Nhóm',
};

const aliases: Record<Field, string[]> = {
  name: ['Họ và tên', 'Họ tên', 'Họ, tên', 'Tên', 'Họ và tên người được khảo sát', 'name', 'full name', 'fullname'],
  email: ['Email', 'E-mail', 'Thư điện tử', 'Địa chỉ email', 'Địa chỉ thư điện tử', 'Hộp thư công vụ', 'Mail', 'email address'],
  phone: ['Số điện thoại', 'Điện thoại', 'SĐT', 'SDT', 'Số di động', 'Di động', 'Điện thoại di động', 'phone', 'mobile', 'phone number', 'telephone'],
  organisation: ['Cơ quan/đơn vị', 'Cơ quan', 'Đơn vị', 'Cơ quan, đơn vị', 'Nơi công tác', 'Đơn vị công tác', 'organisation', 'organization', 'agency', 'org'],
  position: ['Chức vụ', 'Chức danh', 'position', 'title', 'job title'],
  group: ['Nhóm', 'Nhóm đối tượng', 'Đối tượng', 'Nhóm khảo sát', 'group'],
};

const IGNORED = new Set(['stt', 'tt', 'so', 'sott', 'no', 'ghichu', 'note', 'notes']);

const byKey = new Map<string, Field>();
for (const field of fields) for (const alias of aliases[field]) byKey.set(foldKey(alias), field);

export type ColumnMap = {
  /** Index of each recognised field's column. */
  index: Partial<Record<Field, number>>;
  /** Headers as written, for messages. */
  headers: string[];
  unknown: { column: number; header: string }[];
  repeated: { column: number; header: string }[];
};

export function mapColumns(headerRow: readonly string[]): ColumnMap {
  // Headers are quoted in messages and stored reports: never with a NUL in them.
  const map: ColumnMap = { index: {}, headers: headerRow.map((h) => showable(h.trim())), unknown: [], repeated: [] };
  headerRow.forEach((raw, column) => {
    const key = foldKey(raw);
    if (key === '' || IGNORED.has(key)) return;
    const field = byKey.get(key);
    if (!field) map.unknown.push({ column, header: map.headers[column]! });
    else if (map.index[field] !== undefined) map.repeated.push({ column, header: map.headers[column]! });
    else map.index[field] = column;
  });
  return map;
}

/** Excel's column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
