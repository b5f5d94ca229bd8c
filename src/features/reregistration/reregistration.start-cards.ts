import { countMessage, message, type Message } from '../../platform/i18n.ts';
import type { StartCard, StartCardProvider } from '../feature.ts';
import {
  countOwnRecord,
  countOwnRegistration,
  countPostponementsToDecide,
  ownReregistrationPath,
  renewalOutlook,
  type RenewalOutlook,
} from '../register/index.ts';
import { allows } from '../start-cards.ts';
import { postponementQueuePath } from './views/postponement-pages.tsx';

/** How far the professional is, in their register's own unit: "Nog 40 uur nodig", "Nog 12 punten nodig". */
function outlookStatus(outlook: RenewalOutlook): Message {
  const until = { until: outlook.until };
  if (outlook.canApply) return message('start.renewal.canApply', until);
  if (outlook.standing === 'herregistratie verlopen') return message('start.renewal.lapsed');
  if (outlook.standing === 'onder voorwaarden') return message('start.renewal.conditional', until);
  if (outlook.met) return message('start.renewal.met', until);
  const unit = {
    punten: { one: 'start.renewal.points.one', other: 'start.renewal.points.other' },
    uren: { one: 'start.renewal.hours.one', other: 'start.renewal.hours.other' },
    "thema's": { one: 'start.renewal.themes.one', other: 'start.renewal.themes.other' },
  } as const;
  return countMessage(outlook.short, unit[outlook.unit], until);
}

/** The professional's re-registration; the Commissie Registratie's requests for uitstel. */
export const reregistrationCards: StartCardProvider = async ({ db, today }, actor) => {
  const cards: StartCard[] = [];
  const enrolment = (await countOwnRecord(db, actor.accountId))?.enrolment;
  if (enrolment) {
    const openApplication = (await countOwnRegistration(db, enrolment.id, today)).openApplications > 0;
    const outlook = await renewalOutlook(db, { id: enrolment.id, struckOff: enrolment.status === 'doorgehaald', openApplication }, today);
    if (outlook) {
      cards.push({
        place: 'own',
        kind: 'task',
        heading: message('reregistration.title'),
        href: ownReregistrationPath,
        status: outlookStatus(outlook),
        waiting: outlook.canApply ? 1 : 0,
      });
    }
  }
  if (await allows(actor, { action: 'postponements.decide' })) {
    const open = await countPostponementsToDecide(db);
    cards.push({
      place: 'registration-committee',
      kind: 'task',
      heading: message('postponements.link'),
      href: postponementQueuePath,
      status: countMessage(open, { none: 'start.postponements.none', one: 'start.postponements.one', other: 'start.postponements.other' }),
      waiting: open,
    });
  }
  return cards;
};
