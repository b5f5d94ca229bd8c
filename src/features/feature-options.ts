import type { Config } from '../config.ts';
import type { Database, Db } from '../db/database.ts';
import type { Crypto } from '../platform/crypto.ts';
import type { Jobs } from '../platform/jobs.ts';
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
