import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { campaignBodyRef } from './campaigns.js';
import { createdAt, tstz } from './columns.js';
import { bytea, invitations } from './mail.js';

/** Answers saved before submission; deleted when the form is submitted. */
export const drafts = pgTable('drafts', {
  invitationId: uuid().primaryKey().references(() => invitations.id, { onDelete: 'cascade' }),
  answers: jsonb().notNull(),
  savedAt: tstz().notNull().defaultNow(),
});

/**
 * Devices that opened a link, keyed by HMAC(secret, link hash + device) so
 * the keys cannot be joined with the device hashes kept on responses.
 */
export const invitationDevices = pgTable(
  'invitation_devices',
  {
    invitationId: uuid().notNull().references(() => invitations.id, { onDelete: 'cascade' }),
    deviceKey: bytea().notNull(),
  },
  (t) => [primaryKey({ columns: [t.invitationId, t.deviceKey] })],
);

/**
 * A submitted questionnaire. Deliberately carries no respondent, invitation,
 * token or address: nothing here leads back to a person. The id is random and
 * the submission time is kept to the minute.
 */
export const responses = pgTable(
  'responses',
  {
    id: uuid().primaryKey().defaultRandom(),
    campaignId: text().notNull(),
    bodyCode: text().notNull(),
    groupCode: text().notNull(),
    formCode: text().notNull(),
    submittedAt: tstz().notNull(),
    /** `{ [ratedUnitCode]: { [questionId]: optionCode } }` */
    answers: jsonb().notNull(),
    secondsSpent: integer(),
    ipHash: text(),
    netHash: text(),
    uaHash: text(),
    jsEnabled: boolean().notNull().default(false),
    devicesSeen: integer().notNull().default(1),
    voidedAt: tstz(),
    voidReason: text(),
  },
  (t) => [
    campaignBodyRef(t, 'responses_campaign_body_fk'),
    index('responses_body_group_idx').on(t.campaignId, t.bodyCode, t.groupCode),
  ],
);

export const reportKinds = ['link_used_by_other', 'pressured', 'other'] as const;

/** A respondent's "Báo cáo bất thường": counted per body, linked to no answer. */
export const reports = pgTable(
  'reports',
  {
    id: uuid().primaryKey().defaultRandom(),
    campaignId: text().notNull(),
    bodyCode: text().notNull(),
    kind: text({ enum: reportKinds }).notNull(),
    message: text(),
    createdAt: createdAt(),
  },
  (t) => [campaignBodyRef(t, 'reports_campaign_body_fk'), index('reports_body_idx').on(t.campaignId, t.bodyCode)],
);
