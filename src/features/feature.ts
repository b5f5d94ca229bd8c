import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { Config } from '../config.ts';
import type { Database, Db } from '../db/database.ts';
import type { AccountActor } from '../platform/auth/actor.ts';
import type { OrganisationRef } from '../platform/auth/roles.ts';
import type { Crypto } from '../platform/crypto.ts';
import type { JobDefinition, Jobs } from '../platform/jobs.ts';
import type { Message, Texts } from '../platform/i18n.ts';
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
  /** every feature's start cards (`Feature.startCards`), in registration order: the start page and Beheer show them */
  startCards: readonly StartCardProvider[];
};

/**
 * Where a start card belongs: the person's own register (`own`), the organisation whose work it is, or
 * the register's own office and its two commissions (one organisation, three kinds of work).
 */
export type StartCardPlace = 'own' | 'register-office' | 'registration-committee' | 'accreditation-committee' | OrganisationRef;

/**
 * One card on the start page (like Mijn DUO): a link to the page where something is done, and how
 * much waits there, in words. A `task` is work that can wait for the actor (its count is `waiting`); a
 * `page` is a way into a management page with a fact about it ("12 medewerkers"): the start page shows
 * the tasks, Beheer shows both.
 */
export type StartCard = {
  place: StartCardPlace;
  kind: 'task' | 'page';
  heading: Message;
  href: string;
  /** the count or state in words, with its plural: "2 dienstverbanden te controleren" */
  status: Message;
  /** how many things wait for the actor there; 0 when nothing does */
  waiting: number;
};

export type StartCardDeps = {
  db: Db;
  /** today in Dutch time (YYYY-MM-DD) and now: for what is due */
  today: string;
  now: Date;
  /** the request's id, for an audit event a card's look-up writes (linking a person, as opening Mijn register does) */
  requestId?: string;
};

/**
 * A feature's start cards for this actor: only for what the actor may do (`decide`), every count from a
 * count query in the feature's repository, never a list loaded and counted.
 */
export type StartCardProvider = (deps: StartCardDeps, actor: AccountActor) => Promise<StartCard[]>;

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
  /** the cards this feature adds to the start page and to Beheer (src/features/start-page) */
  startCards?: StartCardProvider;
};
