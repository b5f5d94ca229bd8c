import type { Db } from '../../db/database.ts';
import type { Crypto } from '../../platform/crypto.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';

/** What the identity use cases need from the platform. `now` is injectable for expiry tests. */
export type IdentityDeps = {
  db: Db;
  crypto: Crypto;
  mailer: Mailer;
  /** for links in mails */
  baseUrl: string;
  now?: () => Date;
};

export const nowOf = (deps: IdentityDeps) => (deps.now ? deps.now() : new Date());

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
