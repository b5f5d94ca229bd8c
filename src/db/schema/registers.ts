import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** A register professionals are registered in: the Lerarenregister and the Schoolleidersregister PO. */
export const registers = pgTable('registers', {
  id: uuid('id').primaryKey(),
  /** lerarenregister, schoolleidersregister-po */
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /**
   * Days after a delivery until a professional who has not checked it is reminded, the first time and
   * the second (settings, not rules: changed in place by register staff, audited, not versioned)
   */
  checkReminderFirstDays: integer('check_reminder_first_days').notNull().default(14),
  checkReminderSecondDays: integer('check_reminder_second_days').notNull().default(42),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type RegisterLevel = { title: string; level: string; criteria: string };

/**
 * A register's rules as of one moment: titles and levels with their admission criteria, the cycle,
 * the re-registration rule and the fee. Never changed: a change is a new version, which applies to new
 * decisions; a decision keeps the version it was made under.
 */
export const registerVersions = pgTable(
  'register_versions',
  {
    id: uuid('id').primaryKey(),
    registerId: uuid('register_id')
      .notNull()
      .references(() => registers.id),
    version: integer('version').notNull(),
    levels: jsonb('levels').$type<RegisterLevel[]>().notNull(),
    cycleYears: integer('cycle_years').notNull(),
    /** punten or uren */
    renewalUnit: text('renewal_unit').notNull(),
    renewalMinimum: integer('renewal_minimum').notNull(),
    /** the whole re-registration rule as data (reregistration.rules.ts ReregistrationRule); null: read from unit and minimum */
    renewalRule: jsonb('renewal_rule').$type<Record<string, unknown>>(),
    feeCents: integer('fee_cents').notNull().default(0),
    /** why this version was made */
    note: text('note').notNull(),
    createdByLabel: text('created_by_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('register_versions_register_version').on(t.registerId, t.version)],
);
