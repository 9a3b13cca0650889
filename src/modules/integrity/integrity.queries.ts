// Data access for interference checks: campaign-wide aggregates the rules
// compare against, one body's responses at a time, and the flags table.
import { and, asc, count, eq, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import { campaignBodies, flags, invitations, reports, respondents, responses } from '../../db/schema/index.js';

export type FlagRow = typeof flags.$inferSelect;

export type PaceRow = { groupCode: string; median: number; n: number; fast: number };

/**
 * Median seconds per group and how many forms fall under `ratio` of it, from a
 * histogram of seconds per group (a hash aggregate, cheaper than sorting every row).
 */
export async function groupPace(db: Db, campaignId: string, ratio: number): Promise<PaceRow[]> {
  const rows = await db
    .select({ groupCode: responses.groupCode, seconds: responses.secondsSpent, n: count() })
    .from(responses)
    .where(and(eq(responses.campaignId, campaignId), sql`${responses.secondsSpent} is not null`))
    .groupBy(responses.groupCode, responses.secondsSpent);
  const byGroup = new Map<string, { seconds: number; n: number }[]>();
  for (const r of rows) (byGroup.get(r.groupCode) ?? byGroup.set(r.groupCode, []).get(r.groupCode)!).push({ seconds: r.seconds!, n: r.n });
  return [...byGroup].map(([groupCode, hist]) => {
    hist.sort((a, b) => a.seconds - b.seconds);
    const n = hist.reduce((s, h) => s + h.n, 0);
    const at = (k: number) => {
      let seen = 0;
      for (const h of hist) if ((seen += h.n) > k) return h.seconds;
      return hist[hist.length - 1]!.seconds;
    };
    const median = n % 2 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
    const fast = hist.filter((h) => h.seconds < median * ratio).reduce((s, h) => s + h.n, 0);
    return { groupCode, median, n, fast };
  });
}

/** Answer sheets submitted more than once across the campaign, and forms per form code. */
export async function repeatedSheets(db: Db, campaignId: string) {
  const repeated = await db
    .select({ formCode: responses.formCode, answers: responses.answers, n: count() })
    .from(responses)
    .where(eq(responses.campaignId, campaignId))
    .groupBy(responses.formCode, responses.answers)
    .having(sql`count(*) > 1`);
  const totals = await db
    .select({ formCode: responses.formCode, n: count() })
    .from(responses)
    .where(eq(responses.campaignId, campaignId))
    .groupBy(responses.formCode);
  return { repeated, totals };
}

/** One body's responses with the signals the rules read (never more than one body in memory). */
export async function bodyResponses(db: Db, campaignId: string, bodyCode: string) {
  return db
    .select({
      id: responses.id,
      groupCode: responses.groupCode,
      formCode: responses.formCode,
      submittedAt: responses.submittedAt,
      secondsSpent: responses.secondsSpent,
      ipHash: responses.ipHash,
      uaHash: responses.uaHash,
      netHash: responses.netHash,
      deviceKey: responses.deviceKey,
      formLoaded: responses.formLoaded,
      answers: responses.answers,
    })
    .from(responses)
    .where(and(eq(responses.campaignId, campaignId), eq(responses.bodyCode, bodyCode)));
}

/**
 * Submissions per group and 10-minute bucket of one body, counted at submission
 * (`at` = bucket start, ms): what time-window rules read, since responses carry
 * only the time of the batch that released them.
 */
export async function bodyActivity(db: Db, campaignId: string, bodyCode: string): Promise<{ at: number; groupCode: string; count: number }[]> {
  const rows = rowsOf<{ bucket: string | Date; group_code: string; n: number }>(
    await db.execute(sql`select bucket, group_code, sum(n)::int as n from submission_counts
      where campaign_id = ${campaignId} and body_code = ${bodyCode} group by 1, 2 order by 1, 2`),
  );
  return rows.map((r) => ({ at: new Date(r.bucket).getTime(), groupCode: r.group_code, count: Number(r.n) }));
}

const countRows = async (db: Db, query: SQL) =>
  rowsOf<{ body_code: string; k: string | null; n: number }>(await db.execute(query)).map((r) => ({ body: r.body_code, key: r.k, n: Number(r.n) }));

/** Names per mailbox or phone carrying several; the repeated contacts are found first by a cheap hash aggregate. */
const sharedContact = (campaignId: string, column: SQL) => sql`
  select r.body_code, null as k, count(distinct lower(r.full_name))::int as n
  from respondents r
  join (select body_code, ${column} as c from respondents where campaign_id = ${campaignId} and ${column} is not null group by 1, 2 having count(*) > 1) d
    on d.body_code = r.body_code and d.c = r.${column}
  where r.campaign_id = ${campaignId}
  group by r.body_code, r.${column}
  having count(distinct lower(r.full_name)) > 1`;

/** Per body: listed people by group and by mail domain, shared mailboxes and phones, addresses changed after invitation. */
export async function listSignals(db: Db, campaignId: string) {
  const live = sql`campaign_id = ${campaignId} and merged_into is null`;
  const [groups, domains, mailboxes, phones, changed] = await Promise.all([
    countRows(db, sql`select body_code, group_code as k, count(*)::int as n from respondents where ${live} group by 1, 2`),
    countRows(db, sql`select body_code, split_part(email_norm, '@', 2) as k, count(*)::int as n from respondents where ${live} group by 1, 2`),
    countRows(db, sharedContact(campaignId, sql`email_norm`)),
    countRows(db, sharedContact(campaignId, sql`phone_norm`)),
    countRows(db, sql`select body_code, null as k, count(*)::int as n from (select body_code, respondent_id from invitations where campaign_id = ${campaignId} and respondent_id is not null group by body_code, respondent_id having count(*) > 1) x group by body_code`),
  ]);
  return { groups, domains, mailboxes, phones, changed };
}

/** Per body: links opened, links opened from at least `min` devices, and of those the unanswered ones. */
export async function linkStats(db: Db, campaignId: string, min: number) {
  return db
    .select({
      body: invitations.bodyCode,
      opened: sql<number>`count(*) filter (where ${invitations.devicesSeen} > 0)`.mapWith(Number),
      wide: sql<number>`count(*) filter (where ${invitations.devicesSeen} >= ${min})`.mapWith(Number),
      unanswered: sql<number>`count(*) filter (where ${invitations.devicesSeen} >= ${min} and ${invitations.status} <> 'completed')`.mapWith(Number),
    })
    .from(invitations)
    .where(and(eq(invitations.campaignId, campaignId), sql`${invitations.status} <> 'cancelled'`))
    .groupBy(invitations.bodyCode);
}

/** Respondents' reports with their own words, oldest first. */
export async function reportList(db: Db, campaignId: string) {
  return db
    .select({ body: reports.bodyCode, kind: reports.kind, message: reports.message, at: reports.createdAt })
    .from(reports)
    .where(eq(reports.campaignId, campaignId))
    .orderBy(asc(reports.bodyCode), asc(reports.createdAt), asc(reports.id));
}

/** What changes a body's findings: its responses, reports, list and link openings. */
export async function bodySignatures(db: Db, campaignId: string): Promise<Map<string, string>> {
  const rows = rowsOf<{ code: string; r: string | null; p: string | null; l: string | null; i: string | null }>(
    await db.execute(sql`
      select b.code,
        (select count(*) || '/' || coalesce(max(submitted_at)::text, '') from responses where campaign_id = b.campaign_id and body_code = b.code) as r,
        (select count(*)::text from reports where campaign_id = b.campaign_id and body_code = b.code) as p,
        (select count(*) || '/' || coalesce(max(updated_at)::text, '') from respondents where campaign_id = b.campaign_id and body_code = b.code) as l,
        (select coalesce(sum(devices_seen), 0) || '/' || count(*) from invitations where campaign_id = b.campaign_id and body_code = b.code) as i
      from campaign_bodies b where b.campaign_id = ${campaignId}`),
  );
  return new Map(rows.map((r) => [r.code, `${r.r}|${r.p}|${r.l}|${r.i}`]));
}

export async function listBodies(db: Db, campaignId: string) {
  return db.select({ code: campaignBodies.code, name: campaignBodies.name, listState: campaignBodies.listState }).from(campaignBodies).where(eq(campaignBodies.campaignId, campaignId)).orderBy(asc(campaignBodies.code));
}

export type FlagInsert = Pick<typeof flags.$inferInsert, 'campaignId' | 'bodyCode' | 'rule' | 'severity' | 'fingerprint' | 'evidence'>;

/**
 * Stores a body's current findings: new ones are added, open ones refreshed, and
 * open ones the data no longer supports removed. Decided flags are never touched.
 */
export async function replaceBodyFlags(db: Db, campaignId: string, bodyCode: string, rows: FlagInsert[]) {
  const scope = and(eq(flags.campaignId, campaignId), eq(flags.bodyCode, bodyCode), eq(flags.status, 'open'));
  const prints = rows.map((r) => r.fingerprint);
  await db.delete(flags).where(prints.length ? and(scope, notInArray(flags.fingerprint, prints)) : scope);
  if (rows.length === 0) return;
  await db
    .insert(flags)
    .values(rows)
    .onConflictDoUpdate({
      target: [flags.campaignId, flags.fingerprint],
      set: { severity: sql`excluded.severity`, evidence: sql`excluded.evidence`, updatedAt: sql`now()` },
      setWhere: sql`${flags.status} = 'open' and (${flags.evidence} <> excluded.evidence or ${flags.severity} <> excluded.severity)`,
    });
}

export type FlagFilter = { status?: FlagRow['status'] | undefined; body?: string | undefined; rule?: string | undefined; severity?: FlagRow['severity'] | undefined };

const severityRank = sql`case ${flags.severity} when 'high' then 0 when 'medium' then 1 else 2 end`;

export async function findFlags(db: Db, campaignId: string, filter: FlagFilter, page: { limit: number; offset: number }) {
  const where = and(
    eq(flags.campaignId, campaignId),
    filter.status ? eq(flags.status, filter.status) : undefined,
    filter.body ? eq(flags.bodyCode, filter.body) : undefined,
    filter.rule ? eq(flags.rule, filter.rule) : undefined,
    filter.severity ? eq(flags.severity, filter.severity) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db.select().from(flags).where(where).orderBy(asc(flags.bodyCode), severityRank, asc(flags.rule), asc(flags.fingerprint)).limit(page.limit).offset(page.offset),
    db.select({ n: count() }).from(flags).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function flagsOfBodies(db: Db, campaignId: string, bodies: string[]) {
  if (bodies.length === 0) return [];
  return db.select().from(flags).where(and(eq(flags.campaignId, campaignId), inArray(flags.bodyCode, bodies))).orderBy(asc(flags.bodyCode), severityRank, asc(flags.rule), asc(flags.fingerprint));
}

export async function findFlag(db: Db, campaignId: string, id: string): Promise<FlagRow | undefined> {
  const [row] = await db.select().from(flags).where(and(eq(flags.campaignId, campaignId), eq(flags.id, id)));
  return row;
}

export async function lockFlag(db: Db, campaignId: string, id: string): Promise<FlagRow | undefined> {
  const [row] = await db.select().from(flags).where(and(eq(flags.campaignId, campaignId), eq(flags.id, id))).for('update');
  return row;
}

export async function setFlagDecision(db: Db, id: string, d: Pick<FlagRow, 'status' | 'decision' | 'decisionReason' | 'decidedBy'>) {
  await db.update(flags).set({ ...d, decidedAt: d.status === 'open' ? null : sql`now()`, updatedAt: sql`now()` }).where(eq(flags.id, id));
}

/** Marks responses of the body voided (only those not voided already); returns how many. */
export async function voidResponses(db: Db, campaignId: string, bodyCode: string, ids: string[] | 'all', reason: string) {
  if (ids !== 'all' && ids.length === 0) return 0;
  const rows = await db
    .update(responses)
    .set({ voidedAt: sql`now()`, voidReason: reason })
    .where(and(eq(responses.campaignId, campaignId), eq(responses.bodyCode, bodyCode), sql`${responses.voidedAt} is null`, ids === 'all' ? undefined : inArray(responses.id, ids)))
    .returning({ id: responses.id });
  return rows.length;
}

export async function unvoidResponses(db: Db, campaignId: string, bodyCode: string, reason: string) {
  const rows = await db
    .update(responses)
    .set({ voidedAt: null, voidReason: null })
    .where(and(eq(responses.campaignId, campaignId), eq(responses.bodyCode, bodyCode), eq(responses.voidReason, reason)))
    .returning({ id: responses.id });
  return rows.length;
}

export async function setBodyVoid(db: Db, campaignId: string, bodyCode: string, reason: string | null) {
  await db
    .update(campaignBodies)
    .set(reason === null ? { voidedAt: null, voidReason: null } : { voidedAt: sql`now()`, voidReason: reason })
    .where(and(eq(campaignBodies.campaignId, campaignId), eq(campaignBodies.code, bodyCode), reason === null ? undefined : sql`${campaignBodies.voidedAt} is null`));
}

export async function bodyVoidReason(db: Db, campaignId: string, bodyCode: string) {
  const [row] = await db.select({ reason: campaignBodies.voidReason }).from(campaignBodies).where(and(eq(campaignBodies.campaignId, campaignId), eq(campaignBodies.code, bodyCode)));
  return row?.reason ?? null;
}

