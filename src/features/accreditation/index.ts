import type { Feature } from '../feature.ts';
import { accreditationRoutes } from './accreditation.routes.tsx';

/** Training providers, their offerings and the accreditation committee. */
export const feature: Feature = {
  name: 'accreditation',
  routes: accreditationRoutes,
};

export { seedDemoAccreditation } from './accreditation.demo.ts';
export { findProviderById } from './accreditation.service.ts';
