// A fresh, migrated database for one test file: an in-memory PGlite cloned from
// one migrated per worker, or, with TEST_DATABASE_URL, a PostgreSQL database
// cloned from the run's template and dropped afterwards.
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openPostgres, type Database } from '../../src/db/client.js';
import { wrapPglite } from '../../src/db/pglite.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { databaseUrlFor } from '../global-setup.js';

let migratedPglite: Promise<PGlite> | undefined;

async function pgliteTemplate(): Promise<PGlite> {
  migratedPglite ??= (async () => {
    const client = await PGlite.create();
    await migrateDatabase(wrapPglite(client));
    return client;
  })();
  return migratedPglite;
}

export type TestDatabase = Database & { url?: string };

export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.TEST_DATABASE_URL;
  const template = inject('pgTemplate');
  if (!base || !template) {
    const clone = (await (await pgliteTemplate()).clone()) as PGlite;
    return wrapPglite(clone);
  }
  const name = `par_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${template}`);
  const url = databaseUrlFor(base, name);
  const database = openPostgres(url, 10);
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
