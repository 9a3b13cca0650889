// Deadlines are instants. People type them as dates: a date without a time
// means the end of that day in Asia/Ho_Chi_Minh (UTC+7, no daylight saving),
// and they are shown the Vietnamese way: "23:59 ngày 15/12/2023".
import { AppError, invalid } from '../../errors.js';

export const VIETNAM_TZ = 'Asia/Ho_Chi_Minh';
const OFFSET = '+07:00';

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const vnDate = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const localDateTime = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const vnDateTime = /^(\d{1,2}):(\d{2})\s+(?:ngày\s+)?(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const zoned = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * Accepts `2023-12-15`, `15/12/2023`, `2023-12-15 17:00`, `17:00 ngày 15/12/2023`
 * or a full ISO time with an offset.
 */
export function parseDeadline(input: string): Date {
  const text = input.trim();
  let m: RegExpMatchArray | null;
  if ((m = text.match(isoDate))) return endOfDay(+m[1]!, +m[2]!, +m[3]!, input);
  if ((m = text.match(vnDate))) return endOfDay(+m[3]!, +m[2]!, +m[1]!, input);
  if ((m = text.match(localDateTime))) return at(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0), input);
  if ((m = text.match(vnDateTime))) return at(+m[5]!, +m[4]!, +m[3]!, +m[1]!, +m[2]!, 0, input);
  if (zoned.test(text)) {
    const d = new Date(text);
    if (!Number.isNaN(d.getTime())) return d;
  }
  throw badDeadline(input);
}

function endOfDay(y: number, mo: number, d: number, input: string): Date {
  const date = at(y, mo, d, 23, 59, 59, input);
  return new Date(date.getTime() + 999);
}

function at(y: number, mo: number, d: number, h: number, mi: number, s: number, input: string): Date {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const date = new Date(`${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${OFFSET}`);
  const back = partsInVietnam(date);
  if (Number.isNaN(date.getTime()) || back.year !== y || back.month !== mo || back.day !== d || h > 23 || mi > 59 || s > 59) {
    throw badDeadline(input);
  }
  return date;
}

const badDeadline = (input: string) =>
  new AppError(
    'invalid_deadline',
    422,
    `Thời hạn "${input}" không hợp lệ. Nhập ngày dạng 15/12/2023 hoặc 2023-12-15 (hết ngày đó, giờ Việt Nam), hoặc kèm giờ như 17:00 ngày 15/12/2023.`,
  );

function partsInVietnam(date: Date) {
  const shifted = new Date(date.getTime() + 7 * 3600_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/** "23:59 ngày 15/12/2023" */
export function formatDeadline(date: Date): string {
  const p = partsInVietnam(date);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(p.hour)}:${two(p.minute)} ngày ${two(p.day)}/${two(p.month)}/${p.year}`;
}

/** "15/12/2023" */
export function formatDate(date: Date): string {
  const p = partsInVietnam(date);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(p.day)}/${two(p.month)}/${p.year}`;
}

/** The calendar day in Vietnam, as `YYYY-MM-DD`. */
export function vietnamDay(date: Date): string {
  const p = partsInVietnam(date);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** A body's list deadline: MOHA's extension for the body when there is one. */
export function listDeadlineFor(campaign: { listDeadline: Date }, body: { listDeadline: Date | null }): Date {
  return body.listDeadline ?? campaign.listDeadline;
}

/** Where a campaign stands: the database clock and its own deadlines. */
export type Timeline = { now: Date; listDeadline: Date; responseDeadline: Date };

const passed = (at: Date, now: Date, what: string, field: string) =>
  at.getTime() <= now.getTime()
    ? invalid(`${what} ${formatDeadline(at)} đã qua (bây giờ là ${formatDeadline(now)}). Hãy nhập một thời điểm sau bây giờ.`, [{ field, message: 'đã qua' }])
    : null;

/**
 * MOHA's extension of one body's list deadline must still be ahead, no earlier
 * than the campaign's own list deadline (that would shorten it, not extend it)
 * and no later than the response deadline; a typo must not lock a body out.
 */
export function checkBodyListDeadline(at: Date, t: Timeline): void {
  const error =
    passed(at, t.now, 'Hạn gửi danh sách', 'listDeadline') ??
    (at.getTime() < t.listDeadline.getTime()
      ? invalid(
          `Hạn gia hạn ${formatDeadline(at)} sớm hơn hạn gửi danh sách chung của đợt (${formatDeadline(t.listDeadline)}). Gia hạn phải sau hạn chung; muốn bỏ gia hạn thì để trống ô thời hạn.`,
          [{ field: 'listDeadline', message: 'trước hạn chung của đợt' }],
        )
      : null) ??
    (at.getTime() > t.responseDeadline.getTime()
      ? invalid(
          `Hạn gửi danh sách ${formatDeadline(at)} phải trước hạn trả lời phiếu của đợt (${formatDeadline(t.responseDeadline)}). Nếu cần, hãy gia hạn trả lời phiếu trước.`,
          [{ field: 'listDeadline', message: 'sau hạn trả lời phiếu' }],
        )
      : null);
  if (error) throw error;
}

/**
 * A change of the campaign's own deadlines: a changed deadline must be ahead,
 * and the response deadline may not close before a body's extended list deadline.
 */
export function checkDeadlineChange(next: Omit<Timeline, 'now'>, t: Timeline, extensions: readonly { name: string; listDeadline: Date }[]): void {
  const error =
    (next.listDeadline.getTime() !== t.listDeadline.getTime() ? passed(next.listDeadline, t.now, 'Hạn gửi danh sách', 'listDeadline') : null) ??
    (next.responseDeadline.getTime() !== t.responseDeadline.getTime() ? passed(next.responseDeadline, t.now, 'Hạn trả lời phiếu', 'responseDeadline') : null);
  if (error) throw error;
  const late = extensions.find((b) => b.listDeadline.getTime() > next.responseDeadline.getTime());
  if (late) {
    throw invalid(
      `${late.name} được gia hạn gửi danh sách đến ${formatDeadline(late.listDeadline)}, sau hạn trả lời phiếu mới (${formatDeadline(next.responseDeadline)}). Hãy chọn hạn trả lời phiếu muộn hơn.`,
      [{ field: 'responseDeadline', message: 'trước hạn gia hạn của một đơn vị' }],
    );
  }
}

export const isBefore = (now: Date, deadline: Date) => now.getTime() <= deadline.getTime();

/** "còn 3 ngày 4 giờ", "còn 45 phút", or "đã hết hạn" — for countdowns on pages. */
export function timeLeft(now: Date, deadline: Date): string {
  const ms = deadline.getTime() - now.getTime();
  if (ms <= 0) return 'đã hết hạn';
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `còn ${days} ngày${hours ? ` ${hours} giờ` : ''}`;
  if (hours > 0) return `còn ${hours} giờ ${minutes % 60} phút`;
  return `còn ${Math.max(1, minutes)} phút`;
}
