import { countMessage, message } from '../../platform/i18n.ts';
import type { StartCard, StartCardProvider } from '../feature.ts';
import { countApplicationsAssignedTo, countApplicationsToAssign, countEnrolments, countOwnRecord, countOwnRegistration } from '../register/index.ts';
import { allows } from '../start-cards.ts';
import { enrolmentsPath } from './views/enrolment-pages.tsx';
import { ownRegistrationPath } from './views/own-registration-page.tsx';
import { reviewPath } from './views/review-pages.tsx';

/** The professional's registration; register staff's applications to assign and enrolments; a commission member's applications to decide. */
export const registrationCards: StartCardProvider = async ({ db, today }, actor) => {
  const cards: StartCard[] = [];
  const enrolment = (await countOwnRecord(db, actor.accountId))?.enrolment;
  if (enrolment && enrolment.status !== 'doorgehaald') {
    const own = await countOwnRegistration(db, enrolment.id, today);
    const status =
      own.openApplications > 0
        ? countMessage(own.openApplications, { one: 'start.registration.open.one', other: 'start.registration.open.other' })
        : own.validUntil
          ? message('start.registration.valid', { until: own.validUntil })
          : message(own.everApplied ? 'start.registration.none' : 'start.registration.apply');
    const waiting = own.everApplied ? 0 : 1;
    cards.push({ place: 'own', kind: 'task', heading: message('registration.title'), href: ownRegistrationPath, status, waiting });
  }
  if (await allows(actor, { action: 'registrations.assign' })) {
    const toAssign = await countApplicationsToAssign(db);
    cards.push({
      place: 'register-office',
      kind: 'task',
      heading: message('review.link'),
      href: reviewPath,
      status: countMessage(toAssign, { none: 'start.review.assign.none', one: 'start.review.assign.one', other: 'start.review.assign.other' }),
      waiting: toAssign,
    });
  }
  if (await allows(actor, { action: 'enrolments.manage' })) {
    cards.push({
      place: 'register-office',
      kind: 'page',
      heading: message('enrolments.link'),
      href: enrolmentsPath,
      status: countMessage(await countEnrolments(db), { none: 'start.enrolments.none', one: 'start.enrolments.one', other: 'start.enrolments.other' }),
      waiting: 0,
    });
  }
  if (await allows(actor, { action: 'registrations.decide' })) {
    const mine = await countApplicationsAssignedTo(db, actor.accountId);
    cards.push({
      place: 'registration-committee',
      kind: 'task',
      heading: message('review.link'),
      href: reviewPath,
      status: countMessage(mine, { none: 'start.review.decide.none', one: 'start.review.decide.one', other: 'start.review.decide.other' }),
      waiting: mine,
    });
  }
  return cards;
};
