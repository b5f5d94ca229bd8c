import type { Feature } from '../feature.ts';
import { dossierNl } from './dossier.texts.nl.ts';
import { dossierEn } from './dossier.texts.en.ts';
import { valuationNl } from './valuation.texts.nl.ts';
import { valuationEn } from './valuation.texts.en.ts';
import { dossierRoutes } from './dossier.routes.tsx';
import { valuationRoutes } from './valuation.routes.tsx';
import { valuationCards } from './valuation.start-cards.ts';

/** The professional's development dossier and the valuation of own activities. */
export const feature: Feature = {
  name: 'dossier',
  texts: [
    { nl: dossierNl, en: dossierEn },
    { nl: valuationNl, en: valuationEn },
  ],
  routes: async (app, opts) => {
    await app.register(dossierRoutes, opts);
    await app.register(valuationRoutes, opts);
  },
  startCards: valuationCards,
};

export { activityKinds } from './activity.rules.ts';
export type { ActivityKind } from './activity.rules.ts';
export { exportOwnDossier } from './dossier.service.ts';
export { exportAssessmentsBy } from './valuation.service.ts';
export { seedDemoValuation } from './valuation.demo.ts';
