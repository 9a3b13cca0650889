import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { sessions, users } from '../../db/schema/index.js';

export type SessionUser = typeof users.$inferSelect & { bodyName: string | null };

export async function insertSession(db: Db, userId: string, hours: number): Promise<{ id: string; expiresAt: Date }> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, sql`now()`)));
  const [row] = await db
    .insert(sessions)
    .values({ userId, expiresAt: sql`now() + make_interval(hours => ${hours})` })
    .returning({ id: sessions.id, expiresAt: sessions.expiresAt });
  return row!;
}

/** The user behind a live session, with the name of the body an officer acts for; one statement per request. */
export async function findSessionUser(db: Db, sessionId: string, userId: string): Promise<SessionUser | undefined> {
  const [row] = await db
    .select({
      user: users,
      bodyName: sql<string | null>`(select cb.name from campaign_bodies cb where cb.code = ${users.bodyCode} limit 1)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), sql`${sessions.expiresAt} > now()`));
  return row ? { ...row.user, bodyName: row.bodyName } : undefined;
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
