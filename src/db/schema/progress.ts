import { integer, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
import { tstz } from './columns.js';

/**
 * Counts per body and group, kept exact by statement-level triggers on
 * respondents and invitations (see the migration). Rows are sharded so that
 * concurrent submissions to one body do not queue on a single row; readers sum.
 */
export const progressCounters = pgTable(
  'progress_counters',
  {
    campaignId: text().notNull(),
    bodyCode: text().notNull(),
    groupCode: text().notNull(),
    shard: smallint().notNull(),
    listed: integer().notNull().default(0),
    invited: integer().notNull().default(0),
    delivered: integer().notNull().default(0),
    bounced: integer().notNull().default(0),
    opened: integer().notNull().default(0),
    completed: integer().notNull().default(0),
    lastActivityAt: tstz(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.bodyCode, t.groupCode, t.shard] })],
);
