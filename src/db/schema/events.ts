import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { accounts } from './identity.ts';
import { schools } from './organisations.ts';

/**
 * A bijeenkomst the register office organises (decision 027): a voorlichting, a meedenksessie or a
 * verkennend gesprek, for an audience of roles, at a place or online, with a number of places. Times are
 * instants; pages show and take them in Dutch time. A cancelled event is kept (its registrants were told).
 */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey(),
    /** voorlichting, meedenksessie or verkennend-gesprek */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** the roles it is for: leraar, hr-medewerker, schoolleider, teamleider, bestuurder */
    audience: text('audience').array().notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    online: boolean('online').notNull(),
    /** the address, when not online */
    place: text('place'),
    /** the meeting link, when online */
    onlineUrl: text('online_url'),
    capacity: integer('capacity').notNull(),
    /** the feedback form afterwards (issue 21, part 5) stores answers without the account */
    anonymousFeedback: boolean('anonymous_feedback').notNull().default(false),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdByLabel: text('created_by_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('events_starts_at').on(t.startsAt)],
);

/**
 * One person's registration for an event, with what they stated on the form (role, school, setting),
 * which the diverse groups (part 4) use. `status`: onbevestigd (by e-mail, link not yet used), aangemeld
 * (has a place), wachtlijst (in order of `queued_at`), afgemeld (cancelled by them), verlopen (the link
 * was never used). One live registration per address and event.
 */
export const eventRegistrations = pgTable(
  'event_registrations',
  {
    id: uuid('id').primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id),
    /** the account that registered when signed in; null for a registration by e-mail */
    accountId: uuid('account_id').references(() => accounts.id),
    name: text('name').notNull(),
    /** lower case, as typed otherwise */
    email: text('email').notNull(),
    /** leraar, hr-medewerker, schoolleider, teamleider, bestuurder, anders */
    role: text('role').notNull(),
    /** the school from DUO's directory; null for a role without one */
    schoolId: uuid('school_id').references(() => schools.id),
    /** stad, dorp or platteland: the school's surroundings as the registrant states them; null without a school */
    setting: text('setting'),
    /** the language the mails go in */
    lang: varchar('lang', { length: 2 }).notNull(),
    status: text('status').notNull(),
    /** sha-256 of the confirmation link's token, while it waits to be used */
    confirmTokenHash: text('confirm_token_hash'),
    confirmExpiresAt: timestamp('confirm_expires_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    /** the waiting list's order: when the registration was confirmed */
    queuedAt: timestamp('queued_at', { withTimezone: true }),
    /** when they got their place (at once, or moved up from the waiting list) */
    placedAt: timestamp('placed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** the reminder two days ahead was sent: never a second one */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    /** marked present on the attendance list */
    presentAt: timestamp('present_at', { withTimezone: true }),
    presentByLabel: text('present_by_label'),
  },
  (t) => [
    uniqueIndex('event_registrations_live_email').on(t.eventId, t.email).where(sql`status IN ('onbevestigd', 'aangemeld', 'wachtlijst')`),
    uniqueIndex('event_registrations_confirm_token').on(t.confirmTokenHash),
    index('event_registrations_event').on(t.eventId, t.status, t.queuedAt),
    index('event_registrations_account').on(t.accountId),
    index('event_registrations_email').on(t.email),
  ],
);
