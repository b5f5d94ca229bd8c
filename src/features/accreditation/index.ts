import { accreditationCards } from './accreditation.start-cards.ts';
import type { Feature } from '../feature.ts';
import { accreditationNl } from './accreditation.texts.nl.ts';
import { accreditationEn } from './accreditation.texts.en.ts';
import { accreditationRoutes } from './accreditation.routes.tsx';

/** Training providers, their offerings and the accreditation committee. */
export const feature: Feature = {
  name: 'accreditation',
  texts: [{ nl: accreditationNl, en: accreditationEn }],
  routes: accreditationRoutes,
  startCards: accreditationCards,
};

export { seedDemoAccreditation } from './accreditation.demo.ts';
export { exportOfferingsAssignedTo, findProviderById } from './accreditation.service.ts';
