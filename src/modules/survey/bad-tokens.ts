// Guessing links is made useless by counting, per client address, the links
// that never existed: past the limit within the window, such links from that
// address are answered "too many" instead of "not found". A valid link always
// opens, and a link that once worked (replaced after an address fix, expired,
// cancelled) is a mistake, not a guess, so an office sharing one address is
// not locked out by one person. Counts live in PostgreSQL, shared by every
// process, over the current and previous window; the address is kept only as
// a keyed hash.
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import { addressKey, countStatement, forgetOldAttempts, windowStart } from '../accounts/attempts.js';

export type BadTokenLimiter = ReturnType<typeof createBadTokenLimiter>;

export function createBadTokenLimiter({ db, secret, limit, windowMs }: { db: Db; secret: string; limit: number; windowMs: number }) {
  const seconds = Math.max(1, Math.round(windowMs / 1000));
  return {
    /**
     * Called for a link that matched no invitation. Counts it unless it once
     * existed, in one statement; true when the address is past the limit.
     */
    async miss(ip: string, tokenHash: Buffer): Promise<boolean> {
      if (Math.random() < 1 / 200) await forgetOldAttempts(db);
      const source = sql`
        select ${addressKey(secret, 'bad-link', ip)}, ${windowStart(seconds)}, 1
        where not exists (select 1 from retired_links where token_hash = ${tokenHash})`;
      const rows = rowsOf<{ count: number }>(await db.execute(countStatement(source, seconds)));
      return rows.length > 0 && Number(rows[0]!.count) > limit;
    },
  };
}
