import { integer, index, pgTable, text, uuid, jsonb, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { campaignBodyRef } from './campaigns.js';
import { createdAt, tstz } from './columns.js';

/**
 * Every listed entry of a body's respondent list. An entry found to be the same
 * person as another points at the kept entry through `mergedInto`; the list
 * proper is the entries where `mergedInto` is null.
 */
export const respondents = pgTable(
  'respondents',
  {
    id: uuid().primaryKey().defaultRandom(),
    campaignId: text().notNull(),
    bodyCode: text().notNull(),
    groupCode: text().notNull(),
    fullName: text().notNull(),
    email: text().notNull(),
    emailNorm: text().notNull(),
    phone: text(),
    phoneNorm: text(),
    organisation: text(),
    position: text(),
    importId: uuid().references(() => rosterImports.id, { onDelete: 'set null' }),
    /** Line of the imported file the entry came from. */
    line: integer(),
    mergedInto: uuid().references((): AnyPgColumn => respondents.id, { onDelete: 'set null' }),
    mergeReason: text(),
    createdAt: createdAt(),
    updatedAt: tstz().notNull().defaultNow(),
  },
  (t) => [
    campaignBodyRef(t, 'respondents_campaign_body_fk'),
    index('respondents_body_group_idx').on(t.campaignId, t.bodyCode, t.groupCode),
    index('respondents_email_idx').on(t.campaignId, t.emailNorm),
    index('respondents_phone_idx').on(t.campaignId, t.phoneNorm),
    index('respondents_merged_into_idx').on(t.mergedInto),
  ],
);

/** One uploaded file and what came of it. */
export const rosterImports = pgTable(
  'roster_imports',
  {
    id: uuid().primaryKey().defaultRandom(),
    campaignId: text().notNull(),
    bodyCode: text().notNull(),
    groupCode: text(),
    fileName: text(),
    rows: integer().notNull(),
    imported: integer().notNull(),
    merged: integer().notNull(),
    warnings: jsonb().notNull().default([]),
    createdBy: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [campaignBodyRef(t, 'roster_imports_campaign_body_fk')],
);
