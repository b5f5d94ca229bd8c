import type { Feature } from '../feature.ts';
import { publicRegisterNl } from './public-register.texts.nl.ts';
import { publicRegisterEn } from './public-register.texts.en.ts';
import { publicRegisterRoutes } from './public-register.routes.tsx';

/** The public register: search pages and API. */
export const feature: Feature = {
  name: 'public-register',
  texts: [{ nl: publicRegisterNl, en: publicRegisterEn }],
  routes: publicRegisterRoutes,
};
