import { date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => enrolments.id),
    registerId: uuid('register_id')
      .notNull()
      .references(() => registers.id),
    /** the rules the application was made (and is decided) under */
    registerVersionId: uuid('register_version_id')
      .notNull()
      .references(() => registerVersions.id),
    /** registratie, or herregistratie: the renewal of the registration before it */
    kind: text('kind').notNull().default('registratie'),
    /** for a herregistratie: the registration it renews (its period ends where this one starts) */
    renewsId: uuid('renews_id'),
    /** the first day of the period this registration covers; null: the day of the decision */
    periodStart: date('period_start', { mode: 'string' }),
    /** a granted postponement (uitstel): the lapse windows count from this date instead of valid_until */
    postponedUntil: date('postponed_until', { mode: 'string' }),
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
    applicationId: uuid('application_id')
      .notNull()
      .references(() => registrationApplications.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    byLabel: text('by_label').notNull(),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('registration_events_application').on(t.applicationId, t.createdAt)],
);

/** A request to postpone re-registration (uitstel), on grounds such as long illness, and its decision. */
export const postponements = pgTable(
  'postponements',
  {
    id: uuid('id').primaryKey(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrationApplications.id),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => enrolments.id),
    /** ziekte, zwangerschap, mantelzorg, overig */
    ground: text('ground').notNull(),
    explanation: text('explanation').notNull(),
    requestedUntil: date('requested_until', { mode: 'string' }).notNull(),
    /** aangevraagd, toegekend or afgewezen */
    status: text('status').notNull(),
    grantedUntil: date('granted_until', { mode: 'string' }),
    decisionMotivation: text('decision_motivation'),
    decidedByLabel: text('decided_by_label'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('postponements_status').on(t.status, t.createdAt), index('postponements_enrolment').on(t.enrolmentId)],
);

/**
 * What the nightly re-registration job did for a registration: a reminder (6 or 2 months before),
 * the move to onder voorwaarden, the move to herregistratie verlopen. One row per kind and period
 * end, so a run that is repeated sends nothing twice.
 */
export const reregistrationNotices = pgTable(
  'reregistration_notices',
  {
    id: uuid('id').primaryKey(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrationApplications.id),
    /** herinnering-6, herinnering-2, onder-voorwaarden, verlopen */
    kind: text('kind').notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    mailId: uuid('mail_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reregistration_notices_once').on(t.registrationId, t.kind, t.periodEnd)],
);
