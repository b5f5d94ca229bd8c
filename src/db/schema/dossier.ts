import { boolean, date, index, integer, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
    enrolmentId: uuid('enrolment_id').notNull().references(() => enrolments.id),
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
