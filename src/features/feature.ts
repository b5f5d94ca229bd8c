import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { Config } from '../config.ts';
import type { Database, Db } from '../db/database.ts';
import type { Crypto } from '../platform/crypto.ts';
import type { JobDefinition, Jobs } from '../platform/jobs.ts';
import type { Texts } from '../platform/i18n.ts';
import type { Mailer } from '../platform/mail/mailer.ts';

/**
 * What app.ts hands every feature's routes. In a file of its own, not in features/index.ts: that file
 * imports every feature, so a feature importing the type from it closed a cycle through all of them.
 */
export type FeatureOptions = {
  db: Db;
  database: Database;
  development: boolean;
  jobs?: Jobs;
  config: Config;
  crypto: Crypto;
  mailer: Mailer;
  /** cookies carry Secure (TLS, or localhost) */
  secureCookies: boolean;
};

/** What the server process hands a feature's background work (main.ts `serve`). */
export type ServerContext = {
  database: Database;
  config: Config;
  crypto: Crypto;
  mailer: Mailer;
  /** the job queue, once it has started (undefined when jobs are off) */
  jobs: () => Jobs | undefined;
  log: (message: string, error?: unknown) => void;
  report: (message: string) => void;
};

/** A feature's background work: the jobs it handles, and anything it runs beside them until the server stops. */
export type BackgroundWork = {
  jobs: JobDefinition<z.ZodTypeAny>[];
  /** started once the queue runs; returns how to stop it */
  start?: () => () => void;
};

/**
 * A feature's one public face, exported from its index.ts as `feature`. app.ts registers the routes of
 * every feature in the order of features/index.ts; main.ts runs `prepare` before the server listens and
 * collects `background` work for the job queue.
 */
export type Feature = {
  name: string;
  /** the feature's texts, Dutch and English (files *.texts.nl.ts and *.texts.en.ts beside its code) */
  texts?: Texts[];
  routes?: (app: FastifyInstance, opts: FeatureOptions) => Promise<void>;
  /** a data fix or check that runs once at start-up, before requests are served */
  prepare?: (server: ServerContext) => Promise<void>;
  background?: (server: ServerContext) => BackgroundWork;
};
