import type { Feature } from '../feature.ts';
import { myDataRoutes } from './my-data.routes.tsx';

/** The AVG pages: who looked at a person's data, and all of it to view and download. */
export const feature: Feature = {
  name: 'my-data',
  routes: myDataRoutes,
};
