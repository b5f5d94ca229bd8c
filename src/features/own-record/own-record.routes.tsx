import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../index.ts';
import { ownRecordPageRoutes } from './own-record.pages.tsx';

/** The professional's own record (Mijn register) and the board's side of its disputes. */
export async function ownRecordRoutes(app: FastifyInstance, opts: FeatureOptions) {
  await app.register(ownRecordPageRoutes, { deps: { db: opts.db } });
}
