// One invitation opened from many distinct devices: the link was passed on.
// Opening on a phone and at the office is normal; several more devices are not.
import type { Thresholds } from '../thresholds.js';
import { idsOf, type Finding, type ResponseSignal } from '../signals.js';

/** Links of the body not (yet) answered that were opened from at least the threshold of devices. */
export type OpenLinkStats = { unansweredWideLinks: number };

export function forwardedLinks(responses: readonly ResponseSignal[], links: OpenLinkStats, t: Thresholds): Finding[] {
  const min = t['forwarded.minDevices'];
  // Responses carry no device count (it would tie them to their invitation); links are counted on the invitation side.
  const wide: ResponseSignal[] = [];
  void responses;
  const count = wide.length + links.unansweredWideLinks;
  if (count === 0) return [];
  const score = Math.min(1, 0.3 + 0.1 * count);
  return [
    {
      rule: 'forwarded_link',
      key: 'links',
      severity: count >= 10 ? 'high' : count >= 3 ? 'medium' : 'low',
      score,
      evidence: {
        summary: `${count} đường dẫn được mở từ ${min} thiết bị trở lên (${wide.length} đã gửi phiếu).`,
        count,
        answered: wide.length,
        unanswered: links.unansweredWideLinks,
        responseIds: idsOf(wide),
      },
    },
  ];
}
