import type { Feature } from '../feature.ts';
import { frameworkNl } from './framework.texts.nl.ts';
import { frameworkEn } from './framework.texts.en.ts';
import { frameworkRoutes } from './framework.routes.tsx';
import { frameworkCards } from './framework.start-cards.ts';

/** The professional standard (bekwaamheidseisen) and its themes. */
export const feature: Feature = {
  name: 'framework',
  texts: [{ nl: frameworkNl, en: frameworkEn }],
  routes: frameworkRoutes,
  startCards: frameworkCards,
};

export { getActivityChoices, getCurrentFramework } from './framework.service.ts';
export type { ActivityChoices } from './framework.service.ts';
