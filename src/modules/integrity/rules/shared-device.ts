// Several forms of one body sent from one device (address + browser) within a
// short window. An office network shares one address among many people, so the
// count is weighed against how many forms the body's own traffic on that address
// with that browser would put in such a window by chance.
import type { Thresholds } from '../thresholds.js';
import { byTime, denseWindows, deviceOf, groupBy, idsOf, poissonTail, scoreOf, severityOf, shortDevice, windowOf, type Finding, type ResponseSignal } from '../signals.js';

const HOUR = 3_600_000;

/** Hours in which the body submitted anything: its working time, for rates. */
export function activeHours(responses: readonly ResponseSignal[]): number {
  return Math.max(1, new Set(responses.map((r) => Math.floor(r.at / HOUR))).size);
}

export function sharedDevice(responses: readonly ResponseSignal[], t: Thresholds): Finding[] {
  const windowMs = t['sharedDevice.windowMinutes'] * 60_000;
  const hours = activeHours(responses);
  const perIp = groupBy(responses, (r) => r.ipHash);
  const uaShare = new Map<string, number>();
  for (const [ua, list] of groupBy(responses, (r) => r.uaHash)) uaShare.set(ua, list.length / responses.length);
  const findings: Finding[] = [];
  for (const [device, list] of groupBy(responses, deviceOf)) {
    if (list.length < t['sharedDevice.minForms']) continue;
    list.sort(byTime);
    const ip = list[0]!.ipHash!;
    const ua = list[0]!.uaHash!;
    for (const cluster of denseWindows(list, windowMs, t['sharedDevice.minForms'])) {
      // Honest rate on this device: the rest of the address's traffic, times this browser's share, at peak pace.
      // The browser's share on this address, or in the body when the address has too few other forms to tell.
      const others = perIp.get(ip)!.length - cluster.length;
      const sameBrowser = Math.max(others * (uaShare.get(ua) ?? 0), list.length - cluster.length);
      const lambda = Math.max(0.1, (sameBrowser * (windowMs / HOUR) * t['sharedDevice.peakFactor']) / hours);
      const p = poissonTail(cluster.length, lambda);
      if (p > t.alpha) continue;
      const score = scoreOf(p);
      const window = windowOf(cluster);
      findings.push({
        rule: 'shared_device',
        key: `${device}@${window.from}`,
        severity: severityOf(score),
        score,
        evidence: {
          summary: `${cluster.length} phiếu gửi từ cùng một thiết bị trong ${Math.round((cluster.at(-1)!.at - cluster[0]!.at) / 60_000)} phút (kỳ vọng ${lambda.toFixed(2)} nếu ngẫu nhiên).`,
          count: cluster.length,
          expected: round(lambda),
          probability: p,
          window,
          devices: [shortDevice(device)],
          formsOnAddress: perIp.get(ip)!.length,
          responseIds: idsOf(cluster),
        },
      });
    }
  }
  return findings;
}

export const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;
