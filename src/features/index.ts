import type { FastifyInstance } from 'fastify';
import type { Database, Db } from '../db/database.ts';
import type { Jobs } from '../platform/jobs.ts';
import { organisationRoutes } from './organisations/organisations.routes.tsx';
import { pageRoutes } from './pages/pages.routes.tsx';

export type FeatureOptions = { db: Db; database: Database; development: boolean; jobs?: Jobs };

/** Every feature's routes; app.ts registers them in this order. */
export const features: ((app: FastifyInstance, opts: FeatureOptions) => Promise<void>)[] = [pageRoutes, organisationRoutes];
