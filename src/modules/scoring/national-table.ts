// The national scores table MOHA reads and downloads: one row per rated unit
// with its status and the version it comes from, sorted as asked. Points sort
// as numbers, and units without a score always come last.
import type { ScoreExport } from './render.js';

export const SORT_KEYS = ['unitCode', 'unitName', 'status', 'responded', 'points', 'percentage'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export type NationalRow = {
  unitCode: string;
  unitName: string;
  status: 'scored' | 'insufficient' | 'voided';
  responded: number;
  points: string | null;
  maxPoints: string;
  percentage: string | null;
  unscored: number;
};

export const UNIT_STATUS_LABELS: Record<NationalRow['status'], string> = { scored: 'Đã tính điểm', insufficient: 'Chưa đủ phiếu', voided: 'Đã hủy kết quả' };

/** Where the figures come from: "tạm tính" until published, and the sealed version if any. */
export function basisOf(doc: Pick<ScoreExport, 'seal' | 'publishedAt'>) {
  const version = doc.seal?.version ?? null;
  const state = doc.publishedAt && version ? 'published' : version ? 'sealed' : 'provisional';
  const label = state === 'published' ? `Đã công bố (phiên bản ${version})` : state === 'sealed' ? `Tạm tính — đã niêm phong phiên bản ${version}, chưa công bố` : 'Tạm tính — chưa niêm phong';
  return { state, version, label } as const;
}

const collator = new Intl.Collator('vi');

export function nationalRows(doc: ScoreExport, sort: SortKey = 'unitCode', order: 'asc' | 'desc' = 'asc'): NationalRow[] {
  const rows: NationalRow[] = doc.units.map((u) => ({
    unitCode: u.unitCode,
    unitName: u.unitName,
    status: u.status,
    responded: u.responded,
    points: u.points,
    maxPoints: u.maxPoints,
    percentage: u.percentage,
    unscored: u.unscored,
  }));
  const sign = order === 'asc' ? 1 : -1;
  const value = (r: NationalRow) => (sort === 'points' || sort === 'percentage' ? (r[sort] === null ? null : Number(r[sort])) : r[sort]);
  return rows.sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? collator.compare(a.unitCode, b.unitCode) : x === null ? 1 : -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return c === 0 ? collator.compare(a.unitCode, b.unitCode) : sign * c;
  });
}

export const TABLE_HEADER = ['Mã', 'Đơn vị', 'Trạng thái', 'Số phiếu', 'Điểm', 'Điểm tối đa', 'Tỷ lệ (%)', 'Tiêu chí chưa đủ phiếu', 'Căn cứ', 'Phiên bản'];

/** The table as download rows: numbers as numbers, no score as an empty cell (never 0). */
export function tableRows(rows: NationalRow[], doc: ScoreExport): (string | number | null)[][] {
  const basis = basisOf(doc);
  return rows.map((r) => [
    r.unitCode,
    r.unitName,
    UNIT_STATUS_LABELS[r.status],
    r.responded,
    r.points === null ? null : Number(r.points),
    Number(r.maxPoints),
    r.percentage === null ? null : Number(r.percentage),
    r.unscored,
    basis.label,
    basis.version,
  ]);
}
