import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { tstz } from './columns.js';
import { bytea } from './mail.js';

/**
 * Attempt counters shared by every process: login tries per account and per
 * address, and survey links that matched nothing per address. Keys are
 * `<kind>:<value>`; addresses are stored only as keyed hashes.
 */
export const attemptCounters = pgTable(
  'attempt_counters',
  {
    key: text().notNull(),
    windowStart: tstz().notNull(),
    count: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index('attempt_counters_window_idx').on(t.windowStart)],
);

/**
 * Hashes of survey links that once worked (replaced after an address fix, or
 * removed), filled by a trigger on invitations: opening one is a mistake, not
 * a guess, and is not counted against the address.
 */
export const retiredLinks = pgTable('retired_links', {
  tokenHash: bytea().primaryKey(),
  retiredAt: tstz().notNull().default(sql`now()`),
});
