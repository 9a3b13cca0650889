// Invitations opened from many distinct devices: the link was passed on. One
// person opening it in a mail app, on a phone, at home and at the office is four
// devices and normal; the rule counts links opened from more, and weighs their
// number against how often that happens elsewhere in the nation.
import type { Thresholds } from '../thresholds.js';
import { corrected, oddsText, poissonTail, scoreOf, severityOf, vn, type Finding } from '../signals.js';
import { round } from './shared-device.js';

/** From the invitation side (never linked to answers): links opened, and opened from many devices. */
export type OpenLinkStats = {
  /** Unanswered links opened from at least the threshold of devices. */
  unansweredWideLinks: number;
  /** All links (answered or not) opened from at least the threshold of devices. */
  wideLinks?: number;
  /** Links opened at least once. */
  openedLinks?: number;
};

export function forwardedLinks(links: OpenLinkStats, ctx: { t: Thresholds; bodies: number; honestRate: number | null }): Finding[] {
  const { t } = ctx;
  const count = links.wideLinks ?? links.unansweredWideLinks;
  if (count < t['forwarded.minLinks']) return [];
  const rate = Math.max(t['forwarded.minRate'], ctx.honestRate ?? 0);
  const opened = Math.max(links.openedLinks ?? 0, count);
  const lambda = opened * rate;
  const p = corrected(poissonTail(count, lambda), ctx.bodies);
  if (p > t.alpha) return [];
  const score = scoreOf(p);
  return [
    {
      rule: 'forwarded_link',
      key: 'links',
      severity: severityOf(score),
      score,
      evidence: {
        summary: `${count} đường dẫn mời được mở từ ${t['forwarded.minDevices']} thiết bị trở lên (${links.unansweredWideLinks} trong số đó chưa gửi phiếu).`,
        honest: `Một người mở thư trên ứng dụng thư, điện thoại, máy ở nhà và máy cơ quan là 4 thiết bị, không tính. Ở các đơn vị khác ${vn(rate * 100, 2)}% đường dẫn được mở từ ${t['forwarded.minDevices']} thiết bị trở lên, tức khoảng ${vn(lambda, 2)} ở đơn vị này. Xác suất gặp ${count}: ${oddsText(p)}.`,
        count,
        answered: count - links.unansweredWideLinks,
        unanswered: links.unansweredWideLinks,
        opened,
        expected: round(lambda),
        probability: p,
      },
    },
  ];
}
