import type { Feature } from '../feature.ts';
import { reregistrationRoutes } from './reregistration.routes.tsx';

/** Re-registration and postponement pages for professionals and the register office. */
export const feature: Feature = {
  name: 'reregistration',
  routes: reregistrationRoutes,
};
