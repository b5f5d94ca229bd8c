import type { Feature } from '../feature.ts';
import { pageRoutes } from './pages.routes.tsx';

/** The public pages: home, accessibility statement, component gallery. */
export const feature: Feature = {
  name: 'pages',
  routes: pageRoutes,
};
