import { sql } from 'drizzle-orm';
import { bigint, boolean, check, integer, jsonb, pgEnum, pgTable, text, uuid, index } from 'drizzle-orm/pg-core';
import { createdAt, tstz } from './columns.js';

export const roles = ['admin', 'body', 'scoring'] as const;
export const roleEnum = pgEnum('role', roles);

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    username: text().notNull().unique(),
    passwordHash: text().notNull(),
    role: roleEnum().notNull(),
    /** The body an officer acts for (role `body` only). */
    bodyCode: text(),
    displayName: text(),
    /** Raised to revoke every session issued before. */
    tokenVersion: integer().notNull().default(0),
    disabled: boolean().notNull().default(false),
    /** Base32 TOTP secret (RFC 6238); in force once `totpEnabledAt` is set. */
    totpSecret: text(),
    totpEnabledAt: tstz(),
    /** The last 30-second step accepted, so one code cannot be used twice. */
    totpLastStep: bigint({ mode: 'number' }),
    createdAt: createdAt(),
    updatedAt: tstz().notNull().defaultNow(),
  },
  (t) => [check('users_body_code_for_body_role', sql`(${t.role} = 'body') = (${t.bodyCode} is not null)`)],
);

/** Append-only; each entry carries the hash of the one before. */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: tstz().notNull(),
    actor: text().notNull(),
    action: text().notNull(),
    campaignId: text(),
    bodyCode: text(),
    details: jsonb().notNull(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [index('audit_log_campaign_idx').on(t.campaignId, t.bodyCode)],
);

/** One row per login; its id travels in the session token, and deleting the row ends that session everywhere. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: tstz().notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Single-use recovery codes for the second factor, stored as hashes. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    usedAt: tstz(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/** The audit chain's head, signed with a key the database does not hold. */
export const auditCheckpoint = pgTable('audit_checkpoint', {
  id: integer().primaryKey(),
  seq: bigint({ mode: 'number' }).notNull(),
  hash: text().notNull(),
  at: tstz().notNull(),
  signature: text().notNull(),
});
