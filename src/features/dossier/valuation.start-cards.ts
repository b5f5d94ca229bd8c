import { countMessage, message } from '../../platform/i18n.ts';
import type { StartCardProvider } from '../feature.ts';
import { allows } from '../start-cards.ts';
import { countRequestsToAssess } from './valuation.repo.ts';
import { queuePath } from './views/valuation-pages.tsx';

/** A member of the Commissie Accreditatie: the own activities waiting for their valuation. */
export const valuationCards: StartCardProvider = async ({ db }, actor) => {
  if (!(await allows(actor, { action: 'valuations.assess' }))) return [];
  const open = await countRequestsToAssess(db, actor.accountId);
  return [
    {
      place: 'accreditation-committee',
      kind: 'task',
      heading: message('valuation.link'),
      href: queuePath,
      status: countMessage(open, { none: 'start.valuations.none', one: 'start.valuations.one', other: 'start.valuations.other' }),
      waiting: open,
    },
  ];
};
