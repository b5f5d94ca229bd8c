import { message } from '../../platform/i18n.ts';
import type { StartCardProvider } from '../feature.ts';
import { allows } from '../start-cards.ts';
import { countByStep } from './koplopers.repo.ts';
import { pipelinePath } from './views/estimate-table.tsx';

/** Register staff: the koploper pipeline, with how many koplopers it holds and how many newly applied wait for an intake. */
export const koploperCards: StartCardProvider = async ({ db }, actor) => {
  if (!(await allows(actor, { action: 'koplopers.manage' }))) return [];
  const counts = await countByStep(db);
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const fresh = counts[1];
  return [
    {
      place: 'register-office',
      kind: 'task',
      heading: message('koplopers.pipeline.title'),
      href: pipelinePath,
      status: total === 0 ? message('start.koplopers.none') : message('start.koplopers.some', { total, count: fresh, done: counts[6], ready: counts[5] }),
      waiting: fresh,
    },
  ];
};
