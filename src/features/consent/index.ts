import type { Feature } from '../feature.ts';
import { consentRoutes } from './consent.routes.tsx';

/** Consent a professional gives a board to see their development. */
export const feature: Feature = {
  name: 'consent',
  routes: consentRoutes,
};

export { exportOwnConsents, grantConsent, seedDemoConsents } from './consent.service.ts';
