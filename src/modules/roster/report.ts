// The import report an officer reads: counts, every problem with its line and
// column, every merge (kept entry, dropped entries, why) and every warning.
import { mergeReasonLabels, type DedupeEntry, type DedupeResult } from './dedupe.js';
import type { ParsedList } from './parse.js';
import type { Issue } from './rows.js';

export type MergeSide = { line: number | null; group: string; name: string; email: string; inFile: boolean };
export type MergeReport = { kept: MergeSide; dropped: (MergeSide & { reason: string; reasonText: string })[] };

export type ImportReport = {
  imported: number;
  merged: number;
  warnings: Issue[];
  errors: Issue[];
  merges: MergeReport[];
  rows: number;
  encoding: string;
  delimiter: string;
};

export function importReport(parsed: Omit<ParsedList, 'candidates'>, result: DedupeResult | null, fresh: readonly (DedupeEntry & { line: number })[], existing: readonly DedupeEntry[]): ImportReport {
  const base = { rows: parsed.rows, encoding: parsed.encoding, delimiter: parsed.delimiter === '\t' ? 'tab' : parsed.delimiter, errors: parsed.errors };
  if (!result) return { ...base, imported: 0, merged: 0, warnings: parsed.warnings, merges: [] };
  // Only the entries the report names: a whole list's map would be most of the import's memory at this point.
  const named = new Set<string>();
  for (const m of result.merges) named.add(m.keptId).add(m.droppedId);
  for (const w of result.warnings) for (const id of w.ids) named.add(id);
  const freshById = new Map<string, DedupeEntry & { line: number }>();
  for (const c of fresh) if (named.has(c.id)) freshById.set(c.id, c);
  const existingById = new Map<string, DedupeEntry>();
  for (const e of existing) if (named.has(e.id)) existingById.set(e.id, e);
  const side = (id: string): MergeSide => {
    const f = freshById.get(id);
    if (f) return { line: f.line, group: f.group, name: f.fullName, email: f.emailNorm, inFile: true };
    const e = existingById.get(id)!;
    return { line: e.line, group: e.group, name: e.fullName, email: e.emailNorm, inFile: false };
  };

  const byKept = new Map<string, MergeReport>();
  let merged = 0;
  const droppedFresh = new Set<string>();
  for (const m of result.merges) {
    if (!freshById.has(m.keptId) && !freshById.has(m.droppedId)) continue;
    merged++;
    if (freshById.has(m.droppedId)) droppedFresh.add(m.droppedId);
    const report = byKept.get(m.keptId) ?? { kept: side(m.keptId), dropped: [] };
    report.dropped.push({ ...side(m.droppedId), reason: m.reason, reasonText: mergeReasonLabels[m.reason] });
    byKept.set(m.keptId, report);
  }

  const warnings = [...parsed.warnings];
  for (const w of result.warnings) {
    const lines = w.ids.map((id) => freshById.get(id)?.line).filter((l): l is number => typeof l === 'number');
    if (lines.length === 0) continue;
    warnings.push({
      line: lines[0]!,
      column: 'Họ và tên',
      code: w.code,
      message: `Dòng ${lines.join(', ')}: ${w.fullName} (${w.organisation}) xuất hiện ${w.ids.length} lần với email và số điện thoại khác nhau; không gộp. Hãy kiểm tra có phải cùng một người không.`,
    });
  }
  return { ...base, imported: fresh.length - droppedFresh.size, merged, warnings, merges: [...byKept.values()].sort((a, b) => (a.kept.line ?? 0) - (b.kept.line ?? 0)) };
}
