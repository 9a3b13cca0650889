// An unusual share of a body's forms sent within one half hour: people made to
// answer together in a meeting. Read from the submit-time counters (per group
// and 10-minute bucket), never from per-response times. A keen office answering
// in one morning is normal, so the body's busiest half hour is weighed against
// how busy the busiest half hour of other bodies is (a high quantile).
import type { Thresholds } from '../thresholds.js';
import { peakOf } from '../baseline.js';
import { binomialTail, corrected, oddsText, quantile, scoreOf, severityOf, vn, type Activity, type Finding } from '../signals.js';
import { round } from './shared-device.js';

export type BurstContext = { t: Thresholds; bodies: number; peakShares: readonly number[]; name: (group: string) => string };

/** The start of the busiest window and its counts per group. */
function busiest(activity: readonly Activity[], minutes: number) {
  const starts = [...new Set(activity.map((a) => a.at))].sort((a, b) => a - b);
  let best = { from: 0, total: 0, groups: {} as Record<string, number> };
  for (const s of starts) {
    const inside = activity.filter((a) => a.at >= s && a.at < s + minutes * 60_000);
    const total = inside.reduce((sum, a) => sum + a.count, 0);
    if (total <= best.total) continue;
    const groups: Record<string, number> = {};
    for (const a of inside) groups[a.groupCode] = (groups[a.groupCode] ?? 0) + a.count;
    best = { from: s, total, groups };
  }
  return best;
}

export function bursts(n: number, activity: readonly Activity[], ctx: BurstContext): Finding[] {
  const { t } = ctx;
  const minutes = t['burst.windowMinutes'];
  const peak = peakOf(activity, minutes);
  if (peak < t['burst.minForms'] || ctx.peakShares.length === 0) return [];
  // A busy half hour of a keen body elsewhere: the 90th percentile of bodies' busiest share.
  const share = quantile(ctx.peakShares, 0.9);
  if (peak < n * Math.max(share * t['burst.peakFactor'], t['burst.minShare'])) return [];
  const lambda = Math.max(1, n * share);
  const p = corrected(binomialTail(peak, n, Math.min(1, lambda / Math.max(1, n))), ctx.bodies);
  if (p > t.alpha) return [];
  const w = busiest(activity, minutes);
  const score = scoreOf(p);
  const groups = Object.entries(w.groups).sort((a, b) => b[1] - a[1]);
  return [
    {
      rule: 'burst',
      key: new Date(w.from).toISOString(),
      severity: severityOf(score),
      score,
      evidence: {
        summary: `${peak} phiếu (${Math.round((100 * peak) / Math.max(1, n))}% số phiếu của đơn vị) được gửi trong ${minutes} phút (${groups.map(([g, k]) => `${ctx.name(g)}: ${k}`).join('; ')}).`,
        honest: `Cơ quan nhiệt tình có thể trả lời dồn trong một buổi sáng: ở 10% đơn vị bận rộn nhất, nửa giờ đông nhất chiếm khoảng ${vn(share * 100, 1)}% số phiếu, tức khoảng ${vn(lambda, 2)} phiếu ở đơn vị này. Đơn vị này vượt mức đó hơn ${t['burst.peakFactor'].toLocaleString('vi-VN')} lần; xác suất gặp ${peak} phiếu trong nửa giờ: ${oddsText(p)}.`,
        count: peak,
        share: round(peak / Math.max(1, n)),
        expected: round(lambda),
        probability: p,
        window: { from: new Date(w.from).toISOString(), to: new Date(w.from + minutes * 60_000).toISOString() },
        groups: w.groups,
      },
    },
  ];
}
