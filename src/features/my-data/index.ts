import type { Feature } from '../feature.ts';
import { myDataRoutes } from './my-data.routes.tsx';
import { myDataEn } from './my-data.texts.en.ts';
import { myDataNl } from './my-data.texts.nl.ts';

/** The AVG pages: who looked at a person's data, and all of it to view and download. */
export const feature: Feature = {
  name: 'my-data',
  texts: [{ nl: myDataNl, en: myDataEn }],
  routes: myDataRoutes,
};
