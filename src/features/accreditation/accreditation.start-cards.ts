import { countMessage, message } from '../../platform/i18n.ts';
import type { StartCard, StartCardProvider } from '../feature.ts';
import { allows, organisationsAllowing } from '../start-cards.ts';
import { countAccreditationOfficeWork, countOfferingsAssignedTo, countOfferingsInReview } from './accreditation.repo.ts';
import { commissionPath, offeringsPath, providersPath } from './views/offering-parts.tsx';

/** A provider's or board's offerings in review; register staff's offerings to assign and providers; a commission member's offerings to judge. */
export const accreditationCards: StartCardProvider = async ({ db }, actor) => {
  const cards: StartCard[] = [];
  for (const organisation of await organisationsAllowing(actor, ['aanbieder', 'bestuur'], (o) => ({ action: 'offerings.submit', organisation: o }))) {
    const { inReview, informationAsked } = await countOfferingsInReview(db, organisation);
    cards.push({
      place: organisation,
      // on the start page while the commission is busy with it; always on Beheer (a board that offers nothing has no task here)
      kind: inReview + informationAsked > 0 ? 'task' : 'page',
      heading: message('accreditation.offerings.link'),
      href: offeringsPath(organisation),
      status:
        informationAsked > 0
          ? countMessage(informationAsked, { one: 'start.offerings.asked.one', other: 'start.offerings.asked.other' })
          : countMessage(inReview, { none: 'start.offerings.review.none', one: 'start.offerings.review.one', other: 'start.offerings.review.other' }),
      waiting: informationAsked,
    });
  }
  const assign = await allows(actor, { action: 'offerings.assign' });
  const providers = await allows(actor, { action: 'providers.manage' });
  if (assign || providers) {
    const work = await countAccreditationOfficeWork(db);
    if (assign) {
      cards.push({
        place: 'register-office',
        kind: 'task',
        heading: message('start.offerings.assign.heading'),
        href: commissionPath,
        status: countMessage(work.toAssign, { none: 'start.offerings.assign.none', one: 'start.offerings.assign.one', other: 'start.offerings.assign.other' }),
        waiting: work.toAssign,
      });
    }
    if (providers) {
      cards.push({
        place: 'register-office',
        kind: 'page',
        heading: message('accreditation.providers.link'),
        href: providersPath,
        status: countMessage(work.providers, { none: 'start.providers.none', one: 'start.providers.one', other: 'start.providers.other' }),
        waiting: 0,
      });
    }
  }
  if (await allows(actor, { action: 'offerings.review' })) {
    const mine = await countOfferingsAssignedTo(db, actor.accountId);
    cards.push({
      place: 'accreditation-committee',
      kind: 'task',
      heading: message('start.offerings.judge.heading'),
      href: commissionPath,
      status: countMessage(mine, { none: 'start.offerings.judge.none', one: 'start.offerings.judge.one', other: 'start.offerings.judge.other' }),
      waiting: mine,
    });
  }
  return cards;
};
