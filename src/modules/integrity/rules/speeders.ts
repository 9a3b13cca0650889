// Forms completed in far less active time (page visible and in use, summed over
// every opening) than their group's national median. A few fast people are
// normal; flagged is a body whose count of them is far beyond the rest of the
// nation's share. Time since the first opening is never used: opening early and
// clicking through later is still a few seconds of activity.
import type { Thresholds } from '../thresholds.js';
import { corrected, idsOf, oddsText, poissonTail, scoreOf, severityOf, vn, type Finding, type ResponseSignal } from '../signals.js';
import { round } from './shared-device.js';

export type GroupPace = {
  /** Median active seconds per group over the campaign. */
  medianSeconds: Record<string, number>;
  /** Share of the campaign's forms per group that are speeders. */
  speederShare: Record<string, number>;
};

export function isSpeeder(r: Pick<ResponseSignal, 'seconds' | 'groupCode'>, pace: GroupPace, ratio: number): boolean {
  const median = pace.medianSeconds[r.groupCode];
  return r.seconds !== null && median !== undefined && r.seconds < median * ratio;
}

/** `honestRate`: the share of speeders in the rest of the nation (the body itself left out). */
export function speeders(responses: readonly ResponseSignal[], ctx: { t: Thresholds; bodies: number; pace: GroupPace; honestRate: number | null }): Finding[] {
  const { t, pace } = ctx;
  const ratio = t['speeders.ratio'];
  const fast = responses.filter((r) => isSpeeder(r, pace, ratio));
  if (fast.length < t['speeders.minCount']) return [];
  const lambda = responses.length * Math.max(t['speeders.minRate'], ctx.honestRate ?? 0);
  const p = corrected(poissonTail(fast.length, lambda), ctx.bodies);
  if (p > t.alpha) return [];
  const score = scoreOf(p);
  const seconds = fast.map((r) => r.seconds!).sort((a, b) => a - b);
  return [
    {
      rule: 'speeders',
      key: 'share',
      severity: severityOf(score),
      score,
      evidence: {
        summary: `${fast.length} trên ${responses.length} phiếu được làm trong chưa đến ${vn(ratio * 100, 0)}% thời gian làm phiếu trung vị của nhóm (thời gian thực sự thao tác trên phiếu; nhanh nhất ${seconds[0]} giây).`,
        honest: `Người làm nhanh có ở mọi nơi: ở các đơn vị khác khoảng ${vn((100 * lambda) / Math.max(1, responses.length), 1)}% số phiếu, tức khoảng ${vn(lambda, 2)} phiếu ở đơn vị này. Xác suất gặp ${fast.length} phiếu nhanh như vậy nếu chỉ là ngẫu nhiên: ${oddsText(p)}.`,
        count: fast.length,
        expected: round(lambda),
        probability: p,
        seconds: seconds.slice(0, 50),
        medianSeconds: pace.medianSeconds,
        responseIds: idsOf(fast),
      },
    },
  ];
}
