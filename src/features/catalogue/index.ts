import type { Feature } from '../feature.ts';
import { catalogueRoutes } from './catalogue.routes.tsx';

/** The catalogue of accredited offerings, runs, iCal and attendance. */
export const feature: Feature = {
  name: 'catalogue',
  routes: catalogueRoutes,
};

export { seedDemoRuns } from './catalogue.demo.ts';
export { amsterdamToUtc } from './catalogue.rules.ts';
