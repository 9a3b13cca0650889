import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';

/** A claimed message with what it takes to write it. */
export type ClaimedMessage = {
  id: number;
  kind: 'invitation' | 'reminder';
  messageId: string;
  attempts: number;
  campaignId: string;
  invitationId: string;
  version: number;
  groupCode: string;
  bodyCode: string;
  invitationStatus: 'active' | 'completed' | 'cancelled';
  mailStatus: 'queued' | 'sent' | 'bounced' | 'failed';
  email: string;
  fullName: string | null;
  bodyName: string;
  itName: string | null;
  itTitle: string | null;
  itMobile: string | null;
};

/**
 * Claims due messages for one sender. SKIP LOCKED lets several senders claim
 * side by side without waiting on or taking each other's rows; the lease moves
 * the row's next attempt past now, so only a sender that died (lease expired)
 * leaves its rows to be claimed again.
 */
export async function claimDue(db: Db, o: { worker: string; limit: number; leaseSeconds: number; campaignId?: string | undefined }): Promise<ClaimedMessage[]> {
  const campaignFilter = o.campaignId ? sql`and campaign_id = ${o.campaignId}` : sql``;
  const rows = await db.execute(sql`
    with due as (
      select id from outbox
      where status in ('queued', 'sending') and next_attempt_at <= now() ${campaignFilter}
      order by next_attempt_at
      limit ${o.limit}
      for update skip locked
    ), claimed as (
      update outbox o
      set status = 'sending', attempts = o.attempts + 1, leased_by = ${o.worker},
          lease_until = now() + make_interval(secs => ${o.leaseSeconds}),
          next_attempt_at = now() + make_interval(secs => ${o.leaseSeconds})
      from due where o.id = due.id
      returning o.id, o.kind, o.message_id, o.attempts, o.campaign_id, o.invitation_id
    )
    select c.id::int as "id", c.kind as "kind", c.message_id as "messageId", c.attempts as "attempts",
           c.campaign_id as "campaignId", c.invitation_id as "invitationId",
           i.version as "version", i.group_code as "groupCode", i.body_code as "bodyCode",
           i.status as "invitationStatus", i.mail_status as "mailStatus", i.email_norm as "email",
           r.full_name as "fullName", b.name as "bodyName",
           b.it_contact_name as "itName", b.it_contact_title as "itTitle", b.it_contact_mobile as "itMobile"
    from claimed c
    join invitations i on i.id = c.invitation_id
    left join respondents r on r.id = i.respondent_id
    join campaign_bodies b on b.campaign_id = i.campaign_id and b.code = i.body_code
    order by c.id`);
  return rowsOf<ClaimedMessage>(rows);
}

export type Result = { id: number; status: 'sent' | 'queued' | 'bounced' | 'failed' | 'cancelled'; reply: string | null; delaySeconds: number };

/**
 * Records outcomes for rows this sender still holds (a sender whose lease was
 * taken over records nothing), and carries them to the invitations in the
 * same statement: sent, bounced with the reply, or failed.
 */
export async function recordResults(db: Db, worker: string, results: readonly Result[]) {
  if (results.length === 0) return;
  const values = sql.join(
    results.map((r) => sql`(${r.id}::bigint, ${r.status}::outbox_status, ${r.reply}::text, ${r.delaySeconds}::float8)`),
    sql`, `,
  );
  await db.execute(sql`
    with v(id, status, reply, delay) as (values ${values}),
    done as (
      update outbox o
      set status = v.status, last_reply = coalesce(v.reply, o.last_reply), lease_until = null, leased_by = null,
          sent_at = case when v.status = 'sent' then now() else o.sent_at end,
          next_attempt_at = case when v.status = 'queued' then now() + make_interval(secs => v.delay) else o.next_attempt_at end
      from v where o.id = v.id and o.leased_by = ${worker} and o.status = 'sending'
      returning o.invitation_id, v.status, v.reply
    )
    update invitations i
    set mail_status = (case when d.status = 'sent' then 'sent' when d.status = 'bounced' then 'bounced' else 'failed' end)::mail_status,
        bounce_reason = case when d.status = 'bounced' then d.reply else i.bounce_reason end,
        updated_at = now()
    from done d
    where i.id = d.invitation_id
      and (d.status = 'bounced' or (d.status in ('sent', 'failed') and i.mail_status in ('queued', 'failed')))`);
}

/** Gives claimed rows back untouched (the sender paused before sending them). */
export async function releaseClaims(db: Db, worker: string, ids: readonly number[], delaySeconds: number) {
  if (ids.length === 0) return;
  await db.execute(sql`
    update outbox set status = 'queued', attempts = greatest(attempts - 1, 0), lease_until = null, leased_by = null,
      next_attempt_at = now() + make_interval(secs => ${delaySeconds})
    where leased_by = ${worker} and status = 'sending' and id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
}

export function idList(ids: readonly (number | string)[]): SQL {
  return sql.join(ids.map((id) => sql`${id}`), sql`, `);
}
