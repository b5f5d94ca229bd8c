import { countMessage, message } from '../../platform/i18n.ts';
import type { StartCard, StartCardProvider } from '../feature.ts';
import { allows, organisationsAllowing } from '../start-cards.ts';
import { countMandates, countOffices } from './offices.repo.ts';
import { officesPath } from './views/office-pages.tsx';

/** An office's boards; a board admin's machtigingen; register staff's list of offices. */
export const officeCards: StartCardProvider = async ({ db }, actor) => {
  const cards: StartCard[] = [];
  for (const office of await organisationsAllowing(actor, ['administratiekantoor'], (organisation) => ({ action: 'mandates.read', organisation }))) {
    cards.push({
      place: office,
      kind: 'page',
      heading: message('offices.mandates.link'),
      href: `/beheer/administratiekantoor/${office.id}/besturen`,
      status: countMessage(await countMandates(db, { officeId: office.id }), {
        none: 'start.offices.boards.none',
        one: 'start.offices.boards.one',
        other: 'start.offices.boards.other',
      }),
      waiting: 0,
    });
  }
  for (const board of await organisationsAllowing(actor, ['bestuur'], (organisation) => ({ action: 'mandates.grant', organisation }))) {
    cards.push({
      place: board,
      kind: 'page',
      heading: message('start.offices.grant.heading'),
      href: `/beheer/bestuur/${board.id}/administratiekantoren`,
      status: countMessage(await countMandates(db, { boardId: board.id }), {
        none: 'start.offices.granted.none',
        one: 'start.offices.granted.one',
        other: 'start.offices.granted.other',
      }),
      waiting: 0,
    });
  }
  if (await allows(actor, { action: 'offices.manage' })) {
    cards.push({
      place: 'register-office',
      kind: 'page',
      heading: message('offices.link'),
      href: officesPath,
      status: countMessage(await countOffices(db), { none: 'start.offices.none', one: 'start.offices.one', other: 'start.offices.other' }),
      waiting: 0,
    });
  }
  return cards;
};
