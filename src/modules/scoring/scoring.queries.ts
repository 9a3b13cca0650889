import { and, asc, eq, gt, isNull, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { campaignBodies, campaigns, invitations, responses, seals } from '../../db/schema/index.js';

export type SealRow = typeof seals.$inferSelect;

export async function listScoredBodies(db: Db, campaignId: string) {
  return db
    .select({ code: campaignBodies.code, name: campaignBodies.name, voidedAt: campaignBodies.voidedAt })
    .from(campaignBodies)
    .where(eq(campaignBodies.campaignId, campaignId))
    .orderBy(asc(campaignBodies.code));
}

/** Invitations not cancelled, per body and group. */
export async function invitedCounts(db: Db, campaignId: string) {
  return db
    .select({ bodyCode: invitations.bodyCode, groupCode: invitations.groupCode, invited: sql<number>`count(*)::int` })
    .from(invitations)
    .where(and(eq(invitations.campaignId, campaignId), ne(invitations.status, 'cancelled')))
    .groupBy(invitations.bodyCode, invitations.groupCode);
}

export const responseColumns = {
  id: responses.id,
  bodyCode: responses.bodyCode,
  groupCode: responses.groupCode,
  formCode: responses.formCode,
  answers: responses.answers,
  voided: sql<boolean>`${responses.voidedAt} is not null`,
};

/** One page of a campaign's responses in id order, after `afterId` (keyset paging keeps memory flat). */
export async function responsePage(db: Db, campaignId: string, afterId: string | null, limit: number) {
  return db
    .select(responseColumns)
    .from(responses)
    .where(afterId === null ? eq(responses.campaignId, campaignId) : and(eq(responses.campaignId, campaignId), gt(responses.id, afterId)))
    .orderBy(asc(responses.id))
    .limit(limit);
}

export async function findSeal(db: Db, campaignId: string): Promise<SealRow | undefined> {
  const [row] = await db.select().from(seals).where(eq(seals.campaignId, campaignId));
  return row;
}

/** Inserts the seal unless one exists; answers whether this call sealed. */
export async function insertSeal(db: Db, seal: Omit<SealRow, 'sealedAt'>): Promise<SealRow | undefined> {
  const [row] = await db
    .insert(seals)
    .values({ ...seal, sealedAt: sql`now()` })
    .onConflictDoNothing()
    .returning();
  return row;
}

/** Campaigns whose response deadline has passed (database clock) and that are not sealed. */
export async function campaignsDueForSeal(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .leftJoin(seals, eq(seals.campaignId, campaigns.id))
    .where(and(lte(campaigns.responseDeadline, sql`now()`), isNull(seals.campaignId)))
    .orderBy(asc(campaigns.id));
  return rows.map((r) => r.id);
}

export async function markPublished(db: Db, campaignId: string) {
  const [row] = await db
    .update(campaigns)
    .set({ publishedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(campaigns.id, campaignId), isNull(campaigns.publishedAt)))
    .returning({ publishedAt: campaigns.publishedAt });
  return row?.publishedAt ?? null;
}
