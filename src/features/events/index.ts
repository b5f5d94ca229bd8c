import type { Feature } from '../feature.ts';
import { eventRemindersJob } from './events.jobs.ts';
import { eventsRoutes } from './events.routes.tsx';
import { eventsCards } from './events.start-cards.ts';
import { eventsEn } from './events.texts.en.ts';
import { eventsNl } from './events.texts.nl.ts';

/**
 * The register office's events (bijeenkomsten, decision 027): voorlichtingen, meedenksessies and
 * verkennende gesprekken; registration (signed in, or by e-mail with a confirmation link), the waiting
 * list, the reminder two days ahead, attendance, the public list, the API and iCalendar.
 */
export const feature: Feature = {
  name: 'events',
  texts: [{ nl: eventsNl, en: eventsEn }],
  routes: eventsRoutes,
  startCards: eventsCards,
  background: ({ database, mailer, config, crypto, report }) => ({
    jobs: [eventRemindersJob({ db: database.db, mailer, baseUrl: config.baseUrl, crypto }, report)],
  }),
};

export { seedDemoEvents } from './events.demo.ts';
/** For the diverse groups (part 4) and the feedback (part 5): an event, and its registrations that hold a place with what they stated. */
export { findEventById, listConfirmedRegistrants, listEndedEvents, searchEvents } from './events.service.ts';
export { kindLabel as eventKindLabel } from './views/event-pages.tsx';
export { eventKinds } from './events.rules.ts';
/** For the diverse groups' page and mail, and the feedback: when and where an event is, as the events' own pages write it. */
export { eventWhen, eventWhere } from './event-format.ts';
export { adminEventPath, eventPath } from './events.service.ts';
export { exportOwnEventRegistrations, listOwnRegistrationIds, sendReminders } from './events.service.ts';
export type { Event as EventRecord } from './events.service.ts';
