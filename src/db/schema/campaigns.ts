import { sql } from 'drizzle-orm';
import { integer, jsonb, pgEnum, pgTable, primaryKey, text, foreignKey, check, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { createdAt, tstz } from './columns.js';

export const levels = ['province', 'ministry'] as const;
export const levelEnum = pgEnum('campaign_level', levels);
export const listStates = ['draft', 'submitted'] as const;
export const listStateEnum = pgEnum('list_state', listStates);

/** A survey round (đợt khảo sát); `config` holds groups, forms, scoring and rules. */
export const campaigns = pgTable('campaigns', {
  id: text().primaryKey(),
  name: text().notNull(),
  year: integer().notNull(),
  level: levelEnum().notNull(),
  preset: text().notNull(),
  config: jsonb().notNull(),
  listDeadline: tstz().notNull(),
  responseDeadline: tstz().notNull(),
  publishedAt: tstz(),
  createdAt: createdAt(),
  updatedAt: tstz().notNull().defaultNow(),
}, (t) => [check('campaigns_deadlines_ordered', sql`${t.listDeadline} <= ${t.responseDeadline}`)]);

/** A body (province or ministry) taking part in a campaign, with its list state. */
export const campaignBodies = pgTable(
  'campaign_bodies',
  {
    campaignId: text().notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
    code: text().notNull(),
    name: text().notNull(),
    listState: listStateEnum().notNull().default('draft'),
    listSubmittedAt: tstz(),
    /** MOHA's extension of this body's list deadline; null means the campaign's. */
    listDeadline: tstz(),
    itContactName: text(),
    itContactTitle: text(),
    itContactMobile: text(),
    lastUrgedAt: tstz(),
    voidedAt: tstz(),
    voidReason: text(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.code] })],
);

/** Composite reference from a body-scoped table to its campaign body. */
export const campaignBodyRef = (t: { campaignId: AnyPgColumn; bodyCode: AnyPgColumn }, name: string) =>
  foreignKey({ name, columns: [t.campaignId, t.bodyCode], foreignColumns: [campaignBodies.campaignId, campaignBodies.code] }).onDelete('cascade');
