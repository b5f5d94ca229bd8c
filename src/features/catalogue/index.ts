import type { Feature } from '../feature.ts';
import { catalogueNl } from './catalogue.texts.nl.ts';
import { catalogueEn } from './catalogue.texts.en.ts';
import { catalogueRoutes } from './catalogue.routes.tsx';
import { catalogueCards } from './catalogue.start-cards.ts';

/** The catalogue of accredited offerings, runs, iCal and attendance. */
export const feature: Feature = {
  name: 'catalogue',
  texts: [{ nl: catalogueNl, en: catalogueEn }],
  routes: catalogueRoutes,
  startCards: catalogueCards,
};

export { seedDemoRuns } from './catalogue.demo.ts';
export { amsterdamToUtc } from './catalogue.rules.ts';
export { exportOwnAttendances } from './catalogue.service.ts';
