// Respondents' own "Báo cáo bất thường": someone else used their link, or they
// were pressed to answer a certain way. Each report goes to MOHA with its words;
// one is enough to put the body on the review list. Linked to no answer.
import type { Thresholds } from '../thresholds.js';
import type { Finding } from '../signals.js';

export type Report = { kind: string; message: string | null; at?: string };

export const reportKindLabels: Record<string, string> = {
  link_used_by_other: 'người khác đã dùng đường dẫn của tôi',
  pressured: 'bị ép trả lời theo một cách',
  other: 'khác',
};

export function respondentReports(reports: readonly Report[], t: Thresholds): Finding[] {
  if (reports.length < t['reports.min']) return [];
  const byKind: Record<string, number> = {};
  for (const r of reports) byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
  const serious = (byKind.pressured ?? 0) + (byKind.link_used_by_other ?? 0);
  const severity = reports.length >= 5 || (byKind.pressured ?? 0) >= 3 ? 'high' : serious > 0 ? 'medium' : 'low';
  const kinds = Object.entries(byKind).sort().map(([k, n]) => `${n} báo cáo "${reportKindLabels[k] ?? k}"`);
  return [
    {
      rule: 'reports',
      key: 'reports',
      severity,
      score: Math.min(1, 0.4 + 0.1 * reports.length),
      evidence: {
        summary: `Người trả lời gửi ${reports.length} báo cáo bất thường: ${kinds.join(', ')}.`,
        honest: 'Mỗi báo cáo là lời của chính người trả lời gửi thẳng Bộ Nội vụ; một báo cáo là đủ để đưa đơn vị vào danh sách cần xem xét. Báo cáo không gắn với phiếu trả lời nào.',
        count: reports.length,
        byKind,
        messages: reports.map((r) => ({ kind: r.kind, message: r.message ?? '', ...(r.at ? { at: r.at } : {}) })),
      },
    },
  ];
}
