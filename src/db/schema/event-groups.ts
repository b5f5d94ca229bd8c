import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { eventRegistrations, events } from './events.ts';

/**
 * The groups of an exploratory conversation (verkennend gesprek, issue 21 part 4, decision 029): one
 * row per event that has groups, with the size staff chose, how many groups there are (a group may be
 * emptied by moves and stays), who made them and when they were mailed.
 */
export const eventGroupings = pgTable('event_groupings', {
  eventId: uuid('event_id')
    .primaryKey()
    .references(() => events.id),
  /** the largest group size staff asked for */
  groupSize: integer('group_size').notNull(),
  groupCount: integer('group_count').notNull(),
  madeAt: timestamp('made_at', { withTimezone: true }).notNull(),
  madeByLabel: text('made_by_label').notNull(),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  mailedAt: timestamp('mailed_at', { withTimezone: true }),
  mailedByLabel: text('mailed_by_label'),
});

/**
 * Who is in which group: a registration (with a place) and its group's number, 1 up. A registration is
 * in at most one group; one that is cancelled later stays here until the groups are saved again, and the
 * page leaves it out.
 */
export const eventGroupMembers = pgTable(
  'event_group_members',
  {
    registrationId: uuid('registration_id')
      .primaryKey()
      .references(() => eventRegistrations.id),
    eventId: uuid('event_id')
      .notNull()
      .references(() => eventGroupings.eventId),
    groupNumber: integer('group_number').notNull(),
  },
  (t) => [index('event_group_members_event').on(t.eventId, t.groupNumber)],
);
