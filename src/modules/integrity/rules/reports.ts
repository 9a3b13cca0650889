// Respondents' own "Báo cáo bất thường": someone else used their link, or they
// were pressed to answer a certain way. Counted per body, linked to no answer.
import type { Thresholds } from '../thresholds.js';
import type { Finding } from '../signals.js';

export function respondentReports(counts: Record<string, number>, t: Thresholds): Finding[] {
  const total = Object.values(counts).reduce((s, n) => s + n, 0);
  if (total < t['reports.min']) return [];
  return [
    {
      rule: 'reports',
      key: 'reports',
      severity: total >= 5 || (counts.pressured ?? 0) >= 3 ? 'high' : 'medium',
      score: Math.min(1, 0.4 + 0.1 * total),
      evidence: {
        summary: `${total} báo cáo bất thường từ người trả lời (${Object.entries(counts).sort().map(([k, n]) => `${k}: ${n}`).join(', ')}).`,
        count: total,
        byKind: counts,
      },
    },
  ];
}
