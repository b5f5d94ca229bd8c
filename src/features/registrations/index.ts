import type { Feature } from '../feature.ts';
import { registrationsNl } from './registrations.texts.nl.ts';
import { registrationsEn } from './registrations.texts.en.ts';
import { registrationRoutes } from './registrations.routes.tsx';
import { enrolmentRoutes } from './enrolments.routes.tsx';
import { registrationCards } from './registrations.start-cards.ts';

/** Applying for registration, the committee's review, and the office's enrolment pages. */
export const feature: Feature = {
  name: 'registrations',
  texts: [{ nl: registrationsNl, en: registrationsEn }],
  routes: async (app, opts) => {
    await app.register(registrationRoutes, opts);
    await app.register(enrolmentRoutes, opts);
  },
  startCards: registrationCards,
};
