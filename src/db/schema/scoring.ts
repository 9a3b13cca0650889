import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns.js';
import { tstz } from './columns.js';

/**
 * A sealed version of a closed campaign's scores: the digest of its inputs and
 * the computed scores themselves, which every later view and export reads. An
 * unseal (audited, with a reason) ends a version; sealing again numbers the next.
 */
export const seals = pgTable(
  'seals',
  {
    campaignId: text().notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
    version: integer().notNull().default(1),
    sealedAt: tstz().notNull(),
    digest: text().notNull(),
    schemeVersion: text().notNull(),
    responses: integer().notNull(),
    /** The score document as sealed, JSON text kept byte for byte (jsonb would reorder its keys). */
    scores: text(),
    sealedBy: text(),
    unsealedAt: tstz(),
    unsealedBy: text(),
    unsealReason: text(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.version] })],
);
