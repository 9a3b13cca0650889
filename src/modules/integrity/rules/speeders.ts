// Forms completed far faster than their group's median across the campaign.
// A few fast people are normal; flagged are series of speeders from one device,
// and a body whose share of speeders is far beyond the campaign's.
import type { Thresholds } from '../thresholds.js';
import { byTime, denseWindows, deviceOf, groupBy, idsOf, poissonTail, scoreOf, severityOf, shortDevice, windowOf, type Finding, type ResponseSignal } from '../signals.js';
import { round } from './shared-device.js';

export type GroupPace = {
  /** Median seconds spent per group over the campaign. */
  medianSeconds: Record<string, number>;
  /** Share of the campaign's forms per group that are speeders. */
  speederShare: Record<string, number>;
};

export function isSpeeder(r: Pick<ResponseSignal, 'seconds' | 'groupCode'>, pace: GroupPace, ratio: number): boolean {
  const median = pace.medianSeconds[r.groupCode];
  return r.seconds !== null && median !== undefined && r.seconds < median * ratio;
}

export function speeders(responses: readonly ResponseSignal[], pace: GroupPace, t: Thresholds): Finding[] {
  const ratio = t['speeders.ratio'];
  const fast = responses.filter((r) => isSpeeder(r, pace, ratio)).sort(byTime);
  const findings: Finding[] = [];
  const inSeries = new Set<string>();
  for (const [device, list] of groupBy(fast, deviceOf)) {
    for (const series of denseWindows(list, t['speeders.seriesWindowMinutes'] * 60_000, t['speeders.minSeries'])) {
      series.forEach((r) => inSeries.add(r.id));
      const score = Math.min(1, 0.6 + 0.1 * (series.length - t['speeders.minSeries']));
      const window = windowOf(series);
      findings.push({
        rule: 'speeders',
        key: `series:${device}@${window.from}`,
        severity: severityOf(score),
        score,
        evidence: {
          summary: `${series.length} phiếu hoàn thành quá nhanh liên tiếp từ cùng một thiết bị.`,
          count: series.length,
          window,
          devices: [shortDevice(device)],
          seconds: series.map((r) => r.seconds),
          responseIds: idsOf(series),
        },
      });
    }
  }
  const lambda = responses.reduce((sum, r) => sum + (pace.speederShare[r.groupCode] ?? 0), 0);
  const p = poissonTail(fast.length, Math.max(lambda, 0.05));
  if (fast.length >= t['speeders.minCount'] && p <= t.alpha) {
    const score = scoreOf(p);
    findings.push({
      rule: 'speeders',
      key: 'share',
      severity: severityOf(score),
      score,
      evidence: {
        summary: `${fast.length}/${responses.length} phiếu hoàn thành dưới ${round(ratio, 2)} thời gian trung vị của nhóm (kỳ vọng ${lambda.toFixed(1)}).`,
        count: fast.length,
        expected: round(lambda),
        probability: p,
        inSeries: fast.filter((r) => inSeries.has(r.id)).length,
        medianSeconds: pace.medianSeconds,
        responseIds: idsOf(fast),
      },
    });
  }
  return findings;
}
