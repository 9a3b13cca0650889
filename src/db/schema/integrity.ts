import { index, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { campaignBodyRef } from './campaigns.js';
import { createdAt, tstz } from './columns.js';

export const severities = ['low', 'medium', 'high'] as const;
export const severityEnum = pgEnum('flag_severity', severities);
export const flagStatuses = ['open', 'dismissed', 'confirmed'] as const;
export const flagStatusEnum = pgEnum('flag_status', flagStatuses);
export const flagDecisions = ['dismiss', 'void_responses', 'void_body'] as const;
export const flagDecisionEnum = pgEnum('flag_decision', flagDecisions);

/** A detected pattern with its evidence; MOHA dismisses or confirms it. */
export const flags = pgTable(
  'flags',
  {
    id: uuid().primaryKey().defaultRandom(),
    campaignId: text().notNull(),
    bodyCode: text().notNull(),
    rule: text().notNull(),
    severity: severityEnum().notNull(),
    /** Stable identity of the finding, so re-running the rules does not duplicate it. */
    fingerprint: text().notNull(),
    evidence: jsonb().notNull(),
    status: flagStatusEnum().notNull().default('open'),
    decision: flagDecisionEnum(),
    decisionReason: text(),
    decidedBy: text(),
    decidedAt: tstz(),
    createdAt: createdAt(),
    updatedAt: tstz().notNull().defaultNow(),
  },
  (t) => [
    campaignBodyRef(t, 'flags_campaign_body_fk'),
    uniqueIndex('flags_fingerprint_idx').on(t.campaignId, t.fingerprint),
    index('flags_body_idx').on(t.campaignId, t.bodyCode, t.status),
  ],
);
