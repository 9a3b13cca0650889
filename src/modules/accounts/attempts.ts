// Attempt counters kept in PostgreSQL, so every process shares one limit:
// N processes never allow N times the tries. A counter is a row per key and
// fixed window; one statement raises several counters and returns each with
// the previous window's count added, so a limit does not reset all at once at
// a window's edge. Client addresses are kept only as keyed hashes.
import { createHmac } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';

export type AttemptCount = { key: string; count: number };

/** A stable, keyed hash of a client address: counts can be kept, the address cannot be read back. */
export function addressKey(secret: string, kind: string, ip: string): string {
  return `${kind}:${createHmac('sha256', secret).update(`address|${ip}`).digest('base64url').slice(0, 32)}`;
}

const windowStart = (seconds: number) => sql`to_timestamp(floor(extract(epoch from now()) / ${seconds}) * ${seconds})`;

/**
 * The statement that counts: adds one to each row `source` yields (key,
 * window_start, 1) and returns each key's count over this window and the last.
 */
export function countStatement(source: SQL, windowSeconds: number): SQL {
  return sql`
    with hit as (
      insert into attempt_counters (key, window_start, count) ${source}
      on conflict (key, window_start) do update set count = attempt_counters.count + 1
      returning key, window_start, count)
    select hit.key, hit.count + coalesce((
      select p.count from attempt_counters p
      where p.key = hit.key and p.window_start = hit.window_start - make_interval(secs => ${windowSeconds})), 0) as count
    from hit`;
}

/** Adds one to each key's counter and returns the counts over the current and previous window. */
export async function countAttempts(db: Db, keys: string[], windowSeconds: number): Promise<AttemptCount[]> {
  if (Math.random() < 1 / 200) await forgetOldAttempts(db);
  const values = sql.join(keys.map((k) => sql`(${k}, ${windowStart(windowSeconds)}, 1)`), sql`, `);
  const rows = rowsOf<{ key: string; count: number }>(await db.execute(countStatement(sql`values ${values}`, windowSeconds)));
  return rows.map((r) => ({ key: r.key, count: Number(r.count) }));
}

export { windowStart };

/** Reads the current window's counts without changing them. */
export async function peekAttempts(db: Db, keys: string[], windowSeconds: number): Promise<AttemptCount[]> {
  const rows = rowsOf<{ key: string; count: number }>(
    await db.execute(sql`
      select key, count from attempt_counters
      where key in (${sql.join(keys.map((k) => sql`${k}`), sql`, `)}) and window_start = ${windowStart(windowSeconds)}`),
  );
  return rows.map((r) => ({ key: r.key, count: Number(r.count) }));
}

/** Gives back attempts that turned out to be legitimate (a successful login). */
export async function forgiveAttempts(db: Db, keys: string[], windowSeconds: number): Promise<void> {
  await db.execute(sql`
    update attempt_counters set count = greatest(count - 1, 0)
    where key in (${sql.join(keys.map((k) => sql`${k}`), sql`, `)}) and window_start = ${windowStart(windowSeconds)}`);
}

export async function forgetOldAttempts(db: Db): Promise<void> {
  await db.execute(sql`delete from attempt_counters where window_start < now() - interval '1 day'`);
}
