import { countMessage } from '../../platform/i18n.ts';
import type { StartCard, StartCardProvider } from '../feature.ts';
import { allows } from '../start-cards.ts';
import { countOwnUpcoming, countUpcoming } from './events.repo.ts';
import { adminEventsPath, ownEventsPath } from './events.service.ts';

/**
 * Register staff: the events planned, with how many are registered and waiting. Anyone signed in with a
 * registration for an event to come: their own events, with a way to cancel.
 */
export const eventsCards: StartCardProvider = async ({ db, now }, actor) => {
  const cards: StartCard[] = [];
  const own = await countOwnUpcoming(db, { accountId: actor.accountId, email: actor.email }, now);
  if (own > 0) {
    cards.push({
      place: 'own',
      kind: 'task',
      heading: { key: 'events.own.link' },
      href: ownEventsPath,
      status: countMessage(own, { one: 'start.ownEvents.one', other: 'start.ownEvents.other' }),
      waiting: 0,
    });
  }
  if (await allows(actor, { action: 'events.manage' })) {
    const upcoming = await countUpcoming(db, now);
    cards.push({
      place: 'register-office',
      // a task, so the start page shows it (not only Beheer): nothing waits, it says what is coming
      kind: 'task',
      heading: { key: 'start.events.heading' },
      href: adminEventsPath,
      status: countMessage(upcoming.events, { none: 'start.events.none', one: 'start.events.one', other: 'start.events.other' }, upcoming),
      waiting: 0,
    });
  }
  return cards;
};
