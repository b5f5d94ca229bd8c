import type { Feature } from '../feature.ts';
import { reregistrationNl } from './reregistration.texts.nl.ts';
import { reregistrationEn } from './reregistration.texts.en.ts';
import { reregistrationRoutes } from './reregistration.routes.tsx';
import { reregistrationCards } from './reregistration.start-cards.ts';

/** Re-registration and postponement pages for professionals and the register office. */
export const feature: Feature = {
  name: 'reregistration',
  texts: [{ nl: reregistrationNl, en: reregistrationEn }],
  routes: reregistrationRoutes,
  startCards: reregistrationCards,
};
