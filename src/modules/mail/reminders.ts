// When reminders go out. A campaign's schedule names days before the response
// deadline; a round is due once its day has come and the deadline has not
// passed. If several are due at once (the service was down), only the latest
// is sent and the earlier ones are recorded as skipped, so nobody gets two.
// A body's on-demand urging (đôn đốc) is allowed once per 24 hours.

const DAY_MS = 24 * 3600 * 1000;
export const URGE_INTERVAL_MS = DAY_MS;

export type DueRound = { label: string; send: boolean };

export function dueReminders(now: Date, deadline: Date, daysBefore: readonly number[], done: ReadonlySet<string>): DueRound[] {
  if (now.getTime() >= deadline.getTime()) return [];
  const due = [...new Set(daysBefore)]
    .sort((a, b) => b - a)
    .filter((d) => now.getTime() >= deadline.getTime() - d * DAY_MS)
    .map((d) => `d-${d}`)
    .filter((label) => !done.has(label));
  return due.map((label, i) => ({ label, send: i === due.length - 1 }));
}

export function nextUrgeAt(lastUrgedAt: Date | null): Date | null {
  return lastUrgedAt ? new Date(lastUrgedAt.getTime() + URGE_INTERVAL_MS) : null;
}

export function canUrge(now: Date, lastUrgedAt: Date | null): boolean {
  const next = nextUrgeAt(lastUrgedAt);
  return next === null || now.getTime() >= next.getTime();
}
