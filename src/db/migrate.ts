import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Database } from './client.js';
import { packagePath } from '../package-path.js';

export const migrationsFolder = packagePath('migrations');

/** Arbitrary constant naming the advisory lock that serialises migrations. */
const MIGRATION_LOCK = 7_156_2023;

/**
 * Applies pending migrations. On PostgreSQL several processes may start at
 * once, so the work runs on one dedicated connection under an advisory lock.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    const [{ drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([import('drizzle-orm/pglite'), import('drizzle-orm/pglite/migrator')]);
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
