import type { Feature } from '../feature.ts';
import { officesEn } from './offices.texts.en.ts';
import { officesNl } from './offices.texts.nl.ts';
import { officeRoutes } from './offices.routes.tsx';
import { officeCards } from './offices.start-cards.ts';

/** Administratiekantoren: offices that deliver for the boards that authorise them (decision 022). */
export const feature: Feature = {
  name: 'administration-offices',
  texts: [{ nl: officesNl, en: officesEn }],
  routes: officeRoutes,
  startCards: officeCards,
};

export { mandateNotices } from './offices.routes.tsx';
export { exportOfficeWorkOf, findOfficeById, listBoardMandates } from './offices.service.ts';
export type { MandateLine, Office } from './offices.service.ts';
export { seedDemoOffice } from './offices.demo.ts';
export { BoardMandatesSection } from './views/office-pages.tsx';
