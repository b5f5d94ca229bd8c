import type { Feature } from '../feature.ts';
import { pagesNl } from './pages.texts.nl.ts';
import { pagesEn } from './pages.texts.en.ts';
import { pageRoutes } from './pages.routes.tsx';

/** The public pages: home, accessibility statement, component gallery. */
export const feature: Feature = {
  name: 'pages',
  texts: [{ nl: pagesNl, en: pagesEn }],
  routes: pageRoutes,
};
