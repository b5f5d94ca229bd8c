import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { accounts } from './identity.ts';
import { activities } from './dossier.ts';
import { enrolments } from './people.ts';

/**
 * An organisation that offers professional development: a training provider or a lerarenopleiding.
 * Its staff hold memberships with organisation_kind 'aanbieder' and this id. (Boards submit offerings
 * as themselves: an offering names its organisation by kind and id.)
 */
export const providers = pgTable(
  'providers',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    /** aanbieder or lerarenopleiding */
    kind: text('kind').notNull().default('aanbieder'),
    contactEmail: text('contact_email').notNull(),
    website: text('website'),
    createdByLabel: text('created_by_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('providers_name').on(sql`lower(${t.name})`)],
);

/**
 * An offering (aanbod) submitted for advance valuation by the Commissie Accreditatie: what the
 * provider asks (themes, competencies, study load) and what the commission decided (points, themes,
 * validity). Only accredited offerings within their validity are in the public catalogue.
 */
export const offerings = pgTable(
  'offerings',
  {
    id: uuid('id').primaryKey(),
    /** who submitted it: aanbieder (providers.id) or bestuur (boards.id) */
    organisationKind: varchar('organisation_kind', { length: 20 }).notNull(),
    organisationId: uuid('organisation_id').notNull(),
    /** the name shown in the catalogue (the provider's or board's name when submitted) */
    organisationName: text('organisation_name').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    learningGoals: text('learning_goals').notNull(),
    /** the dossier activity kind a participant gets: opleiding, cursus, studiedag, conferentie, ... */
    activityKind: text('activity_kind').notNull(),
    /** klassikaal, online or hybride */
    format: text('format').notNull(),
    themes: text('themes').array().notNull(),
    competencies: text('competencies').array().notNull().default(sql`'{}'::text[]`),
    studyLoadHours: numeric('study_load_hours', { precision: 6, scale: 1 }).notNull(),
    /** counts towards the Lerarenregister's primary-process hours */
    primaryProcess: boolean('primary_process').notNull().default(false),
    /** an accredited master's programme: meets the themes rule on its own */
    master: boolean('master').notNull().default(false),
    priceCents: integer('price_cents').notNull(),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    /** ingediend, in-behandeling, informatie-gevraagd, geaccrediteerd, afgewezen, ingetrokken */
    status: text('status').notNull(),
    assignedTo: uuid('assigned_to').references(() => accounts.id),
    accreditedPoints: integer('accredited_points'),
    accreditedThemes: text('accredited_themes').array(),
    validFrom: date('valid_from', { mode: 'string' }),
    validUntil: date('valid_until', { mode: 'string' }),
    decisionMotivation: text('decision_motivation'),
    decidedOn: date('decided_on', { mode: 'string' }),
    submittedByLabel: text('submitted_by_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('offerings_organisation').on(t.organisationKind, t.organisationId, t.createdAt),
    index('offerings_status').on(t.status, t.createdAt),
    index('offerings_catalogue').on(t.validUntil).where(sql`status = 'geaccrediteerd'`),
  ],
);

/** Every step of an offering's review: status changes, questions and answers, with who and when. */
export const offeringEvents = pgTable(
  'offering_events',
  {
    id: uuid('id').primaryKey(),
    offeringId: uuid('offering_id')
      .notNull()
      .references(() => offerings.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    byLabel: text('by_label').notNull(),
    message: text('message'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('offering_events_offering').on(t.offeringId, t.createdAt)],
);

/** A run (uitvoering) of an accredited offering: when, where (or online), for how many. */
export const offeringRuns = pgTable(
  'offering_runs',
  {
    id: uuid('id').primaryKey(),
    offeringId: uuid('offering_id')
      .notNull()
      .references(() => offerings.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** the address or venue; null when online */
    place: text('place'),
    /** a province name (regions.kind = 'provincie') or null when online */
    province: text('province'),
    online: boolean('online').notNull().default(false),
    capacity: integer('capacity').notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdByLabel: text('created_by_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('offering_runs_offering').on(t.offeringId, t.startsAt), index('offering_runs_starts').on(t.startsAt)],
);

/**
 * A participant's attendance (presentie) of a run, recorded by the provider by register number. A
 * confirmed attendance puts the offering as an activity (source 'aanbod') in the participant's dossier.
 */
export const attendances = pgTable(
  'attendances',
  {
    id: uuid('id').primaryKey(),
    runId: uuid('run_id')
      .notNull()
      .references(() => offeringRuns.id),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => enrolments.id),
    activityId: uuid('activity_id').references(() => activities.id),
    /** pagina, csv or api */
    source: text('source').notNull(),
    recordedByLabel: text('recorded_by_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('attendances_run_enrolment').on(t.runId, t.enrolmentId), index('attendances_enrolment').on(t.enrolmentId)],
);
