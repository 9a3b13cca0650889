import { boolean, index, integer, jsonb, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { campaignBodyRef, campaigns } from './campaigns.js';
import { createdAt, tstz } from './columns.js';
import { bytea, invitations } from './mail.js';

/** Answers saved before submission; deleted when the form is submitted. */
export const drafts = pgTable('drafts', {
  invitationId: uuid().primaryKey().references(() => invitations.id, { onDelete: 'cascade' }),
  answers: jsonb().notNull(),
  savedAt: tstz().notNull().defaultNow(),
  /** Seconds the form was visible and in use, summed over page loads, as the page reports them. */
  activeSeconds: integer().notNull().default(0),
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
 * The ballot box: a submission completes its invitation and drops its sealed
 * answers here in one transaction. The row carries only its cell; the answers
 * and signals are encrypted under a key the database does not hold, so sharing
 * the invitation's transaction tells a reader of the database nothing. The
 * mixer moves answers on to `responses` in batches (see mixer.ts).
 */
export const ballotBox = pgTable(
  'ballot_box',
  {
    id: uuid().primaryKey().defaultRandom(),
    campaignId: text().notNull(),
    bodyCode: text().notNull(),
    groupCode: text().notNull(),
    sealed: bytea().notNull(),
  },
  // No foreign key: every submission would take a share lock on its body's one row. A trigger on
  // campaign_bodies removes a deleted body's ballots instead (see the migration).
  (t) => [index('ballot_box_cell_idx').on(t.campaignId, t.bodyCode, t.groupCode)],
);

/** How many answers of a cell the mixer releases together (k, default 5). */
export const mixingSettings = pgTable('mixing_settings', {
  campaignId: text()
    .primaryKey()
    .references(() => campaigns.id, { onDelete: 'cascade' }),
  k: smallint().notNull().default(5),
});

/**
 * Submissions per body, group and 10-minute bucket, counted at submission, for
 * charts and the burst rule (responses keep no submission time). Sharded so
 * concurrent submissions do not queue on one row; readers sum.
 */
export const submissionCounts = pgTable(
  'submission_counts',
  {
    campaignId: text().notNull(),
    bodyCode: text().notNull(),
    groupCode: text().notNull(),
    bucket: tstz().notNull(),
    shard: smallint().notNull(),
    n: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.bodyCode, t.groupCode, t.bucket, t.shard] })],
);

/**
 * A submitted questionnaire, released by the mixer with at least k others of
 * its cell. Deliberately carries no respondent, invitation, token or address:
 * the id is random, `submittedAt` is the time of the batch that released it
 * (not of the submission), and signals are keyed hashes under a key per campaign.
 */
export const responses = pgTable(
  'responses',
  {
    id: uuid().primaryKey().defaultRandom(),
    campaignId: text().notNull(),
    bodyCode: text().notNull(),
    groupCode: text().notNull(),
    formCode: text().notNull(),
    /** The time of the mixing batch that released the response. */
    submittedAt: tstz().notNull(),
    /** `{ [ratedUnitCode]: { [questionId]: optionCode } }` */
    answers: jsonb().notNull(),
    /** Active seconds on the form, null when the page could not tell. */
    secondsSpent: integer(),
    ipHash: text(),
    netHash: text(),
    uaHash: text(),
    /** Keyed hash of the browser's own device cookie. */
    deviceKey: text(),
    jsEnabled: boolean().notNull().default(false),
    /** The form page for the link was rendered before the submission. */
    formLoaded: boolean().notNull().default(true),
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
