import { countMessage, message } from '../../platform/i18n.ts';
import type { StartCardProvider } from '../feature.ts';
import { allows } from '../start-cards.ts';
import { countRegisters } from './registers.repo.ts';

/** Register staff: the registers and their rules. */
export const registerCards: StartCardProvider = async ({ db }, actor) => {
  if (!(await allows(actor, { action: 'registers.manage' }))) return [];
  return [
    {
      place: 'register-office',
      kind: 'page',
      heading: message('registers.title'),
      href: '/beheer/registers',
      status: countMessage(await countRegisters(db), { none: 'start.registers.none', one: 'start.registers.one', other: 'start.registers.other' }),
      waiting: 0,
    },
  ];
};
