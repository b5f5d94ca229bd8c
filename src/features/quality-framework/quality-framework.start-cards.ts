import { message } from '../../platform/i18n.ts';
import type { StartCardProvider } from '../feature.ts';
import { allows } from '../start-cards.ts';
import { currentQualityFrameworkNumber } from './quality-framework.service.ts';
import { qualityFrameworkAdminPath } from './views/quality-framework-pages.tsx';

/** Register staff: the Kwaliteitskader, at its current version (or none yet). */
export const qualityFrameworkCards: StartCardProvider = async ({ db }, actor) => {
  if (!(await allows(actor, { action: 'framework.manage' }))) return [];
  const version = await currentQualityFrameworkNumber(db);
  return [
    {
      place: 'register-office',
      kind: 'page',
      heading: message('qualityFramework.link'),
      href: qualityFrameworkAdminPath,
      status: version ? message('start.qualityFramework.version', { version }) : message('start.qualityFramework.none'),
      waiting: 0,
    },
  ];
};
