// A fresh, migrated PostgreSQL database for one benchmark, dropped afterwards
// (kept, and its address printed, with BENCH_KEEP_DATABASE=1, to study its
// statements with EXPLAIN or pgbench after the run).
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openPostgres, type Database } from '../../../src/db/client.js';
import { migrateDatabase } from '../../../src/db/migrate.js';
import { BENCH_DATABASE_URL } from './report.js';

export async function benchDatabase(max = 10): Promise<Database & { url: string; drop(): Promise<void> }> {
  const name = `par_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(BENCH_DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(BENCH_DATABASE_URL);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString(), max);
  await migrateDatabase(database);
  return {
    ...database,
    url: url.toString(),
    async drop() {
      await database.close();
      if (process.env.BENCH_KEEP_DATABASE) {
        console.log(`kept benchmark database: ${url}`);
        return admin.end();
      }
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
