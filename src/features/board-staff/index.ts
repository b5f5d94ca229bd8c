import type { Feature } from '../feature.ts';
import { boardStaffRoutes } from './board-staff.routes.tsx';

/** A board's view of its staff in the register. */
export const feature: Feature = {
  name: 'board-staff',
  routes: boardStaffRoutes,
};
