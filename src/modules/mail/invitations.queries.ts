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

export async function insertInvitations(db: Db, rows: (typeof invitations.$inferInsert)[]) {
  for (const part of chunks(rows)) await db.insert(invitations).values(part);
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

export async function enqueueMessages(db: Db, rows: (typeof outbox.$inferInsert)[]) {
  for (const part of chunks(rows)) await db.insert(outbox).values(part);
}
