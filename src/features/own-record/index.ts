import type { Feature } from '../feature.ts';
import { evidenceNl } from './evidence.texts.nl.ts';
import { evidenceEn } from './evidence.texts.en.ts';
import { ownRecordNl } from './own-record.texts.nl.ts';
import { ownRecordEn } from './own-record.texts.en.ts';
import { ownRecordRoutes } from './own-record.routes.tsx';
import { ownRecordCards } from './own-record.start-cards.ts';

/** The professional's pages: Mijn register, enrolment, evidence, answering a dispute as a board. */
export const feature: Feature = {
  name: 'own-record',
  texts: [
    { nl: evidenceNl, en: evidenceEn },
    { nl: ownRecordNl, en: ownRecordEn },
  ],
  routes: ownRecordRoutes,
  startCards: ownRecordCards,
};

/** Where enrolling starts: an account without a record gives name and birth date there; one with a record goes on to Mijn register. */
export { ownEnrolmentPath } from './views/own-record-page.tsx';
