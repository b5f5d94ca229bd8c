import type { Feature } from '../feature.ts';
import { frameworkRoutes } from './framework.routes.tsx';

/** The professional standard (bekwaamheidseisen) and its themes. */
export const feature: Feature = {
  name: 'framework',
  routes: frameworkRoutes,
};

export { getActivityChoices, getCurrentFramework } from './framework.service.ts';
export type { ActivityChoices } from './framework.service.ts';
