import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './identity.ts';
import { boards } from './organisations.ts';
import { enrolments, evidenceFiles } from './people.ts';

/**
 * A professional-development activity in a professional's dossier: what they did, when, for how many
 * hours, on which themes, what they meant to learn and what they learned. `points` is set only by
 * those who value it (an accredited offering, or assessors afterwards), never by the professional.
 */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey(),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => enrolments.id),
    /** opleiding, cursus, studiedag, conferentie, intervisie, zelfstudie or informeel-leren */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    provider: text('provider'),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    hours: numeric('hours', { precision: 6, scale: 1 }).notNull(),
    /** vakinhoudelijk, vakdidactisch or pedagogisch: counts towards the Lerarenregister's primary-process hours */
    primaryProcess: boolean('primary_process').notNull().default(false),
    themes: text('themes').array().notNull(),
    competencies: text('competencies').array().notNull().default(sql`'{}'::text[]`),
    /** an accredited master's programme (from its offering): meets the themes rule on its own */
    master: boolean('master').notNull().default(false),
    learningGoals: text('learning_goals'),
    reflection: text('reflection'),
    evidenceId: uuid('evidence_id').references(() => evidenceFiles.id),
    points: integer('points'),
    /** eigen: added by the professional, who may change it; later: aanbod, from an accredited offering's attendance */
    source: text('source').notNull().default('eigen'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('activities_enrolment').on(t.enrolmentId, t.completedOn)],
);

/**
 * Achteraf waarderen: a professional asks for an activity (informal learning, typically) to be valued
 * afterwards. Two assessors each give points with a motivation; the activity then carries the points
 * they agreed (the rounded mean).
 */
export const valuationRequests = pgTable(
  'valuation_requests',
  {
    id: uuid('id').primaryKey(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => enrolments.id),
    /** aangevraagd, gewaardeerd or ingetrokken */
    status: text('status').notNull(),
    /** why the professional thinks it should count */
    explanation: text('explanation').notNull(),
    points: integer('points'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('valuation_requests_status').on(t.status, t.createdAt),
    uniqueIndex('valuation_requests_open_activity').on(t.activityId).where(sql`status = 'aangevraagd'`),
  ],
);

/** One assessor's valuation of a request: points and why. Each request gets two, by different assessors. */
export const valuationAssessments = pgTable(
  'valuation_assessments',
  {
    id: uuid('id').primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => valuationRequests.id),
    assessorAccountId: uuid('assessor_account_id')
      .notNull()
      .references(() => accounts.id),
    assessorLabel: text('assessor_label').notNull(),
    points: integer('points').notNull(),
    motivation: text('motivation').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('valuation_assessments_request_assessor').on(t.requestId, t.assessorAccountId)],
);

/**
 * A professional's consent for a board to see their development activities. Revoking sets
 * revoked_at and takes effect at once; a new grant is a new row, so the history stays.
 */
export const developmentConsents = pgTable(
  'development_consents',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('development_consents_active').on(t.accountId, t.boardId).where(sql`revoked_at IS NULL`),
    index('development_consents_board').on(t.boardId),
  ],
);
