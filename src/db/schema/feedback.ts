import { sql } from 'drizzle-orm';
import { boolean, check, date, index, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { eventRegistrations, events } from './events.ts';

/**
 * The invitation to give feedback after an event (decision 030): one per registration, mailed in the
 * registrant's language with a personal link (the token stored as its SHA-256). `answered_at` is the
 * used-link marker: it is kept here, on the invitation, and never on the answer, so an anonymous
 * answer cannot be traced back through it.
 */
export const feedbackInvitations = pgTable(
  'feedback_invitations',
  {
    id: uuid('id').primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id),
    eventRegistrationId: uuid('event_registration_id')
      .notNull()
      .references(() => eventRegistrations.id),
    tokenHash: text('token_hash').notNull(),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** the link was used: an answer was given (never a second one) */
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('feedback_invitations_registration').on(t.eventRegistrationId),
    uniqueIndex('feedback_invitations_token').on(t.tokenHash),
    index('feedback_invitations_event').on(t.eventId),
  ],
);

/**
 * One answer on the feedback form. Anonymous (the event said so): no registration, a random id (not
 * a time-ordered one) and only the day it was given, so it cannot be joined to its invitation by id or
 * time. Otherwise `event_registration_id` names who gave it, and it is in their AVG download.
 */
export const feedbackAnswers = pgTable(
  'feedback_answers',
  {
    id: uuid('id').primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id),
    /** null when the event's feedback is anonymous */
    eventRegistrationId: uuid('event_registration_id').references(() => eventRegistrations.id),
    anonymous: boolean('anonymous').notNull(),
    /** 1 (poor) to 5 (very good) */
    rating: smallint('rating').notNull(),
    valuable: text('valuable').notNull().default(''),
    improve: text('improve').notNull().default(''),
    other: text('other').notNull().default(''),
    /** the day (Dutch calendar) it was given: no time of day, for anonymous answers as for the others */
    answeredOn: date('answered_on').notNull(),
  },
  (t) => [
    check('feedback_answers_rating', sql`${t.rating} BETWEEN 1 AND 5`),
    check('feedback_answers_anonymous', sql`NOT ${t.anonymous} OR ${t.eventRegistrationId} IS NULL`),
    uniqueIndex('feedback_answers_registration').on(t.eventRegistrationId),
    index('feedback_answers_event').on(t.eventId),
    index('feedback_answers_day').on(t.answeredOn),
  ],
);

/** The topics register staff tag answers with; retired ones are offered no more, their tags stay. */
export const feedbackTopics = pgTable(
  'feedback_topics',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('feedback_topics_name').on(sql`lower(${t.name})`)],
);

/** An answer tagged with a topic by register staff. */
export const feedbackAnswerTopics = pgTable(
  'feedback_answer_topics',
  {
    answerId: uuid('answer_id')
      .notNull()
      .references(() => feedbackAnswers.id),
    topicId: uuid('topic_id')
      .notNull()
      .references(() => feedbackTopics.id),
    taggedByLabel: text('tagged_by_label').notNull(),
    taggedAt: timestamp('tagged_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.answerId, t.topicId] }), index('feedback_answer_topics_topic').on(t.topicId)],
);
