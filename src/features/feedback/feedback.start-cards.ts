import { countMessage } from '../../platform/i18n.ts';
import type { StartCard, StartCardProvider } from '../feature.ts';
import { allows } from '../start-cards.ts';
import { backlogPath, countUntagged } from './feedback.service.ts';

/** Register staff: the feedback backlog, with the answers that still wait for a topic. */
export const feedbackCards: StartCardProvider = async ({ db }, actor) => {
  if (!(await allows(actor, { action: 'events.manage' }))) return [];
  const untagged = await countUntagged(db);
  const card: StartCard = {
    place: 'register-office',
    kind: 'task',
    heading: { key: 'start.feedback.heading' },
    href: backlogPath,
    status: countMessage(untagged, { none: 'start.feedback.none', one: 'start.feedback.one', other: 'start.feedback.other' }),
    waiting: untagged,
  };
  return [card];
};
