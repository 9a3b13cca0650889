import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns.js';
import { tstz } from './columns.js';

/** The sealed snapshot of a closed campaign's responses and scheme. */
export const seals = pgTable('seals', {
  campaignId: text().primaryKey().references(() => campaigns.id, { onDelete: 'cascade' }),
  sealedAt: tstz().notNull(),
  digest: text().notNull(),
  schemeVersion: text().notNull(),
  responses: integer().notNull(),
});
