// A body's respondent list that looks padded or steered: addresses outside the
// official mail domains, several people sharing one mailbox or phone, addresses
// changed after the invitations went out, a group far smaller than configured.
import type { Thresholds } from '../thresholds.js';
import { binomialTail, corrected, oddsText, type Finding, type Severity } from '../signals.js';

export type ListStats = {
  listed: number;
  /** Entries per mail domain. */
  domains: Record<string, number>;
  /** Mailboxes carrying several distinct names, with how many names each. */
  sharedMailboxes: number[];
  sharedPhones: number[];
  /** People whose address changed after their first invitation was issued. */
  changedAfterInvitation: number;
  /** Listed people per group. */
  groups: Record<string, number>;
};

export type ListExpectations = { officialDomains: readonly string[]; hdndSeats?: number | undefined; hdndGroup?: string; hdndName?: string };

export const isOfficial = (domain: string, official: readonly string[]) =>
  official.some((d) => domain === d.toLowerCase() || domain.endsWith(`.${d.toLowerCase()}`));

const finding = (key: string, severity: Severity, score: number, evidence: Finding['evidence']): Finding => ({ rule: 'suspicious_list', key, severity, score, evidence });

/** `bodies`: how many lists are judged at once, for the correction of the private-address test. */
export function suspiciousLists(stats: ListStats, expect: ListExpectations, t: Thresholds, bodies = 1): Finding[] {
  if (stats.listed === 0) return [];
  const out: Finding[] = [];
  const outside = Object.entries(stats.domains).filter(([d]) => !isOfficial(d, expect.officialDomains)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const outsideCount = outside.reduce((s, [, n]) => s + n, 0);
  const share = outsideCount / stats.listed;
  // A few private mailboxes are normal: a short list with three of them is not yet unlikely.
  const p = corrected(binomialTail(outsideCount, stats.listed, t['lists.outsideRate']), bodies);
  if (outsideCount >= t['lists.minOutside'] && share >= t['lists.outsideShare'] && p <= t.alpha) {
    out.push(
      finding('outside_domains', share >= 4 * t['lists.outsideShare'] ? 'high' : 'medium', Math.min(1, 0.5 + share), {
        summary: `${outsideCount}/${stats.listed} địa chỉ ngoài hộp thư công vụ (${outside.slice(0, 5).map(([d, n]) => `${d}: ${n}`).join(', ')}).`,
        honest: `Danh sách trung thực dùng hộp thư công vụ; khoảng ${Math.round(t['lists.outsideRate'] * 100)}% người dùng hộp thư riêng là bình thường. Xác suất gặp ${outsideCount} địa chỉ riêng trong ${stats.listed} người nếu chỉ là như vậy: ${oddsText(p)}.`,
        probability: p,
        count: outsideCount,
        share: Math.round(share * 1000) / 1000,
        domains: Object.fromEntries(outside.slice(0, 20)),
      }),
    );
  }
  const mailboxes = stats.sharedMailboxes.filter((n) => n >= t['lists.minNamesPerMailbox']);
  if (mailboxes.length > 0) {
    const people = mailboxes.reduce((s, n) => s + n, 0);
    out.push(
      finding('shared_mailbox', mailboxes.length >= 3 ? 'high' : 'medium', Math.min(1, 0.5 + 0.1 * mailboxes.length), {
        summary: `${mailboxes.length} hộp thư dùng chung cho ${people} người trong danh sách.`,
        honest: 'Mỗi người có hộp thư riêng; một hộp thư nhận thư mời của nhiều người thì người giữ hộp thư có thể trả lời thay họ.',
        count: mailboxes.length,
        people,
      }),
    );
  }
  const phones = stats.sharedPhones.filter((n) => n >= t['lists.minNamesPerPhone']);
  if (phones.length > 0) {
    out.push(
      finding('shared_phone', phones.length >= 3 ? 'medium' : 'low', Math.min(1, 0.3 + 0.1 * phones.length), {
        summary: `${phones.length} số điện thoại dùng chung cho ${phones.reduce((s, n) => s + n, 0)} người.`,
        honest: `Số máy bàn của một phòng có thể ghi cho hai người; từ ${t['lists.minNamesPerPhone']} người trên một số thì đáng xem lại.`,
        count: phones.length,
        people: phones.reduce((s, n) => s + n, 0),
      }),
    );
  }
  if (stats.changedAfterInvitation >= t['lists.minChanged']) {
    out.push(
      finding('changed_after_invitation', 'medium', Math.min(1, 0.4 + 0.05 * stats.changedAfterInvitation), {
        summary: `${stats.changedAfterInvitation} địa chỉ bị thay đổi sau khi đã gửi thư mời.`,
        honest: 'Sửa một vài địa chỉ gõ sai là bình thường; đổi nhiều địa chỉ sau khi thư mời đã đi có thể chuyển đường dẫn sang người khác.',
        count: stats.changedAfterInvitation,
      }),
    );
  }
  const group = expect.hdndGroup ?? 'hdnd';
  // A group that must have members and has none is the shortest list of all.
  if (expect.hdndSeats) {
    const listed = stats.groups[group] ?? 0;
    if (listed < expect.hdndSeats * t['lists.minSeatShare']) {
      out.push(
        finding('small_group', listed < expect.hdndSeats * 0.4 ? 'high' : 'medium', Math.min(1, 1 - listed / expect.hdndSeats), {
          summary:
            listed === 0
              ? `Danh sách không có ai thuộc nhóm ${expect.hdndName ?? group}, trong khi tỉnh có ${expect.hdndSeats} đại biểu.`
              : `Nhóm ${expect.hdndName ?? group} chỉ có ${listed} người trong khi tỉnh có ${expect.hdndSeats} đại biểu.`,
          honest: `Danh sách trung thực gồm gần hết đại biểu (ít nhất ${Math.round(t['lists.minSeatShare'] * 100)}%); thiếu hẳn một nhóm khiến ý kiến của nhóm đó vắng mặt trong điểm số.`,
          count: listed,
          group,
          expected: expect.hdndSeats,
        }),
      );
    }
  }
  return out;
}
