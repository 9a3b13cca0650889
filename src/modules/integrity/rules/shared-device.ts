// Several forms of one body sent from one browser, told by the browser's own
// device key (set once per browser by the form page) and not by its address or
// agent string: a department on one office address with one standard browser
// image sends many forms from many devices. Honest sharing (a common office PC)
// is measured across the rest of the nation; changing the agent string, the
// network or the pace does not change the key, and the evidence shows each.
import type { Thresholds } from '../thresholds.js';
import { corrected, groupBy, idsOf, oddsText, poissonTail, scoreOf, severityOf, shortDevice, vn, type Finding, type ResponseSignal } from '../signals.js';

export type DeviceContext = { t: Thresholds; bodies: number; honestRate: number | null };

export function sharedDevice(responses: readonly ResponseSignal[], ctx: DeviceContext): Finding[] {
  const { t } = ctx;
  const perDevice = groupBy(responses, (r) => r.deviceKey);
  // Extra forms per device when people share an office PC now and then.
  const rate = Math.max(t['sharedDevice.minRate'], ctx.honestRate ?? 0);
  const findings: Finding[] = [];
  for (const [device, list] of [...perDevice].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (list.length < t['sharedDevice.minForms']) continue;
    const p = corrected(poissonTail(list.length - 1, rate), perDevice.size * ctx.bodies);
    if (p > t.alpha) continue;
    const score = scoreOf(p);
    const networks = new Set(list.map((r) => r.netHash ?? r.ipHash)).size;
    const agents = new Set(list.map((r) => r.uaHash)).size;
    findings.push({
      rule: 'shared_device',
      key: `device:${device}`,
      severity: severityOf(score),
      score,
      evidence: {
        summary: `${list.length} phiếu được gửi từ cùng một trình duyệt (cùng mã thiết bị)${agents > 1 ? `, dù chuỗi nhận dạng trình duyệt đổi ${agents} lần` : ''}${networks > 1 ? `, qua ${networks} mạng khác nhau` : ''}.`,
        honest: `Ở các đơn vị khác, cứ 100 trình duyệt có khoảng ${vn(rate * 100, 1)} phiếu gửi thêm (máy dùng chung trong văn phòng). Cùng mã phòng ban và cùng loại trình duyệt không tính là một thiết bị. Một trình duyệt gửi ${list.length} phiếu nếu chỉ là dùng chung: xác suất ${oddsText(p)}.`,
        count: list.length,
        expected: round(1 + rate),
        probability: p,
        devices: [shortDevice(device)],
        agents,
        networks,
        responseIds: idsOf(list),
      },
    });
  }
  return findings;
}

export const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;
