import type { Feature } from '../feature.ts';
import { registerRoutes } from './registers.routes.tsx';

/** The registers and their versions with re-registration rules, for the register office. */
export const feature: Feature = {
  name: 'register-versions',
  routes: registerRoutes,
};
