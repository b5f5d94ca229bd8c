import type { Feature } from '../feature.ts';
import { consentNl } from './consent.texts.nl.ts';
import { consentEn } from './consent.texts.en.ts';
import { consentRoutes } from './consent.routes.tsx';

/** Consent a professional gives a board to see their development. */
export const feature: Feature = {
  name: 'consent',
  texts: [{ nl: consentNl, en: consentEn }],
  routes: consentRoutes,
};

export { exportOwnConsents, grantConsent, seedDemoConsents } from './consent.service.ts';
