// Submits posted for a link whose form page was never rendered: a script
// posting answers, which also leaves no active time for the speeder rule to see.
// An honest browser always renders the form before it can send it; the rest of
// the nation gives the rate of glitches (restored tabs, lost page-load records).
import type { Thresholds } from '../thresholds.js';
import { corrected, idsOf, oddsText, poissonTail, scoreOf, severityOf, vn, type Finding, type ResponseSignal } from '../signals.js';
import { round } from './shared-device.js';

export function unloadedSubmits(responses: readonly ResponseSignal[], ctx: { t: Thresholds; bodies: number; honestRate: number | null }): Finding[] {
  const { t } = ctx;
  const blind = responses.filter((r) => !r.formLoaded);
  if (blind.length < t['unloaded.minForms']) return [];
  const rate = Math.max(t['unloaded.minRate'], ctx.honestRate ?? 0);
  const lambda = responses.length * rate;
  const p = corrected(poissonTail(blind.length, lambda), ctx.bodies);
  if (p > t.alpha) return [];
  const score = scoreOf(p);
  return [
    {
      rule: 'unloaded_submit',
      key: 'unloaded',
      severity: severityOf(score),
      score,
      evidence: {
        summary: `${blind.length} phiếu được gửi mà trang phiếu chưa từng được mở cho đường dẫn đó (gửi thẳng bằng chương trình, không có thời gian làm phiếu).`,
        honest: `Trình duyệt bình thường luôn mở trang phiếu trước khi gửi; lỗi ghi nhận ở các đơn vị khác chiếm khoảng ${vn(rate * 100, 2)}% số phiếu, tức khoảng ${vn(lambda, 2)} phiếu ở đơn vị này. Xác suất gặp ${blind.length} phiếu như vậy do lỗi: ${oddsText(p)}.`,
        count: blind.length,
        expected: round(lambda),
        probability: p,
        responseIds: idsOf(blind),
      },
    },
  ];
}
