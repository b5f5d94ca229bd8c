import type { Feature } from '../feature.ts';
import { feedbackInvitationsJob } from './feedback.jobs.ts';
import { feedbackRoutes } from './feedback.routes.tsx';
import { feedbackCards } from './feedback.start-cards.ts';
import { feedbackEn } from './feedback.texts.en.ts';
import { feedbackNl } from './feedback.texts.nl.ts';

/**
 * Feedback after events (issue 21 part 5, decision 030): the invitation mailed after an event, the form
 * behind its link (anonymous when the event says so), the topics register staff keep, the answers of an
 * event tagged with them, and the backlog with its CSV.
 */
export const feature: Feature = {
  name: 'feedback',
  texts: [{ nl: feedbackNl, en: feedbackEn }],
  routes: feedbackRoutes,
  startCards: feedbackCards,
  background: ({ database, mailer, config, report }) => ({
    jobs: [feedbackInvitationsJob({ db: database.db, mailer, baseUrl: config.baseUrl }, report)],
  }),
};

export { seedDemoFeedback } from './feedback.demo.ts';
/** For the AVG download: the invitations to the person's registrations, and their answers that are not anonymous. */
export { exportOwnFeedback, sendInvitations } from './feedback.service.ts';
