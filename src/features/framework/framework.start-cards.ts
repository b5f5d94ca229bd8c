import { message } from '../../platform/i18n.ts';
import type { StartCardProvider } from '../feature.ts';
import { allows } from '../start-cards.ts';
import { currentVersionNumber } from './framework.repo.ts';
import { frameworkAdminPath } from './views/framework-pages.tsx';

/** Register staff: the reference framework, at its current version. */
export const frameworkCards: StartCardProvider = async ({ db }, actor) => {
  if (!(await allows(actor, { action: 'framework.manage' }))) return [];
  return [
    {
      place: 'register-office',
      kind: 'page',
      heading: message('framework.link'),
      href: frameworkAdminPath,
      status: message('start.framework.version', { version: await currentVersionNumber(db) }),
      waiting: 0,
    },
  ];
};
