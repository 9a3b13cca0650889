import { fileURLToPath } from 'node:url';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Database } from './client.js';

export const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

/** Arbitrary constant naming the advisory lock that serialises migrations. */
const MIGRATION_LOCK = 7_156_2023;

/**
 * Applies pending migrations. On PostgreSQL several processes may start at
 * once, so the work runs on one dedicated connection under an advisory lock.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    const [{ migrate: migratePglite }, { drizzle: drizzlePglite }] = await Promise.all([import('drizzle-orm/pglite/migrator'), import('drizzle-orm/pglite')]);
    await migratePglite(drizzlePglite({ client: database.pglite! }), { migrationsFolder });
    return;
  }
  const client = postgres(database.url!, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzlePostgres({ client }), { migrationsFolder });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await client.end({ timeout: 5 });
  }
}
