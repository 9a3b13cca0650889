// An unusual share of a body's forms submitted within a short window: people
// made to answer together in a meeting. The body's own pace in its busy hours
// is the baseline, so reminder days and office hours are not mistaken for it.
import type { Thresholds } from '../thresholds.js';
import { byTime, denseWindows, idsOf, poissonTail, quantile, scoreOf, severityOf, windowOf, type Finding, type ResponseSignal } from '../signals.js';
import { round } from './shared-device.js';

const HOUR = 3_600_000;

/** Forms per hour in the body's busy hours (a high quantile of its non-empty hours). */
export function busyPace(responses: readonly ResponseSignal[], q: number): number {
  const perHour = new Map<number, number>();
  for (const r of responses) {
    const h = Math.floor(r.at / HOUR);
    perHour.set(h, (perHour.get(h) ?? 0) + 1);
  }
  return quantile([...perHour.values()], q);
}

export function bursts(responses: readonly ResponseSignal[], t: Thresholds): Finding[] {
  const windowMs = t['burst.windowMinutes'] * 60_000;
  const sorted = [...responses].sort(byTime);
  const windows = denseWindows(sorted, windowMs, t['burst.minForms']);
  if (windows.length === 0) return [];
  // The body's pace outside the candidate windows, so a burst does not raise its own baseline.
  const inWindows = new Set(windows.flat());
  const pace = busyPace(sorted.filter((r) => !inWindows.has(r)), t['burst.baselineQuantile']);
  const lambda = Math.max(0.5, (pace * windowMs) / HOUR);
  const findings: Finding[] = [];
  for (const w of windows) {
    const p = poissonTail(w.length, lambda);
    if (p > t.alpha) continue;
    const score = scoreOf(p);
    const window = windowOf(w);
    findings.push({
      rule: 'burst',
      key: window.from,
      severity: severityOf(score),
      score,
      evidence: {
        summary: `${w.length} phiếu (${Math.round((100 * w.length) / responses.length)}% số phiếu của đơn vị) gửi trong ${t['burst.windowMinutes']} phút; nhịp bình thường lúc cao điểm ${lambda.toFixed(1)} phiếu.`,
        count: w.length,
        share: round(w.length / responses.length),
        expected: round(lambda),
        probability: p,
        window,
        distinctDevices: new Set(w.map((r) => `${r.ipHash}.${r.uaHash}`)).size,
        distinctNetworks: new Set(w.map((r) => r.netHash)).size,
        responseIds: idsOf(w),
      },
    });
  }
  return findings;
}
