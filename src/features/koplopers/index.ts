import type { Feature } from '../feature.ts';
import { koplopersEn } from './koplopers.texts.en.ts';
import { koplopersNl } from './koplopers.texts.nl.ts';
import { koploperRoutes } from './koplopers.routes.tsx';
import { koploperCards } from './koplopers.start-cards.ts';

/** The koploper programme (seed 000): schools apply as pioneer, get an effort estimate, and go through six steps. */
export const feature: Feature = {
  name: 'koplopers',
  texts: [{ nl: koplopersNl, en: koplopersEn }],
  routes: koploperRoutes,
  startCards: koploperCards,
};

export { seedDemoKoplopers } from './koplopers.demo.ts';
/** For the AVG download: the applications naming the person as contact, the koplopers they own, what they did on the pipeline. */
export { exportKoploperDataOf } from './koplopers.export.ts';
