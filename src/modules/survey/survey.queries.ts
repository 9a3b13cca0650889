// Data access for the respondent's questionnaire. Every state change is guarded
// in SQL: a draft is written only while its invitation is active and the
// campaign open (database clock), and a submission is one statement that
// completes the invitation and drops the sealed answers in the ballot box, or
// does nothing.
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';

export type InvitationRow = {
  id: string;
  campaignId: string;
  bodyCode: string;
  groupCode: string;
  status: 'active' | 'completed' | 'cancelled';
  /** The link has been opened before. */
  opened: boolean;
  reported: boolean;
  /** The device key of the last opening written, if any. */
  lastDevice: Buffer | null;
  responseDeadline: Date;
  closed: boolean;
  draft: unknown;
  /** Active seconds the page reported before this request. */
  activeSeconds: number;
};

const toDate = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(v as string));

/**
 * The invitation behind a token hash, with its campaign's deadline judged on
 * the database clock. One probe of the link's row (and its campaign's): this
 * runs for every page, so the device check is a column of the row, not a
 * lookup in invitation_devices.
 */
export async function findInvitation(db: Db, hash: Buffer): Promise<InvitationRow | undefined> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select i.id, i.campaign_id, i.body_code, i.group_code, i.status, i.first_opened_at is not null as opened,
        i.reported_at is not null as reported, i.last_device, c.response_deadline, now() > c.response_deadline as closed,
        d.answers as draft, coalesce(d.active_seconds, 0) as active_seconds
      from invitations i
      join campaigns c on c.id = i.campaign_id
      left join drafts d on d.invitation_id = i.id
      where i.token_hash = ${hash}`),
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    id: r.id as string,
    campaignId: r.campaign_id as string,
    bodyCode: r.body_code as string,
    groupCode: r.group_code as string,
    status: r.status as InvitationRow['status'],
    opened: Boolean(r.opened),
    reported: Boolean(r.reported),
    lastDevice: r.last_device ? Buffer.from(r.last_device as Uint8Array) : null,
    responseDeadline: toDate(r.response_deadline)!,
    closed: Boolean(r.closed),
    draft: typeof r.draft === 'string' ? JSON.parse(r.draft) : r.draft,
    activeSeconds: Number(r.active_seconds ?? 0),
  };
}

export type Opening = { invitationId: string; deviceKey: Buffer };

/**
 * Records openings, any number in one statement: the first time (precise
 * until submission), for each device not seen before on its link one more
 * distinct device, and the device that opened it last. The links are locked
 * in one order before anything is written, so two such statements, or one
 * and a submission, never wait on each other's links crosswise (a rarer
 * deadlock on progress counters makes the group writer retry each opening
 * alone).
 */
export async function recordOpenings(db: Db, openings: Opening[]): Promise<void[]> {
  const input = JSON.stringify(openings.map((o) => [o.invitationId, o.deviceKey.toString('hex')]));
  await db.execute(sql`
    with input as (
      select distinct (o ->> 0)::uuid as id, decode(o ->> 1, 'hex') as device_key from jsonb_array_elements(${input}::jsonb) o
    ),
    inv as (select id from invitations where id = any (array(select id from input)) and status = 'active' order by id for update),
    dev as (
      insert into invitation_devices (invitation_id, device_key)
      select t.id, t.device_key from input t where t.id in (select id from inv)
      on conflict do nothing returning invitation_id
    ),
    last as (select distinct on (id) id, device_key from input order by id, device_key),
    seen as (select i.id, (select count(*) from dev where dev.invitation_id = i.id)::int as n, l.device_key from inv i join last l on l.id = i.id)
    update invitations v set devices_seen = v.devices_seen + s.n, first_opened_at = coalesce(v.first_opened_at, now()), last_device = s.device_key
    from seen s
    where v.id = s.id and (v.first_opened_at is null or s.n > 0 or v.last_device is distinct from s.device_key)`);
  return openings.map(() => undefined);
}

/**
 * Keeps partial answers. The invitation row is share-locked, so a save racing a
 * submission either lands before it (and the completion's trigger, with a
 * fresh snapshot, deletes it) or finds the invitation completed and writes
 * nothing. Returns false when nothing was saved.
 */
export async function saveDraft(db: Db, invitationId: string, answers: unknown, activeSeconds = 0): Promise<boolean> {
  const rows = rowsOf(
    await db.execute(sql`
      with inv as (
        select i.id from invitations i join campaigns c on c.id = i.campaign_id
        where i.id = ${invitationId} and i.status = 'active' and now() <= c.response_deadline
        for share of i
      )
      insert into drafts (invitation_id, answers, saved_at, active_seconds)
      select id, ${JSON.stringify(answers)}::jsonb, now(), ${activeSeconds} from inv
      on conflict (invitation_id) do update set answers = excluded.answers, saved_at = excluded.saved_at,
        active_seconds = drafts.active_seconds + excluded.active_seconds
      returning 1`),
  );
  return rows.length > 0;
}

export type Submission = {
  tokenHash: Buffer;
  /** The ballot, sealed; see ballot.ts. */
  sealed: Buffer;
  /** Hash of the form's idempotency key, kept with the invitation for retries. */
  receipt: Buffer | null;
  /** The form the answers were checked against, when they were checked before the link was looked up. */
  context?: { campaign: string; body: string; group: string };
};

/**
 * Stores submissions, any number in one statement: each invitation goes from
 * active to completed (only if the campaign is still open and, when the
 * submission states its form, only if the link is that form's), its precise
 * times are cut to the day, its last device key is cleared, its sealed ballot
 * goes into the box with only its cell, and it is counted in its 10-minute
 * bucket. The completion's trigger deletes the draft and the device keys and
 * counts it in the progress counters. The links are locked in one order
 * (found by index, whatever the number of submissions) before anything is
 * written.
 * Submissions of one link, in one statement or in concurrent ones, serialise
 * on its row and all but one find it no longer active. Returns, for each
 * submission in order, whether it was stored.
 */
export async function submitBallots(db: Db, submissions: Submission[]): Promise<boolean[]> {
  const input = JSON.stringify(
    submissions.map((s) => [s.tokenHash.toString('hex'), s.sealed.toString('base64'), s.receipt?.toString('hex') ?? null, s.context?.campaign ?? null, s.context?.body ?? null, s.context?.group ?? null]),
  );
  const rows = rowsOf<{ n: number | string }>(
    await db.execute(sql`
      with input as (
        select distinct on (token_hash) * from (
          select s.n::int as n, decode(s.v ->> 0, 'hex') as token_hash, decode(s.v ->> 1, 'base64') as sealed, decode(s.v ->> 2, 'hex') as receipt,
            s.v ->> 3 as campaign_id, s.v ->> 4 as body_code, s.v ->> 5 as group_code
          from jsonb_array_elements(${input}::jsonb) with ordinality as s(v, n)
        ) t order by token_hash, n
      ),
      locked as (
        select i.id from invitations i where i.token_hash = any (array(select token_hash from input)) and i.status = 'active' order by i.id for update
      ),
      inv as (
        update invitations i set
          status = 'completed',
          first_opened_at = date_trunc('day', coalesce(i.first_opened_at, now()) at time zone 'Asia/Ho_Chi_Minh') at time zone 'Asia/Ho_Chi_Minh',
          updated_at = date_trunc('day', now() at time zone 'Asia/Ho_Chi_Minh') at time zone 'Asia/Ho_Chi_Minh',
          receipt_hash = t.receipt,
          last_device = null
        from campaigns c, input t
        where i.id = any (array(select id from locked)) and i.token_hash = t.token_hash and i.status = 'active' and c.id = i.campaign_id and now() <= c.response_deadline
          and (t.campaign_id is null or (i.campaign_id, i.body_code, i.group_code) = (t.campaign_id, t.body_code, t.group_code))
        returning t.n, i.campaign_id, i.body_code, i.group_code
      ),
      counted as (
        insert into submission_counts as c (campaign_id, body_code, group_code, bucket, shard, n)
        select campaign_id, body_code, group_code, to_timestamp(floor(extract(epoch from now()) / 600) * 600), (txid_current() % 4)::smallint, count(*)::int
        from inv group by campaign_id, body_code, group_code order by campaign_id, body_code, group_code
        on conflict (campaign_id, body_code, group_code, bucket, shard) do update set n = c.n + excluded.n
      ),
      boxed as (
        insert into ballot_box (campaign_id, body_code, group_code, sealed)
        select v.campaign_id, v.body_code, v.group_code, t.sealed from inv v join input t on t.n = v.n
      )
      select n from inv`),
  );
  const stored = new Set(rows.map((r) => Number(r.n)));
  return submissions.map((_, i) => stored.has(i + 1));
}

/** Whether a completed invitation was submitted with this idempotency key. */
export async function hasReceipt(db: Db, invitationId: string, keyHash: Buffer): Promise<boolean> {
  const rows = rowsOf(await db.execute(sql`select 1 from invitations where id = ${invitationId} and receipt_hash = ${keyHash}`));
  return rows.length > 0;
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
