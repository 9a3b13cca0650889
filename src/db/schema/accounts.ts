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
