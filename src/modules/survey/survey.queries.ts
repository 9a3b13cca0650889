// Data access for the respondent's questionnaire. Every state change is guarded
// in SQL: a draft is written only while its invitation is active and the
// campaign open (database clock), and a submission is one statement that
// completes the invitation and stores the response, or does nothing.
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';

export type InvitationRow = {
  id: string;
  campaignId: string;
  bodyCode: string;
  bodyName: string;
  groupCode: string;
  status: 'active' | 'completed' | 'cancelled';
  firstOpenedAt: Date | null;
  reported: boolean;
  responseDeadline: Date;
  closed: boolean;
  draft: unknown;
};

const toDate = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(v as string));

/** The invitation behind a token hash, with its campaign's deadline judged on the database clock. */
export async function findInvitation(db: Db, hash: Buffer): Promise<InvitationRow | undefined> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select i.id, i.campaign_id, i.body_code, b.name as body_name, i.group_code, i.status, i.first_opened_at,
        i.reported_at is not null as reported, c.response_deadline, now() > c.response_deadline as closed, d.answers as draft
      from invitations i
      join campaigns c on c.id = i.campaign_id
      join campaign_bodies b on b.campaign_id = i.campaign_id and b.code = i.body_code
      left join drafts d on d.invitation_id = i.id
      where i.token_hash = ${hash}`),
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    id: r.id as string,
    campaignId: r.campaign_id as string,
    bodyCode: r.body_code as string,
    bodyName: r.body_name as string,
    groupCode: r.group_code as string,
    status: r.status as InvitationRow['status'],
    firstOpenedAt: toDate(r.first_opened_at),
    reported: Boolean(r.reported),
    responseDeadline: toDate(r.response_deadline)!,
    closed: Boolean(r.closed),
    draft: typeof r.draft === 'string' ? JSON.parse(r.draft) : r.draft,
  };
}

/**
 * Records an opening: the first time (precise until submission) and, for a
 * device not seen before on this invitation, one more distinct device.
 */
export async function recordOpening(db: Db, invitationId: string, deviceKey: Buffer, firstTime: boolean) {
  await db.execute(sql`
    with dev as (
      insert into invitation_devices (invitation_id, device_key) values (${invitationId}, ${deviceKey})
      on conflict do nothing returning 1
    )
    update invitations set devices_seen = devices_seen + (select count(*) from dev)::int,
      first_opened_at = coalesce(first_opened_at, now())
    where id = ${invitationId} and status = 'active' and (${firstTime} or exists (select 1 from dev))`);
}

/**
 * Keeps partial answers. The invitation row is share-locked, so a save racing a
 * submission either lands before it (and is deleted with it) or finds the
 * invitation completed and writes nothing. Returns false when nothing was saved.
 */
export async function saveDraft(db: Db, invitationId: string, answers: unknown): Promise<boolean> {
  const rows = rowsOf(
    await db.execute(sql`
      with inv as (
        select i.id from invitations i join campaigns c on c.id = i.campaign_id
        where i.id = ${invitationId} and i.status = 'active' and now() <= c.response_deadline
        for share of i
      )
      insert into drafts (invitation_id, answers, saved_at)
      select id, ${JSON.stringify(answers)}::jsonb, now() from inv
      on conflict (invitation_id) do update set answers = excluded.answers, saved_at = excluded.saved_at
      returning 1`),
  );
  return rows.length > 0;
}

export type Submission = {
  tokenHash: Buffer;
  formCode: string;
  answers: unknown;
  ipHash: string;
  netHash: string;
  uaHash: string;
  jsEnabled: boolean;
};

/**
 * One statement: the invitation goes from active to completed (only if the
 * campaign is still open), its precise times are cut to the day, its draft and
 * device keys are deleted, and the response is inserted with no link back to
 * it. Concurrent submissions of one link serialise on the invitation row and
 * all but one find it no longer active. Returns whether this call stored it.
 */
export async function submitResponse(db: Db, s: Submission): Promise<boolean> {
  const rows = rowsOf(
    await db.execute(sql`
      with inv as (
        update invitations i set
          status = 'completed',
          completed_on = (now() at time zone 'Asia/Ho_Chi_Minh')::date,
          first_opened_at = date_trunc('day', coalesce(o.first_opened_at, now()) at time zone 'Asia/Ho_Chi_Minh') at time zone 'Asia/Ho_Chi_Minh',
          updated_at = date_trunc('day', now() at time zone 'Asia/Ho_Chi_Minh') at time zone 'Asia/Ho_Chi_Minh'
        from invitations o, campaigns c
        where i.token_hash = ${s.tokenHash} and o.id = i.id and i.status = 'active'
          and c.id = i.campaign_id and now() <= c.response_deadline
        returning i.id, i.campaign_id, i.body_code, i.group_code, i.devices_seen,
          extract(epoch from now() - o.first_opened_at)::int as seconds_spent
      ),
      gone_draft as (delete from drafts where invitation_id in (select id from inv)),
      gone_devices as (delete from invitation_devices where invitation_id in (select id from inv)),
      stored as (
        insert into responses (campaign_id, body_code, group_code, form_code, submitted_at, answers,
          seconds_spent, ip_hash, net_hash, ua_hash, js_enabled, devices_seen)
        select campaign_id, body_code, group_code, ${s.formCode}, date_trunc('minute', now()), ${JSON.stringify(s.answers)}::jsonb,
          seconds_spent, ${s.ipHash}, ${s.netHash}, ${s.uaHash}, ${s.jsEnabled}, greatest(devices_seen, 1)
        from inv
        returning 1
      )
      select count(*)::int as n from stored`),
  );
  return Number((rows[0] as { n: number } | undefined)?.n ?? 0) === 1;
}

/** A "Báo cáo bất thường": counted per body; the invitation keeps only the day it reported. */
export async function insertReport(db: Db, invitationId: string, kind: string, message: string | null): Promise<boolean> {
  const rows = rowsOf(
    await db.execute(sql`
      with inv as (
        update invitations set reported_at = date_trunc('day', now() at time zone 'Asia/Ho_Chi_Minh') at time zone 'Asia/Ho_Chi_Minh'
        where id = ${invitationId} and reported_at is null and status <> 'cancelled'
        returning campaign_id, body_code
      )
      insert into reports (campaign_id, body_code, kind, message, created_at)
      select campaign_id, body_code, ${kind}, ${message}, date_trunc('day', now() at time zone 'Asia/Ho_Chi_Minh') at time zone 'Asia/Ho_Chi_Minh' from inv
      returning 1`),
  );
  return rows.length > 0;
}
