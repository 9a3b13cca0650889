import { sql } from 'drizzle-orm';
import { bigint, customType, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { campaignBodyRef } from './campaigns.js';
import { createdAt, tstz } from './columns.js';
import { respondents } from './roster.js';

export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const invitationStatuses = ['active', 'completed', 'cancelled'] as const;
export const invitationStatusEnum = pgEnum('invitation_status', invitationStatuses);
export const mailStatuses = ['queued', 'sent', 'bounced', 'failed'] as const;
export const mailStatusEnum = pgEnum('mail_status', mailStatuses);

/**
 * One respondent's invitation to answer, created when the body submits its list.
 * The link token is HMAC(TOKEN_SECRET, id + version); only its SHA-256 is stored.
 * Keyed by the person's address so a reopened and resubmitted list keeps links.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid().primaryKey().defaultRandom(),
    campaignId: text().notNull(),
    bodyCode: text().notNull(),
    groupCode: text().notNull(),
    respondentId: uuid().references(() => respondents.id, { onDelete: 'set null' }),
    emailNorm: text().notNull(),
    version: integer().notNull().default(1),
    tokenHash: bytea().notNull(),
    status: invitationStatusEnum().notNull().default('active'),
    mailStatus: mailStatusEnum().notNull().default('queued'),
    bounceReason: text(),
    /** Precise until submission, then coarsened to the day. */
    firstOpenedAt: tstz(),
    devicesSeen: integer().notNull().default(0),
    /**
     * The device key (survey/signals.ts) of the last opening written, so a page
     * reopened by that device is known from this row alone; cleared at
     * submission with the link's other device keys.
     */
    lastDevice: bytea(),
    reportedAt: tstz(),
    /** The hash of the key the submitted form carried, so a retry of a stored submission gets the same thank-you page; never kept with the answers. */
    receiptHash: bytea(),
    createdAt: createdAt(),
    updatedAt: tstz().notNull().defaultNow(),
  },
  (t) => [
    campaignBodyRef(t, 'invitations_campaign_body_fk'),
    uniqueIndex('invitations_token_hash_idx').on(t.tokenHash),
    uniqueIndex('invitations_person_idx').on(t.campaignId, t.bodyCode, t.emailNorm),
    // No index holds a column a link's use changes (status, mail status, opening), so those updates stay HOT.
    index('invitations_body_idx').on(t.campaignId, t.bodyCode),
    index('invitations_respondent_idx').on(t.respondentId),
  ],
);

export const outboxKinds = ['invitation', 'reminder'] as const;
export const outboxKindEnum = pgEnum('outbox_kind', outboxKinds);
export const outboxStatuses = ['queued', 'sending', 'sent', 'failed', 'bounced', 'cancelled'] as const;
export const outboxStatusEnum = pgEnum('outbox_status', outboxStatuses);

/** One message to send; the sender claims rows with a lease and records the outcome. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    campaignId: text().notNull(),
    invitationId: uuid().notNull().references(() => invitations.id, { onDelete: 'cascade' }),
    kind: outboxKindEnum().notNull(),
    status: outboxStatusEnum().notNull().default('queued'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: tstz().notNull().defaultNow(),
    leaseUntil: tstz(),
    leasedBy: text(),
    messageId: text().notNull(),
    lastReply: text(),
    createdAt: createdAt(),
    sentAt: tstz(),
  },
  (t) => [
    uniqueIndex('outbox_message_id_idx').on(t.messageId),
    index('outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.status} in ('queued', 'sending')`),
    index('outbox_invitation_idx').on(t.invitationId),
  ],
);

export const reminderKinds = ['schedule', 'urge'] as const;
export const reminderKindEnum = pgEnum('reminder_kind', reminderKinds);

/** A reminder round: a scheduled one (label `d-7`) or a body's on-demand urging. */
export const reminderRuns = pgTable(
  'reminder_runs',
  {
    id: uuid().primaryKey().defaultRandom(),
    campaignId: text().notNull(),
    bodyCode: text(),
    kind: reminderKindEnum().notNull(),
    label: text().notNull(),
    queued: integer().notNull(),
    createdBy: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('reminder_runs_campaign_idx').on(t.campaignId, t.bodyCode, t.kind),
    uniqueIndex('reminder_runs_schedule_idx').on(t.campaignId, t.label).where(sql`${t.kind} = 'schedule'`),
  ],
);
