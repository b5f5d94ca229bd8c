import { countMessage, message } from '../../platform/i18n.ts';
import type { StartCard, StartCardProvider } from '../feature.ts';
import { countOpenBoardDisputes, countOwnRecord, linkedPersonOf } from '../register/index.ts';
import { organisationsAllowing } from '../start-cards.ts';

const ownRecordPath = '/mijn-register';

/**
 * Mijn register's cards: the employments and person data to check, and the inschrijving; for a board's
 * staff, the disputes waiting for their answer.
 */
export const ownRecordCards: StartCardProvider = async ({ db, requestId }, actor) => {
  const cards: StartCard[] = [];
  // as opening Mijn register does: a delivery since signing in may have brought this account's person
  if (actor.memberships.length === 0) await linkedPersonOf({ db }, { actor, requestId });
  const own = await countOwnRecord(db, actor.accountId);
  if (!own && actor.memberships.length === 0) {
    // an account of its own, not linked yet: Mijn register says how to link a record or enrol without one
    cards.push({
      place: 'own',
      kind: 'task',
      heading: message('start.own.link.heading'),
      href: ownRecordPath,
      status: message('start.own.link.status'),
      waiting: 1,
    });
  }
  if (own) {
    const toCheck = own.employmentsToCheck;
    cards.push({
      place: 'own',
      kind: 'task',
      heading: message('start.own.check.heading'),
      href: ownRecordPath,
      status:
        toCheck > 0
          ? countMessage(toCheck, { one: 'start.own.check.one', other: 'start.own.check.other' })
          : message(own.personDataToCheck ? 'start.own.check.personData' : 'start.own.check.done'),
      waiting: toCheck + (own.personDataToCheck ? 1 : 0),
    });
    const enrolment = own.enrolment;
    cards.push({
      place: 'own',
      kind: 'task',
      heading: message(enrolment ? 'start.own.enrolment.heading' : 'start.own.enrol.heading'),
      href: ownRecordPath,
      status: !enrolment
        ? message('start.own.enrol.status')
        : enrolment.status === 'doorgehaald'
          ? message('start.own.enrolment.struckOff', { number: enrolment.registerNumber })
          : message('start.own.enrolment.status', { number: enrolment.registerNumber }),
      waiting: enrolment ? 0 : 1,
    });
  }
  for (const board of await organisationsAllowing(actor, ['bestuur'], (organisation) => ({ action: 'staff.act', organisation }))) {
    const open = await countOpenBoardDisputes(db, board.id);
    cards.push({
      place: board,
      kind: 'task',
      heading: message('disputes.link'),
      href: `/beheer/bestuur/${board.id}/betwistingen`,
      status: countMessage(open, { none: 'start.disputes.none', one: 'start.disputes.one', other: 'start.disputes.other' }),
      waiting: open,
    });
  }
  return cards;
};
