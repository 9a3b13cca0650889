// New list entries as PostgreSQL COPY text (tab-separated, `\N` for null): the
// one format both databases load fastest, built wherever the rows are (the
// list-reading thread for an import, the request for a single added person).
import type { Candidate } from './rows.js';

export const INSERT_COLUMNS = 'id, campaign_id, body_code, group_code, full_name, email, email_norm, phone, phone_norm, organisation, position, import_id, line, merged_into, merge_reason';

export type NewRespondent = Omit<Candidate, 'line'> & { id: string; line: number | null };
export type Merged = { keptId: string; reason: string } | undefined;
export type CopyScope = { campaignId: string; bodyCode: string; importId: string | null };

const COPY_SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function copyValue(v: string | number | null): string {
  if (v === null) return '\\N';
  const text = String(v);
  return COPY_SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : text;
}

/** What every line of one scope shares: built once, passed to `copyLine`. */
export function copyScope(scope: CopyScope) {
  return { fixed: `\t${copyValue(scope.campaignId)}\t${copyValue(scope.bodyCode)}\t`, importId: copyValue(scope.importId) };
}

/** One row's COPY line, ending in a newline (joined by hand: no array per row, an import writes 100,000 of them). */
export function copyLine(r: NewRespondent, scope: ReturnType<typeof copyScope>, m: Merged): string {
  return (
    copyValue(r.id) + scope.fixed + copyValue(r.group) + '\t' + copyValue(r.fullName) + '\t' + copyValue(r.email) + '\t' + copyValue(r.emailNorm) + '\t' +
    copyValue(r.phone) + '\t' + copyValue(r.phoneNorm) + '\t' + copyValue(r.organisation) + '\t' + copyValue(r.position) + '\t' + scope.importId + '\t' +
    copyValue(r.line) + '\t' + copyValue(m?.keptId ?? null) + '\t' + copyValue(m?.reason ?? null) + '\n'
  );
}

/** One COPY line per row. */
export function copyLines(rows: readonly NewRespondent[], scope: CopyScope, merged: (id: string) => Merged): string {
  const shared = copyScope(scope);
  let text = '';
  for (const r of rows) text += copyLine(r, shared, merged(r.id));
  return text;
}
