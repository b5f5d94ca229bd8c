import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { accounts } from './identity.ts';
import { boards } from './organisations.ts';

/**
 * An administratiekantoor: an organisation that delivers staff data for the boards that authorise it
 * (decision 022). Not in DUO's directory: register staff add it, with its KvK number. It has members
 * and API tokens of its own, like a board (memberships and api_tokens with kind administratiekantoor).
 */
export const administrationOffices = pgTable(
  'administration_offices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** the Kamer van Koophandel number: 8 digits, one office each */
    kvkNumber: varchar('kvk_number', { length: 8 }).notNull(),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('administration_offices_kvk').on(t.kvkNumber)],
);

/**
 * A machtiging: a board authorises an administratiekantoor to deliver for it. Withdrawing ends the row
 * (withdrawn_at); authorising again later makes a new one, so the history stays. At most one live row
 * per board and office.
 */
export const officeMandates = pgTable(
  'office_mandates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    officeId: uuid('office_id')
      .notNull()
      .references(() => administrationOffices.id),
    grantedBy: uuid('granted_by').references(() => accounts.id),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnBy: uuid('withdrawn_by').references(() => accounts.id),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('office_mandates_live').on(t.boardId, t.officeId).where(sql`withdrawn_at IS NULL`), index('office_mandates_office').on(t.officeId)],
);
