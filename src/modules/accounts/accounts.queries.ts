import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { campaignBodies, users } from '../../db/schema/index.js';

const publicColumns = {
  id: users.id,
  username: users.username,
  role: users.role,
  bodyCode: users.bodyCode,
  displayName: users.displayName,
  disabled: users.disabled,
  createdAt: users.createdAt,
};

export type UserRow = typeof users.$inferSelect;
export type PublicUser = Pick<UserRow, keyof typeof publicColumns>;

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function listUsers(db: Db): Promise<PublicUser[]> {
  return db.select(publicColumns).from(users).orderBy(asc(users.role), asc(users.bodyCode), asc(users.username));
}

export async function insertUser(db: Db, values: typeof users.$inferInsert): Promise<PublicUser> {
  const [row] = await db.insert(users).values(values).returning(publicColumns);
  return row!;
}

export async function insertUsers(db: Db, values: (typeof users.$inferInsert)[]): Promise<void> {
  await db.insert(users).values(values);
}

export async function updateUser(
  db: Db,
  id: string,
  changes: Partial<Pick<UserRow, 'passwordHash' | 'disabled' | 'displayName'>> & { revoke?: boolean },
): Promise<PublicUser | undefined> {
  const { revoke, ...values } = changes;
  const [row] = await db
    .update(users)
    .set({ ...values, updatedAt: sql`now()`, ...(revoke ? { tokenVersion: sql`${users.tokenVersion} + 1` } : {}) })
    .where(eq(users.id, id))
    .returning(publicColumns);
  return row;
}

export async function bodyCodeKnown(db: Db, code: string): Promise<boolean> {
  const [row] = await db.select({ code: campaignBodies.code }).from(campaignBodies).where(eq(campaignBodies.code, code)).limit(1);
  return row !== undefined;
}
