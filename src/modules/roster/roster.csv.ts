// The CSV files the service writes: the empty template (UTF-8 with BOM so
// Excel shows Vietnamese) and a body's list, both formula-safe.
import { toCsv } from '../../csv/write.js';
import { fields, templateHeaders } from './columns.js';

const header = fields.map((f) => templateHeaders[f]);

export function templateCsv(): string {
  return toCsv(header, [], { bom: true });
}

type Row = { fullName: string; email: string; phone: string | null; organisation: string | null; position: string | null; groupCode: string };

export function rosterCsv(rows: readonly Row[], groups: readonly { code: string; priority: number }[]): string {
  const order = new Map(groups.map((g) => [g.code, g.priority]));
  const sorted = [...rows].sort((a, b) => (order.get(a.groupCode) ?? 99) - (order.get(b.groupCode) ?? 99));
  return toCsv(header, sorted.map((r) => [r.fullName, r.email, r.phone ?? '', r.organisation ?? '', r.position ?? '', r.groupCode]), { bom: true });
}
