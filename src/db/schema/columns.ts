import { timestamp } from 'drizzle-orm/pg-core';

/** Every time column is timestamptz; the database clock fills the defaults. */
export const tstz = () => timestamp({ withTimezone: true, mode: 'date' });
export const createdAt = () => tstz().notNull().defaultNow();
