// Progress is derived, never stored: this turns the counters kept by the
// database (per body and group) into the figures officers and MOHA read —
// completion rates, totals by group and body, and completions day by day.

export type Counts = { listed: number; invited: number; delivered: number; bounced: number; opened: number; completed: number };
export type CounterRow = Counts & { bodyCode: string; groupCode: string; lastActivityAt: Date | null };
export type DailyRow = { bodyCode: string; day: string; completed: number };
export type BodyInfo = { code: string; name: string; listState: 'draft' | 'submitted'; voided: boolean; openFlags: number };
export type GroupInfo = { code: string; name: string };

export type GroupProgress = Counts & { groupCode: string; groupName: string; completionRate: number | null; lastActivityAt: Date | null };
export type BodyProgress = Counts & {
  bodyCode: string;
  bodyName: string;
  listState: 'draft' | 'submitted';
  voided: boolean;
  openFlags: number;
  completionRate: number | null;
  lastActivityAt: Date | null;
  groups: GroupProgress[];
};
export type SeriesPoint = { day: string; completed: number; cumulative: number };

const ZERO: Counts = { listed: 0, invited: 0, delivered: 0, bounced: 0, opened: 0, completed: 0 };
const KEYS = Object.keys(ZERO) as (keyof Counts)[];

function add(a: Counts, b: Counts): Counts {
  const out = { ...a };
  for (const k of KEYS) out[k] += b[k];
  return out;
}

/** Completed over invited, as a fraction with 4 decimals; null before anyone is invited. */
export const completionRate = (c: Counts) => (c.invited > 0 ? Math.round((c.completed / c.invited) * 10_000) / 10_000 : null);

const later = (a: Date | null, b: Date | null) => (!a ? b : !b ? a : a > b ? a : b);

export function bodyProgress(bodies: readonly BodyInfo[], groups: readonly GroupInfo[], rows: readonly CounterRow[]): BodyProgress[] {
  const byKey = new Map(rows.map((r) => [`${r.bodyCode}\u0000${r.groupCode}`, r]));
  return bodies.map((body) => {
    const groupRows = groups.map((g): GroupProgress => {
      const row = byKey.get(`${body.code}\u0000${g.code}`);
      const counts = row ? pick(row) : { ...ZERO };
      return { groupCode: g.code, groupName: g.name, ...counts, completionRate: completionRate(counts), lastActivityAt: row?.lastActivityAt ?? null };
    });
    const totals = groupRows.reduce<Counts>((sum, g) => add(sum, g), { ...ZERO });
    return {
      bodyCode: body.code,
      bodyName: body.name,
      listState: body.listState,
      voided: body.voided,
      openFlags: body.openFlags,
      ...totals,
      completionRate: completionRate(totals),
      lastActivityAt: groupRows.reduce<Date | null>((d, g) => later(d, g.lastActivityAt), null),
      groups: groupRows,
    };
  });
}

export function groupTotals(bodies: readonly BodyProgress[], groups: readonly GroupInfo[]): GroupProgress[] {
  return groups.map((g) => {
    const counts = bodies.reduce<Counts>((sum, b) => add(sum, pick(b.groups.find((x) => x.groupCode === g.code) ?? ZERO)), { ...ZERO });
    const last = bodies.reduce<Date | null>((d, b) => later(d, b.groups.find((x) => x.groupCode === g.code)?.lastActivityAt ?? null), null);
    return { groupCode: g.code, groupName: g.name, ...counts, completionRate: completionRate(counts), lastActivityAt: last };
  });
}

export function overallTotals(bodies: readonly (Counts & { listState: 'draft' | 'submitted' })[]): Counts & { completionRate: number | null; bodies: number; submittedLists: number } {
  const counts = bodies.reduce<Counts>((sum, b) => add(sum, pick(b)), { ...ZERO });
  return { ...counts, completionRate: completionRate(counts), bodies: bodies.length, submittedLists: bodies.filter((b) => b.listState === 'submitted').length };
}

/** Completions per day with the running total, days without completions included. */
export function completionSeries(rows: readonly DailyRow[]): SeriesPoint[] {
  const perDay = new Map<string, number>();
  for (const r of rows) perDay.set(r.day, (perDay.get(r.day) ?? 0) + r.completed);
  const days = [...perDay.keys()].sort();
  if (days.length === 0) return [];
  const out: SeriesPoint[] = [];
  let cumulative = 0;
  for (let d = new Date(`${days[0]}T00:00:00Z`); d <= new Date(`${days.at(-1)}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.toISOString().slice(0, 10);
    const completed = perDay.get(day) ?? 0;
    cumulative += completed;
    out.push({ day, completed, cumulative });
  }
  return out;
}

/** MOHA's filters on the national table: list state, and a code or name search that ignores case and diacritics. */
export function filterBodies(bodies: readonly BodyProgress[], filter: { listState?: 'draft' | 'submitted'; q?: string }): BodyProgress[] {
  const needle = filter.q ? fold(filter.q) : '';
  return bodies.filter((b) => (!filter.listState || b.listState === filter.listState) && (!needle || fold(`${b.bodyCode} ${b.bodyName}`).includes(needle)));
}

/** Lower case without diacritics, đ as d: "Quảng Ninh" and "quang ninh" match. */
export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase().trim();

export const sortKeys = ['bodyCode', 'bodyName', 'completionRate', 'completed', 'invited', 'bounced', 'openFlags', 'lastActivityAt'] as const;
export type SortKey = (typeof sortKeys)[number];

export function sortBodies(bodies: readonly BodyProgress[], key: SortKey, order: 'asc' | 'desc'): BodyProgress[] {
  const value = (b: BodyProgress) => {
    const v = b[key];
    return v instanceof Date ? v.getTime() : v;
  };
  const sign = order === 'asc' ? 1 : -1;
  return [...bodies].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === y) return a.bodyCode.localeCompare(b.bodyCode);
    if (x === null) return 1;
    if (y === null) return -1;
    return (typeof x === 'string' ? x.localeCompare(y as string, 'vi') : x - (y as number)) * sign;
  });
}

function pick(c: Counts): Counts {
  return { listed: c.listed, invited: c.invited, delivered: c.delivered, bounced: c.bounced, opened: c.opened, completed: c.completed };
}

/** What an officer may see of a listed person: where they are, never what they answered. */
export type RespondentStatus = 'not_invited' | 'invited' | 'delivered' | 'bounced' | 'opened' | 'completed';

export function respondentStatus(inv: { status: 'active' | 'completed' | 'cancelled'; mailStatus: 'queued' | 'sent' | 'bounced' | 'failed'; opened: boolean } | null): RespondentStatus {
  if (!inv || inv.status === 'cancelled') return 'not_invited';
  if (inv.status === 'completed') return 'completed';
  if (inv.mailStatus === 'bounced') return 'bounced';
  if (inv.opened) return 'opened';
  return inv.mailStatus === 'sent' ? 'delivered' : 'invited';
}
