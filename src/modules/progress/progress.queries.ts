import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { campaignBodies, flags, invitations, progressCounters, respondents, responses, submissionCounts } from '../../db/schema/index.js';
import type { BodyInfo, CounterRow, DailyRow, RespondentStatus } from './progress.js';

export async function counterRows(db: Db, campaignId: string, bodyCode: string | null): Promise<CounterRow[]> {
  const c = progressCounters;
  return db
    .select({
      bodyCode: c.bodyCode,
      groupCode: c.groupCode,
      listed: sql<number>`sum(${c.listed})::int`,
      invited: sql<number>`sum(${c.invited})::int`,
      delivered: sql<number>`sum(${c.delivered})::int`,
      bounced: sql<number>`sum(${c.bounced})::int`,
      opened: sql<number>`sum(${c.opened})::int`,
      completed: sql<number>`sum(${c.completed})::int`,
      lastActivityAt: sql<Date | null>`max(${c.lastActivityAt})`.mapWith((v) => (v === null ? null : new Date(v))),
    })
    .from(c)
    .where(and(eq(c.campaignId, campaignId), bodyCode ? eq(c.bodyCode, bodyCode) : undefined))
    .groupBy(c.bodyCode, c.groupCode);
}

/** Submissions per day (Asia/Ho_Chi_Minh), from the counts kept per 10-minute bucket at submission. */
export async function dailyRows(db: Db, campaignId: string, bodyCode: string | null): Promise<DailyRow[]> {
  const c = submissionCounts;
  const day = sql<string>`to_char(${c.bucket} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`;
  const rows = await db
    .select({ day, completed: sql<number>`sum(${c.n})::int` })
    .from(c)
    .where(and(eq(c.campaignId, campaignId), bodyCode ? eq(c.bodyCode, bodyCode) : undefined))
    .groupBy(day);
  return rows.map((r) => ({ bodyCode: bodyCode ?? '*', day: String(r.day), completed: r.completed }));
}

export async function bodiesInfo(db: Db, campaignId: string, bodyCode: string | null): Promise<BodyInfo[]> {
  const b = campaignBodies;
  const open = db
    .select({ bodyCode: flags.bodyCode, n: sql<number>`count(*)::int`.as('n') })
    .from(flags)
    .where(and(eq(flags.campaignId, campaignId), eq(flags.status, 'open')))
    .groupBy(flags.bodyCode)
    .as('open_flags');
  const rows = await db
    .select({ code: b.code, name: b.name, listState: b.listState, voidedAt: b.voidedAt, openFlags: sql<number>`coalesce(${open.n}, 0)::int` })
    .from(b)
    .leftJoin(open, eq(open.bodyCode, b.code))
    .where(and(eq(b.campaignId, campaignId), bodyCode ? eq(b.code, bodyCode) : undefined))
    .orderBy(asc(b.code));
  return rows.map((r) => ({ code: r.code, name: r.name, listState: r.listState, voided: r.voidedAt !== null, openFlags: r.openFlags }));
}

/** The SQL twin of `respondentStatus` in progress.ts, for filtering in the database. */
const statusSql = sql<RespondentStatus>`case
  when ${invitations.id} is null or ${invitations.status} = 'cancelled' then 'not_invited'
  when ${invitations.status} = 'completed' then 'completed'
  when ${invitations.mailStatus} = 'bounced' then 'bounced'
  when ${invitations.firstOpenedAt} is not null then 'opened'
  when ${invitations.mailStatus} = 'sent' then 'delivered'
  else 'invited' end`;

/**
 * Each status as plain conditions on invitation columns (equivalent to
 * `statusSql = x`), so PostgreSQL can start from the invitations index
 * instead of working out the status of every person on the list.
 */
const i = invitations;
const statusIs: Record<RespondentStatus | 'not_completed', SQL> = {
  not_invited: sql`(${i.id} is null or ${i.status} = 'cancelled')`,
  completed: sql`${i.status} = 'completed'`,
  not_completed: sql`${i.status} = 'active'`,
  bounced: sql`${i.status} = 'active' and ${i.mailStatus} = 'bounced'`,
  opened: sql`${i.status} = 'active' and ${i.mailStatus} <> 'bounced' and ${i.firstOpenedAt} is not null`,
  delivered: sql`${i.status} = 'active' and ${i.mailStatus} = 'sent' and ${i.firstOpenedAt} is null`,
  invited: sql`${i.status} = 'active' and ${i.mailStatus} in ('queued', 'failed') and ${i.firstOpenedAt} is null`,
};

export type RespondentFilter = { status?: RespondentStatus | 'not_completed'; group?: string; q?: string; limit: number; offset: number };

export async function respondentsOfBody(db: Db, campaignId: string, bodyCode: string, f: RespondentFilter) {
  const r = respondents;
  const conditions: (SQL | undefined)[] = [eq(r.campaignId, campaignId), eq(r.bodyCode, bodyCode), sql`${r.mergedInto} is null`];
  if (f.group) conditions.push(eq(r.groupCode, f.group));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(r.fullName, like), ilike(r.email, like), ilike(r.organisation, like)));
  }
  if (f.status) conditions.push(statusIs[f.status]);
  const where = and(...conditions);
  const join = and(eq(invitations.campaignId, r.campaignId), eq(invitations.bodyCode, r.bodyCode), eq(invitations.emailNorm, r.emailNorm));
  // One pass gives the page and, through the window count, the total before LIMIT.
  const page = await db
    .select({
      respondentId: r.id,
      fullName: r.fullName,
      email: r.email,
      groupCode: r.groupCode,
      organisation: r.organisation,
      position: r.position,
      phone: r.phone,
      status: statusSql,
      bounceReason: invitations.bounceReason,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(r)
    .leftJoin(invitations, join)
    .where(where)
    .orderBy(asc(r.groupCode), asc(r.fullName), asc(r.id))
    .limit(f.limit)
    .offset(f.offset);
  const rows = page.map(({ total: _total, ...row }) => row);
  if (page.length > 0 || f.offset === 0) return { total: page[0]?.total ?? 0, rows };
  // Past the end there is no row to carry the count.
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(r).leftJoin(invitations, join).where(where);
  return { total: total!.n, rows };
}

/** Answers of the body that MOHA voided after reviewing interference (no identities involved). */
export async function voidedResponses(db: Db, campaignId: string, bodyCode: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(responses)
    .where(and(eq(responses.campaignId, campaignId), eq(responses.bodyCode, bodyCode), sql`${responses.voidedAt} is not null`));
  return row?.n ?? 0;
}
