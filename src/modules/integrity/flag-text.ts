// A flag's evidence as sentences a reviewer reads: Vietnamese labels and
// numbers, group names instead of codes, probabilities as odds, and what a
// decision on it will do. Pure functions, used by the flags page.
import { reportKindLabels } from './rules/reports.js';
import { oddsText, vn } from './signals.js';

export type EvidenceRow = { label: string; value: string };
export type Names = { body: (code: string) => string; group: (code: string) => string; form: (code: string) => string };

const count = (n: unknown) => (typeof n === 'number' ? vn(n, 0) : String(n));
const num = (n: unknown, digits = 1) => (typeof n === 'number' ? vn(n, digits) : String(n));
const percent = (n: unknown) => (typeof n === 'number' ? `${vn(100 * n, 1)}%` : String(n));
const when = (iso: string) => new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });

/** Each known piece of evidence with its label; what is not known is shown by its name, never dropped. */
const rows: Record<string, (v: unknown, e: Record<string, unknown>, names: Names) => EvidenceRow | null> = {
  count: (v) => ({ label: 'Số lượng', value: count(v) }),
  expected: (v) => ({ label: 'Kỳ vọng nếu trung thực', value: num(v, 2) }),
  probability: (v) => ({ label: 'Xác suất nếu trung thực', value: typeof v === 'number' ? oddsText(v) : String(v) }),
  window: (v) => {
    const w = v as { from: string; to: string };
    return { label: 'Khoảng thời gian', value: `${when(w.from)} – ${when(w.to)}` };
  },
  devices: (v) => ({ label: 'Thiết bị (mã băm)', value: (v as string[]).join(', ') }),
  agents: (v) => ({ label: 'Số chuỗi nhận dạng trình duyệt', value: count(v) }),
  networks: (v) => ({ label: 'Số mạng khác nhau', value: count(v) }),
  distinctDevices: (v, e) => ({ label: 'Thiết bị và mạng', value: `${count(v)} thiết bị trên ${count(e.distinctNetworks)} mạng` }),
  distinctNetworks: () => null,
  formsOnAddress: (v) => ({ label: 'Số phiếu từ cùng địa chỉ mạng', value: count(v) }),
  share: (v) => ({ label: 'Tỷ lệ', value: percent(v) }),
  nationalMedian: (v) => ({ label: 'Trung vị cả nước', value: percent(v) }),
  spread: (v) => ({ label: 'Độ chênh thông thường giữa các đơn vị', value: percent(v) }),
  form: (v, _e, n) => ({ label: 'Nhóm người trả lời', value: n.form(String(v)) }),
  group: (v, _e, n) => ({ label: 'Nhóm', value: n.group(String(v)) }),
  groups: (v, _e, n) => ({ label: 'Theo nhóm', value: Object.entries(v as Record<string, number>).map(([g, k]) => `${n.group(g)}: ${count(k)}`).join('; ') }),
  allTop: (v) => (v ? { label: 'Phương án', value: 'Tất cả chọn phương án cao nhất (A)' } : null),
  identical: (v) => ({ label: 'Số phiếu giống hệt', value: count(v) }),
  elsewhereInNation: (v) => ({ label: 'Phiếu y hệt ở đơn vị khác', value: count(v) }),
  seconds: (v) => ({ label: 'Thời gian làm phiếu (giây)', value: (v as number[]).map((s) => count(s)).join(', ') }),
  medianSeconds: (v, _e, n) => ({ label: 'Thời gian trung vị của nhóm (giây)', value: Object.entries(v as Record<string, number>).map(([g, s]) => `${n.group(g)}: ${count(Math.round(s))}`).join('; ') }),
  inSeries: (v) => ({ label: 'Trong các chuỗi liên tiếp', value: count(v) }),
  answered: (v) => ({ label: 'Đã gửi phiếu', value: count(v) }),
  unanswered: (v) => ({ label: 'Chưa gửi phiếu', value: count(v) }),
  opened: (v) => ({ label: 'Số đường dẫn đã được mở', value: count(v) }),
  devicesSeen: (v) => ({ label: 'Số thiết bị mở mỗi đường dẫn', value: (v as number[]).map(count).join(', ') }),
  byKind: (v) => ({ label: 'Loại báo cáo', value: Object.entries(v as Record<string, number>).map(([k, n]) => `${reportKindLabels[k] ?? k}: ${count(n)}`).join('; ') }),
  domains: (v) => ({ label: 'Tên miền ngoài hộp thư công vụ', value: Object.entries(v as Record<string, number>).map(([d, n]) => `${d}: ${count(n)}`).join('; ') }),
  people: (v) => ({ label: 'Số người liên quan', value: count(v) }),
  score: (v) => ({ label: 'Điểm bất thường (0–1)', value: num(v, 2) }),
  sheet: () => null,
};

/** Shown apart: the sentences, the reports' words and the response ids. */
const apart = new Set(['summary', 'honest', 'messages', 'responseIds']);

export function evidenceRows(evidence: Record<string, unknown>, names: Names): EvidenceRow[] {
  const out: EvidenceRow[] = [];
  for (const [key, value] of Object.entries(evidence)) {
    if (apart.has(key) || value === undefined || value === null) continue;
    const row = rows[key] ? rows[key](value, evidence, names) : { label: key, value: typeof value === 'object' ? JSON.stringify(value) : String(value) };
    if (row) out.push(row);
  }
  return out;
}

/** Old flags named forms by code in their sentence: the names replace them. */
export function sentence(text: unknown, names: Names, codes: readonly string[]): string {
  let s = typeof text === 'string' ? text : '';
  for (const code of codes) s = s.replaceAll(code, names.form(code));
  return s;
}

export type Report = { kind: string; message: string; at?: string };
export const reportsOf = (evidence: Record<string, unknown>): (Report & { label: string })[] =>
  Array.isArray(evidence.messages) ? (evidence.messages as Report[]).map((m) => ({ ...m, label: reportKindLabels[m.kind] ?? m.kind })) : [];

/** What a decision will do, said before it is done. */
export function consequence(decision: string, bodyName: string, responses: number): string {
  if (decision === 'void_responses') return `Hủy ${vn(responses, 0)} phiếu trong bằng chứng của ${bodyName}. Các phiếu này không được tính vào điểm; có thể khôi phục bằng cách mở lại cảnh báo.`;
  if (decision === 'void_body') return `Hủy toàn bộ kết quả của ${bodyName}: mọi phiếu của đơn vị không được tính vào điểm và đơn vị sẽ thấy kết quả bị hủy. Có thể khôi phục bằng cách mở lại cảnh báo.`;
  if (decision === 'reopen') return `Mở lại cảnh báo của ${bodyName}: quyết định trước bị hủy và các phiếu đã bị hủy theo quyết định đó được khôi phục.`;
  return `Bỏ qua cảnh báo của ${bodyName}; không phiếu nào bị hủy.`;
}
