import type { Feature } from '../feature.ts';
import { boardStaffNl } from './board-staff.texts.nl.ts';
import { boardStaffEn } from './board-staff.texts.en.ts';
import { boardStaffRoutes } from './board-staff.routes.tsx';
import { boardStaffCards } from './board-staff.start-cards.ts';

/** A board's view of its staff in the register. */
export const feature: Feature = {
  name: 'board-staff',
  texts: [{ nl: boardStaffNl, en: boardStaffEn }],
  routes: boardStaffRoutes,
  startCards: boardStaffCards,
};
