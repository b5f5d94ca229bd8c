import { dutchDateOf } from '../../platform/dates/calendar.ts';
import { countMessage, message, type Message } from '../../platform/i18n.ts';
import type { Db } from '../../db/database.ts';
import type { StartCard, StartCardProvider } from '../feature.ts';
import { findBoardById } from '../organisations/index.ts';
import { allows, organisationsAllowing } from '../start-cards.ts';
import { countWaitingToApply, type DeliveryFilter, findLastAppliedAt } from './deliveries.repo.ts';
import { countRegisterOfficeWork } from './register-office.repo.ts';

/** The deliveries of a list: how many wait to be applied, else when the last one was applied. */
async function deliveryState(db: Db, filter: DeliveryFilter): Promise<{ status: Message; waiting: number }> {
  const waiting = await countWaitingToApply(db, filter);
  if (waiting > 0) return { status: countMessage(waiting, { one: 'start.deliveries.waiting.one', other: 'start.deliveries.waiting.other' }), waiting };
  const last = await findLastAppliedAt(db, filter);
  return { status: last ? message('start.deliveries.last', { date: dutchDateOf(last) }) : message('start.deliveries.never'), waiting: 0 };
}

/**
 * A board's deliveries and entry screen; an administratiekantoor's deliveries for each board that
 * authorises it (its own only, decision 022); register staff's overview and possible duplicates.
 */
export const deliveryCards: StartCardProvider = async ({ db }, actor) => {
  const cards: StartCard[] = [];
  for (const board of await organisationsAllowing(actor, ['bestuur'], (organisation) => ({ action: 'delivery.submit', organisation }))) {
    cards.push({
      place: board,
      kind: 'task',
      heading: message('deliveries.link'),
      href: `/beheer/bestuur/${board.id}/aanleveringen`,
      ...(await deliveryState(db, { boardIds: [board.id], officeId: null })),
    });
    cards.push({
      place: board,
      kind: 'page',
      heading: message('entry.link'),
      href: `/beheer/bestuur/${board.id}/invoer`,
      status: message('start.entry.status'),
      waiting: 0,
    });
  }
  for (const office of await organisationsAllowing(actor, ['administratiekantoor'], (organisation) => ({ action: 'mandates.read', organisation }))) {
    for (const mandate of (actor.mandates ?? []).filter((m) => m.office === office.id)) {
      if (!(await allows(actor, { action: 'delivery.submit', organisation: { kind: 'bestuur', id: mandate.board } }))) continue;
      const board = await findBoardById(db, mandate.board);
      cards.push({
        place: office,
        kind: 'task',
        heading: message('start.deliveries.forBoard', { board: board?.name ?? board?.number ?? mandate.board }),
        href: `/beheer/bestuur/${mandate.board}/aanleveringen`,
        ...(await deliveryState(db, { boardIds: [mandate.board], officeId: office.id })),
      });
    }
  }
  const overview = await allows(actor, { action: 'deliveries.overview' });
  const duplicates = await allows(actor, { action: 'duplicates.resolve' });
  if (overview || duplicates) {
    const work = await countRegisterOfficeWork(db);
    if (duplicates) {
      cards.push({
        place: 'register-office',
        kind: 'task',
        heading: message('office.duplicates.title'),
        href: '/beheer/dubbelen',
        status: countMessage(work.openDuplicates, { none: 'start.duplicates.none', one: 'start.duplicates.one', other: 'start.duplicates.other' }),
        waiting: work.openDuplicates,
      });
    }
    if (overview) {
      cards.push({
        place: 'register-office',
        kind: 'page',
        heading: message('office.deliveries.title'),
        href: '/beheer/aanleveringen',
        status: countMessage(work.deliveringBoards, {
          none: 'start.deliveringBoards.none',
          one: 'start.deliveringBoards.one',
          other: 'start.deliveringBoards.other',
        }),
        waiting: 0,
      });
    }
  }
  return cards;
};
