import { and, asc, desc, eq, gt, isNull, lte, ne, sql } from 'drizzle-orm';
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
  /** jsonb's own text form: canonical (sorted keys, fixed spacing), hashed as is and parsed once here. */
  answersText: sql<string>`${responses.answers}::text`,
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

/** The seal in force: the latest version not unsealed. */
export async function findSeal(db: Db, campaignId: string): Promise<SealRow | undefined> {
  const [row] = await db
    .select()
    .from(seals)
    .where(and(eq(seals.campaignId, campaignId), isNull(seals.unsealedAt)))
    .orderBy(desc(seals.version))
    .limit(1);
  return row;
}

/** The latest sealed version, in force or not, and the one before it. */
export async function lastSeals(db: Db, campaignId: string): Promise<SealRow[]> {
  return db.select().from(seals).where(eq(seals.campaignId, campaignId)).orderBy(desc(seals.version)).limit(2);
}

export async function listSeals(db: Db, campaignId: string) {
  return db
    .select({ version: seals.version, sealedAt: seals.sealedAt, sealedBy: seals.sealedBy, digest: seals.digest, responses: seals.responses, unsealedAt: seals.unsealedAt, unsealedBy: seals.unsealedBy, unsealReason: seals.unsealReason })
    .from(seals)
    .where(eq(seals.campaignId, campaignId))
    .orderBy(asc(seals.version));
}

/** Inserts the next version unless a seal is in force; answers the new row, or nothing. */
export async function insertSeal(db: Db, seal: Omit<SealRow, 'sealedAt' | 'version' | 'unsealedAt' | 'unsealedBy' | 'unsealReason'>): Promise<SealRow | undefined> {
  if (await findSeal(db, seal.campaignId)) return undefined;
  const [last] = await db.select({ version: sql<number>`coalesce(max(${seals.version}), 0)::int` }).from(seals).where(eq(seals.campaignId, seal.campaignId));
  const [row] = await db
    .insert(seals)
    .values({ ...seal, version: (last?.version ?? 0) + 1, sealedAt: sql`now()` })
    .onConflictDoNothing()
    .returning();
  return row;
}

/** Ends the seal in force; answers it, or nothing when none was. */
export async function unseal(db: Db, campaignId: string, actor: string, reason: string): Promise<SealRow | undefined> {
  const [row] = await db
    .update(seals)
    .set({ unsealedAt: sql`now()`, unsealedBy: actor, unsealReason: reason })
    .where(and(eq(seals.campaignId, campaignId), isNull(seals.unsealedAt)))
    .returning();
  return row;
}

/** Campaigns whose response deadline has passed (database clock) and that were never sealed (an unsealed one waits for MOHA). */
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
