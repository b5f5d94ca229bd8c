import { deliveryCards } from './deliveries.start-cards.ts';
import type { Feature } from '../feature.ts';
import { deliveriesNl } from './deliveries.texts.nl.ts';
import { deliveriesEn } from './deliveries.texts.en.ts';
import { entryNl } from './entry.texts.nl.ts';
import { entryEn } from './entry.texts.en.ts';
import { rowMessagesNl } from './row-messages.texts.nl.ts';
import { rowMessagesEn } from './row-messages.texts.en.ts';
import { deliveryRoutes } from './deliveries.routes.tsx';
import { createDeliveryDeps, deliveryJob } from './deliveries.jobs.ts';
import { startLeaseSweeper } from './delivery-leases.ts';
import { hideLegacyBsnLikeStaffNumbers } from './legacy-staff-numbers.ts';

/** Boards deliver their staff by file and API; the check, the apply and the terugmelding. */
export const feature: Feature = {
  name: 'deliveries',
  texts: [
    { nl: deliveriesNl, en: deliveriesEn },
    { nl: rowMessagesNl, en: rowMessagesEn },
    { nl: entryNl, en: entryEn },
  ],
  routes: deliveryRoutes,
  startCards: deliveryCards,
  prepare: async ({ database, crypto, report }) => {
    const hidden = await hideLegacyBsnLikeStaffNumbers(database.db, crypto);
    if (hidden && Object.values(hidden).some((n) => n > 0)) {
      report(
        `Personeelsnummers die op een BSN lijken, nu verborgen opgeslagen (aanleverformaat 1.1): ${Object.entries(hidden)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')}`,
      );
    }
  },
  background: (server) => {
    const deps = createDeliveryDeps(server);
    return {
      jobs: [deliveryJob(deps)],
      // work a killed process left (a check, an apply, invitations) goes back to the queue once its lease runs out
      start: () => startLeaseSweeper(deps, (m, err) => (err ? server.log(m, err) : server.report(m))),
    };
  },
};

export { xlsxMediaType } from './deliveries.api.ts';
export { applyDelivery, mayDeliver, submitDelivery } from './deliveries.service.ts';
export { employmentEntryPath, entryPath } from './views/delivery-pages.tsx';
export type { DeliveryDeps, DeliveryTask } from './deliveries.service.ts';
export { columns } from './delivery-format.rules.ts';
export { sendDeliveryInvitations } from './delivery-invitations.service.ts';
export { exportDeliveriesAboutPerson } from './deliveries-about-person.service.ts';
export { findFirstAppliedDeliveries } from './deliveries.repo.ts';
