import { date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './identity.ts';
import { enrolments, persons } from './people.ts';
import { registers, registerVersions } from './registers.ts';

/**
 * A professional's application for registration in a register at a title and level, with evidence,
 * decided by a member of the Commissie Registratie under the register's version of that moment.
 */
export const registrationApplications = pgTable(
  'registration_applications',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id').notNull().references(() => persons.id),
    enrolmentId: uuid('enrolment_id').notNull().references(() => enrolments.id),
    registerId: uuid('register_id').notNull().references(() => registers.id),
    /** the rules the application was made (and is decided) under */
    registerVersionId: uuid('register_version_id').notNull().references(() => registerVersions.id),
    title: text('title').notNull(),
    level: text('level').notNull(),
    motivation: text('motivation').notNull(),
    /** evidence_files ids the professional attached */
    evidenceIds: jsonb('evidence_ids').$type<string[]>().notNull(),
    /** aangevraagd, in-behandeling, geregistreerd, afgewezen, bezwaar */
    status: text('status').notNull(),
    assignedTo: uuid('assigned_to').references(() => accounts.id),
    decisionMotivation: text('decision_motivation'),
    decidedOn: date('decided_on', { mode: 'string' }),
    validUntil: date('valid_until', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('registration_applications_person').on(t.personId),
    index('registration_applications_enrolment').on(t.enrolmentId),
    index('registration_applications_status').on(t.status, t.createdAt),
  ],
);

/** Every step of an application: from and to which status, by whom, and why. */
export const registrationEvents = pgTable(
  'registration_events',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id').notNull().references(() => registrationApplications.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    byLabel: text('by_label').notNull(),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('registration_events_application').on(t.applicationId, t.createdAt)],
);
