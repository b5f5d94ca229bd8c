import type { Feature } from '../feature.ts';
import { publicRegisterRoutes } from './public-register.routes.tsx';

/** The public register: search pages and API. */
export const feature: Feature = {
  name: 'public-register',
  routes: publicRegisterRoutes,
};
