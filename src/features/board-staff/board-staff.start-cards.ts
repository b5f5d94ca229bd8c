import { countMessage, message } from '../../platform/i18n.ts';
import type { StartCard, StartCardProvider } from '../feature.ts';
import { countBoardChecks } from '../register/index.ts';
import { organisationsAllowing } from '../start-cards.ts';

/** A board's staff: how far its professionals are with checking what it delivered, and its staff list. */
export const boardStaffCards: StartCardProvider = async ({ db }, actor) => {
  const cards: StartCard[] = [];
  for (const board of await organisationsAllowing(actor, ['bestuur'], (organisation) => ({ action: 'staff.read', organisation }))) {
    const { delivered, unchecked } = await countBoardChecks(db, board.id);
    cards.push({
      place: board,
      // what the professionals still have to check is theirs to do, not the board's: a fact on the start page, nothing waiting
      kind: 'task',
      heading: message('progress.link'),
      href: `/beheer/bestuur/${board.id}/voortgang`,
      status:
        delivered === 0
          ? message('start.progress.nothingDelivered')
          : countMessage(unchecked, { none: 'start.progress.none', one: 'start.progress.one', other: 'start.progress.other' }),
      waiting: 0,
    });
    cards.push({
      place: board,
      kind: 'page',
      heading: message('staff.link'),
      href: `/beheer/bestuur/${board.id}/personeel`,
      status: countMessage(delivered, { none: 'start.staff.none', one: 'start.staff.one', other: 'start.staff.other' }),
      waiting: 0,
    });
  }
  return cards;
};
