import type { Feature } from '../feature.ts';
import { registersNl } from './registers.texts.nl.ts';
import { registersEn } from './registers.texts.en.ts';
import { registerRoutes } from './registers.routes.tsx';
import { registerCards } from './registers.start-cards.ts';

/** The registers and their versions with re-registration rules, for the register office. */
export const feature: Feature = {
  name: 'register-versions',
  texts: [{ nl: registersNl, en: registersEn }],
  routes: registerRoutes,
  startCards: registerCards,
};
