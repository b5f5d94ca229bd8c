import { countMessage, message } from '../../platform/i18n.ts';
import type { StartCard, StartCardProvider } from '../feature.ts';
import { organisationsAllowing } from '../start-cards.ts';
import { countRunsWithoutAttendance } from './catalogue.repo.ts';

/** A provider's or board's runs that took place without attendance recorded: the participants' dossiers wait for it. */
export const catalogueCards: StartCardProvider = async ({ db, now }, actor) => {
  const cards: StartCard[] = [];
  for (const organisation of await organisationsAllowing(actor, ['aanbieder', 'bestuur'], (o) => ({ action: 'attendance.record', organisation: o }))) {
    const { runs, withoutAttendance } = await countRunsWithoutAttendance(db, organisation, now);
    if (runs === 0) continue; // nothing offered yet: no attendance to record
    cards.push({
      place: organisation,
      kind: 'task',
      heading: message('start.attendance.heading'),
      href: `/beheer/${organisation.kind}/${organisation.id}/aanbod`,
      status: countMessage(withoutAttendance, { none: 'start.attendance.none', one: 'start.attendance.one', other: 'start.attendance.other' }),
      waiting: withoutAttendance,
    });
  }
  return cards;
};
