import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../feature.ts';
import { deliveryApiRoutes } from './deliveries.api.ts';
import { createDeliveryDeps } from './deliveries.jobs.ts';
import { deliveryPageRoutes } from './deliveries.page-routes.tsx';
import { entryPageRoutes } from './entry.page-routes.tsx';
import { registerOfficePageRoutes } from './register-office.page-routes.tsx';

/** Data delivery by boards: the API for software suppliers, the pages for board staff, and their entry screen. */
export async function deliveryRoutes(app: FastifyInstance, opts: FeatureOptions) {
  const deps = createDeliveryDeps({
    database: opts.database,
    crypto: opts.crypto,
    mailer: opts.mailer,
    config: opts.config,
    jobs: () => opts.jobs,
    log: (msg, err) => app.log.error({ err }, msg),
  });
  await app.register(deliveryApiRoutes, { deps });
  await app.register(deliveryPageRoutes, { deps });
  await app.register(entryPageRoutes, { deps });
  await app.register(registerOfficePageRoutes, { deps });
}
