import type { Feature } from '../feature.ts';
import { ownRecordRoutes } from './own-record.routes.tsx';

/** The professional's pages: Mijn register, enrolment, evidence, answering a dispute as a board. */
export const feature: Feature = {
  name: 'own-record',
  routes: ownRecordRoutes,
};
