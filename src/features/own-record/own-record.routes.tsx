import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../feature.ts';
import { evidencePageRoutes } from './evidence.page-routes.tsx';
import { linkPageRoutes } from './link.page-routes.tsx';
import { ownEnrolmentPageRoutes } from './own-enrolment.page-routes.tsx';
import { ownRecordPageRoutes } from './own-record.page-routes.tsx';

/** The professional's own record (Mijn register) and the board's side of its disputes. */
export async function ownRecordRoutes(app: FastifyInstance, opts: FeatureOptions) {
  const files = { dataDir: opts.config.dataDir, fileKey: opts.crypto.fileKey, maxBytes: opts.config.evidenceMaxBytes };
  await app.register(ownRecordPageRoutes, { deps: { db: opts.db, mailer: opts.mailer, baseUrl: opts.config.baseUrl, files } });
  await app.register(linkPageRoutes, { deps: { db: opts.db } });
  await app.register(ownEnrolmentPageRoutes, { deps: { db: opts.db } });
  await app.register(evidencePageRoutes, { deps: { db: opts.db, ...files } });
}
