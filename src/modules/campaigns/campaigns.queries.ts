import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import { campaignBodies, campaigns, seals } from '../../db/schema/index.js';

export type CampaignRow = typeof campaigns.$inferSelect;
export type CampaignBodyRow = typeof campaignBodies.$inferSelect;

/** The database clock: the one source of time for deadlines. */
export async function dbNow(db: Db): Promise<Date> {
  const [row] = rowsOf<{ now: string | Date }>(await db.execute(sql`select now() as now`));
  return new Date(row!.now);
}

export async function campaignExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, id));
  return row !== undefined;
}

export async function campaignHasBody(db: Db, campaignId: string, code: string): Promise<boolean> {
  const [row] = await db
    .select({ code: campaignBodies.code })
    .from(campaignBodies)
    .where(and(eq(campaignBodies.campaignId, campaignId), eq(campaignBodies.code, code)));
  return row !== undefined;
}

export async function findCampaign(db: Db, id: string): Promise<CampaignRow | undefined> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  return row;
}

export async function insertCampaign(db: Db, campaign: typeof campaigns.$inferInsert, bodies: (typeof campaignBodies.$inferInsert)[]) {
  await db.insert(campaigns).values(campaign);
  if (bodies.length) await db.insert(campaignBodies).values(bodies);
}

/** Campaigns, newest first; for an officer only those including their body. */
export async function listCampaigns(db: Db, bodyCode: string | null) {
  const columns = {
    id: campaigns.id,
    name: campaigns.name,
    year: campaigns.year,
    level: campaigns.level,
    preset: campaigns.preset,
    listDeadline: campaigns.listDeadline,
    responseDeadline: campaigns.responseDeadline,
    publishedAt: campaigns.publishedAt,
  };
  if (bodyCode === null) return db.select(columns).from(campaigns).orderBy(sql`${campaigns.year} desc`, asc(campaigns.id));
  return db
    .select(columns)
    .from(campaigns)
    .innerJoin(campaignBodies, and(eq(campaignBodies.campaignId, campaigns.id), eq(campaignBodies.code, bodyCode)))
    .orderBy(sql`${campaigns.year} desc`, asc(campaigns.id));
}

export async function updateCampaignDeadlines(db: Db, id: string, deadlines: { listDeadline: Date; responseDeadline: Date }) {
  await db.update(campaigns).set({ ...deadlines, updatedAt: sql`now()` }).where(eq(campaigns.id, id));
}

export async function findCampaignBody(db: Db, campaignId: string, code: string): Promise<CampaignBodyRow | undefined> {
  const [row] = await db
    .select()
    .from(campaignBodies)
    .where(and(eq(campaignBodies.campaignId, campaignId), eq(campaignBodies.code, code)));
  return row;
}

export async function listCampaignBodies(db: Db, campaignId: string): Promise<CampaignBodyRow[]> {
  return db.select().from(campaignBodies).where(eq(campaignBodies.campaignId, campaignId)).orderBy(asc(campaignBodies.code));
}

export async function updateCampaignBody(
  db: Db,
  campaignId: string,
  code: string,
  changes: Partial<Omit<CampaignBodyRow, 'campaignId' | 'code' | 'createdAt'>>,
): Promise<CampaignBodyRow | undefined> {
  const [row] = await db
    .update(campaignBodies)
    .set(changes)
    .where(and(eq(campaignBodies.campaignId, campaignId), eq(campaignBodies.code, code)))
    .returning();
  return row;
}

/** Whether the campaign's inputs are sealed for scoring (the response deadline is then fixed). */
export async function isSealed(db: Db, campaignId: string): Promise<boolean> {
  const [row] = await db.select({ id: seals.campaignId }).from(seals).where(and(eq(seals.campaignId, campaignId), isNull(seals.unsealedAt))).limit(1);
  return row !== undefined;
}
