import type { Feature } from '../feature.ts';
import { startPageEn } from './start-page.texts.en.ts';
import { startPageNl } from './start-page.texts.nl.ts';
import { startPageRoutes } from './start-page.routes.tsx';

/**
 * Where a signed-in person starts: the start page (`/start`) with a card per task, and Beheer (`/beheer`)
 * with every page of the organisations they hold a role in. The cards come from the features
 * (`Feature.startCards`); this feature only arranges them, so it sits on top of the others.
 */
export const feature: Feature = {
  name: 'start-page',
  texts: [{ nl: startPageNl, en: startPageEn }],
  routes: startPageRoutes,
};

export { describeMenu } from './start-page.service.ts';
export { managePath } from './views/start-pages.tsx';
