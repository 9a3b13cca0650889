import { and, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import { campaignBodies, invitations, outbox, reminderRuns, respondents } from '../../db/schema/index.js';

/**
 * Queues a reminder for each active invitation of the campaign (or body) whose
 * invitation went out and did not bounce: nobody who answered, nobody whose
 * mailbox refused the first message.
 */
export async function queueReminders(db: Db, o: { campaignId: string; bodyCode: string | null; domain: string }): Promise<number> {
  const body = o.bodyCode === null ? sql`` : sql`and i.body_code = ${o.bodyCode}`;
  const rows = await db.execute(sql`
    insert into outbox (campaign_id, invitation_id, kind, message_id)
    select i.campaign_id, i.id, 'reminder', '<' || gen_random_uuid() || '@' || ${o.domain} || '>'
    from invitations i
    join campaign_bodies b on b.campaign_id = i.campaign_id and b.code = i.body_code
    where i.campaign_id = ${o.campaignId} ${body} and i.status = 'active' and i.mail_status = 'sent' and b.voided_at is null
    returning id`);
  return rowsOf(rows).length;
}

export async function scheduleLabels(db: Db, campaignId: string): Promise<Set<string>> {
  const rows = await db.select({ label: reminderRuns.label }).from(reminderRuns).where(and(eq(reminderRuns.campaignId, campaignId), eq(reminderRuns.kind, 'schedule')));
  return new Set(rows.map((r) => r.label));
}

/** Claims a scheduled round; false when another process already has. */
export async function claimRound(db: Db, campaignId: string, label: string): Promise<string | null> {
  const rows = await db
    .insert(reminderRuns)
    .values({ campaignId, kind: 'schedule', label, queued: 0, createdBy: 'system' })
    .onConflictDoNothing()
    .returning({ id: reminderRuns.id });
  return rows[0]?.id ?? null;
}

export async function setRoundCount(db: Db, id: string, queued: number) {
  await db.update(reminderRuns).set({ queued }).where(eq(reminderRuns.id, id));
}

export async function lockBodyForUrge(db: Db, campaignId: string, bodyCode: string) {
  const rows = await db
    .select({ lastUrgedAt: campaignBodies.lastUrgedAt, voidedAt: campaignBodies.voidedAt, listState: campaignBodies.listState })
    .from(campaignBodies)
    .where(and(eq(campaignBodies.campaignId, campaignId), eq(campaignBodies.code, bodyCode)))
    .for('update');
  return rows[0] ?? null;
}

export async function bodyUrgeInfo(db: Db, campaignId: string, bodyCode: string) {
  const rows = await db.execute(sql`
    select b.last_urged_at as "lastUrgedAt", b.list_state as "listState",
      (select count(*)::int from invitations i where i.campaign_id = b.campaign_id and i.body_code = b.code and i.status = 'active' and i.mail_status = 'sent') as "waiting"
    from campaign_bodies b where b.campaign_id = ${campaignId} and b.code = ${bodyCode}`);
  const row = rowsOf<{ lastUrgedAt: Date | string | null; listState: string; waiting: number }>(rows)[0];
  return row ? { ...row, lastUrgedAt: row.lastUrgedAt === null ? null : new Date(row.lastUrgedAt) } : null;
}

export async function markUrged(db: Db, campaignId: string, bodyCode: string, actor: string, queued: number) {
  await db.update(campaignBodies).set({ lastUrgedAt: sql`now()` }).where(and(eq(campaignBodies.campaignId, campaignId), eq(campaignBodies.code, bodyCode)));
  await db.insert(reminderRuns).values({ campaignId, bodyCode, kind: 'urge', label: 'urge', queued, createdBy: actor });
}

export async function invitationOfRespondent(db: Db, campaignId: string, bodyCode: string, respondentId: string) {
  const rows = await db
    .select({ id: invitations.id, version: invitations.version, status: invitations.status, emailNorm: invitations.emailNorm })
    .from(invitations)
    .where(and(eq(invitations.campaignId, campaignId), eq(invitations.bodyCode, bodyCode), eq(invitations.respondentId, respondentId)))
    .for('update');
  return rows[0] ?? null;
}

export async function addressTaken(db: Db, campaignId: string, bodyCode: string, emailNorm: string, invitationId: string) {
  const rows = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(eq(invitations.campaignId, campaignId), eq(invitations.bodyCode, bodyCode), eq(invitations.emailNorm, emailNorm)));
  return rows.some((r) => r.id !== invitationId);
}

export async function readdress(db: Db, o: { respondentId: string; invitationId: string; email: string; emailNorm: string; version: number; tokenHash: Buffer }) {
  await db.update(respondents).set({ email: o.email, emailNorm: o.emailNorm, updatedAt: sql`now()` }).where(eq(respondents.id, o.respondentId));
  await db
    .update(invitations)
    .set({ emailNorm: o.emailNorm, version: o.version, tokenHash: o.tokenHash, mailStatus: 'queued', bounceReason: null, updatedAt: sql`now()` })
    .where(eq(invitations.id, o.invitationId));
  await db.update(outbox).set({ status: 'cancelled' }).where(and(eq(outbox.invitationId, o.invitationId), inArray(outbox.status, ['queued', 'failed'])));
}

/** Marks the message a bounce report is about, and its invitation, as bounced. */
export async function markBounced(db: Db, messageIds: readonly string[], reason: string) {
  if (messageIds.length === 0) return [];
  const rows = await db.execute(sql`
    with hit as (
      update outbox set status = 'bounced', last_reply = ${reason}, lease_until = null, leased_by = null
      where message_id in (${sql.join(messageIds.map((m) => sql`${m}`), sql`, `)})
      returning id, invitation_id
    ), inv as (
      update invitations i set mail_status = 'bounced', bounce_reason = ${reason}, updated_at = now()
      from hit where i.id = hit.invitation_id and i.status <> 'cancelled'
      returning i.id
    )
    select hit.id::int as "outboxId", hit.invitation_id as "invitationId" from hit`);
  return rowsOf<{ outboxId: number; invitationId: string }>(rows);
}

export async function outboxCounts(db: Db, campaignId: string) {
  return db
    .select({ kind: outbox.kind, status: outbox.status, count: sql<number>`count(*)::int` })
    .from(outbox)
    .where(eq(outbox.campaignId, campaignId))
    .groupBy(outbox.kind, outbox.status);
}

export async function outboxRows(db: Db, o: { campaignId: string; status?: (typeof outbox.status.enumValues)[number] | undefined; limit: number; offset: number }) {
  return db
    .select({
      id: outbox.id, kind: outbox.kind, status: outbox.status, attempts: outbox.attempts, nextAttemptAt: outbox.nextAttemptAt,
      lastReply: outbox.lastReply, sentAt: outbox.sentAt, bodyCode: invitations.bodyCode, email: invitations.emailNorm,
    })
    .from(outbox)
    .innerJoin(invitations, eq(invitations.id, outbox.invitationId))
    .where(and(eq(outbox.campaignId, o.campaignId), o.status ? eq(outbox.status, o.status) : undefined))
    .orderBy(outbox.id)
    .limit(o.limit)
    .offset(o.offset);
}

export async function requeueFailed(db: Db, campaignId: string) {
  const rows = await db
    .update(outbox)
    .set({ status: 'queued', attempts: 0, nextAttemptAt: sql`now()` })
    .where(and(eq(outbox.campaignId, campaignId), eq(outbox.status, 'failed')))
    .returning({ id: outbox.id });
  return rows.length;
}

/** Messages still to send (queued, or claimed and not yet recorded). */
export async function pendingCount(db: Db, campaignId: string | undefined) {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(outbox)
    .where(and(inArray(outbox.status, ['queued', 'sending']), campaignId ? eq(outbox.campaignId, campaignId) : undefined));
  return rows[0]?.n ?? 0;
}

export async function activeCampaignIds(db: Db) {
  const rows = await db.execute(sql`select id from campaigns where response_deadline > now() order by id`);
  return rowsOf<{ id: string }>(rows).map((r) => r.id);
}
