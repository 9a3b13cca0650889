import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { invitations, outbox, respondents } from '../../db/schema/index.js';
import type { ExistingInvitation, ListedPerson } from './invitation-plan.js';

const CHUNK = 5000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export async function listedPeople(db: Db, campaignId: string, bodyCode: string): Promise<ListedPerson[]> {
  return db
    .select({ respondentId: respondents.id, groupCode: respondents.groupCode, emailNorm: respondents.emailNorm })
    .from(respondents)
    .where(and(eq(respondents.campaignId, campaignId), eq(respondents.bodyCode, bodyCode), isNull(respondents.mergedInto)));
}

export async function invitationsOfBody(db: Db, campaignId: string, bodyCode: string): Promise<ExistingInvitation[]> {
  return db
    .select({ id: invitations.id, emailNorm: invitations.emailNorm, groupCode: invitations.groupCode, respondentId: invitations.respondentId, status: invitations.status })
    .from(invitations)
    .where(and(eq(invitations.campaignId, campaignId), eq(invitations.bodyCode, bodyCode)));
}

export type NewInvitation = { id: string; campaignId: string; bodyCode: string; groupCode: string; respondentId: string; emailNorm: string; tokenHash: Buffer };

/** Rows per statement of a list's invitations or messages, sent as one JSON value: building the SQL of thousands of parameters cost more than the insert. */
const JSON_CHUNK = 1000;

export async function insertInvitations(db: Db, rows: readonly NewInvitation[]) {
  for (let i = 0; i < rows.length; i += JSON_CHUNK) {
    const part = JSON.stringify(rows.slice(i, i + JSON_CHUNK).map((r) => ({ ...r, tokenHash: r.tokenHash.toString('hex') })));
    await db.execute(sql`
      insert into invitations (id, campaign_id, body_code, group_code, respondent_id, email_norm, token_hash)
      select r."id", r."campaignId", r."bodyCode", r."groupCode", r."respondentId", r."emailNorm", decode(r."tokenHash", 'hex')
      from jsonb_to_recordset(${part}::jsonb) as r("id" uuid, "campaignId" text, "bodyCode" text, "groupCode" text, "respondentId" uuid, "emailNorm" text, "tokenHash" text)`);
  }
}

export async function relinkInvitation(db: Db, change: { id: string; respondentId: string; groupCode: string; revive: boolean }) {
  await db
    .update(invitations)
    .set({
      respondentId: change.respondentId,
      groupCode: change.groupCode,
      updatedAt: sql`now()`,
      ...(change.revive ? { status: 'active' as const } : {}),
    })
    .where(eq(invitations.id, change.id));
}

export async function cancelInvitations(db: Db, ids: readonly string[]) {
  for (const part of chunks(ids)) {
    await db.update(invitations).set({ status: 'cancelled', updatedAt: sql`now()` }).where(and(inArray(invitations.id, part), eq(invitations.status, 'active')));
    await db.update(outbox).set({ status: 'cancelled' }).where(and(inArray(outbox.invitationId, part), inArray(outbox.status, ['queued', 'failed'])));
  }
}

export type NewMessage = { campaignId: string; invitationId: string; kind: (typeof outbox.$inferInsert)['kind']; messageId: string };

export async function enqueueMessages(db: Db, rows: readonly NewMessage[]) {
  for (let i = 0; i < rows.length; i += JSON_CHUNK) {
    const part = JSON.stringify(rows.slice(i, i + JSON_CHUNK));
    await db.execute(sql`
      insert into outbox (campaign_id, invitation_id, kind, message_id)
      select r."campaignId", r."invitationId", r."kind"::outbox_kind, r."messageId"
      from jsonb_to_recordset(${part}::jsonb) as r("campaignId" text, "invitationId" uuid, "kind" text, "messageId" text)`);
  }
}
