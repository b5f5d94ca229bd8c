import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * Someone who signs in: a professional, board or provider staff, register staff, a commission member.
 * An account is not a register entry (inschrijving): the person record of a professional comes later.
 */
export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** lower-cased; unique among accounts */
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    /** argon2id; null for an account that only signs in through OpenID Connect */
    passwordHash: text('password_hash'),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    /** AES-256-GCM sealed TOTP secret (platform/crypto.ts) */
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** the last TOTP time step used, so a code is never accepted twice */
    totpLastStep: integer('totp_last_step'),
    preferredLang: varchar('preferred_lang', { length: 2 }).notNull().default('nl'),
    /**
     * The keyed hash (HMAC, as persons.bsn_hash) of the BSN an OpenID Connect issuer vouched for at
     * sign-in (DigiD through a broker); never the BSN itself. A delivery with that BSN finds its account
     * by it (decision 021). One account a BSN.
     */
    bsnHash: text('bsn_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('accounts_email').on(t.email), uniqueIndex('accounts_bsn_hash').on(t.bsnHash).where(sql`bsn_hash IS NOT NULL`)],
);

/** An identity at an OpenID Connect issuer (DigiD, Entree, SURFconext through a broker) linked to an account. */
export const federatedIdentities = pgTable(
  'federated_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('federated_identities_issuer_subject').on(t.issuer, t.subject), index('federated_identities_account').on(t.accountId)],
);

/**
 * A role an account holds in an organisation. The organisation is named by kind and id: a board's id
 * from `boards`, the register office's fixed id, later providers and partnerships.
 */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    organisationKind: varchar('organisation_kind', { length: 20 }).notNull(),
    organisationId: uuid('organisation_id').notNull(),
    role: varchar('role', { length: 40 }).notNull(),
    grantedBy: uuid('granted_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => accounts.id),
  },
  (t) => [
    index('memberships_account').on(t.accountId),
    index('memberships_organisation').on(t.organisationKind, t.organisationId),
    uniqueIndex('memberships_active_role').on(t.accountId, t.organisationKind, t.organisationId, t.role).where(sql`revoked_at IS NULL`),
  ],
);

/** An invitation to take a role: accepted by signing in (or creating an account) with the link from the mail. */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    organisationKind: varchar('organisation_kind', { length: 20 }).notNull(),
    organisationId: uuid('organisation_id').notNull(),
    role: varchar('role', { length: 40 }).notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by')
      .notNull()
      .references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => accounts.id),
  },
  (t) => [uniqueIndex('invitations_token').on(t.tokenHash)],
);

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is kept here. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    /** 'password' | 'oidc' and whether the second factor was given */
    method: varchar('method', { length: 20 }).notNull(),
    secondFactorAt: timestamp('second_factor_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('sessions_token').on(t.tokenHash), index('sessions_account').on(t.accountId)],
);

/** One-time links sent by mail: verify an address, reset a password, unlock after a lock-out, accept an invitation. */
export const emailTokens = pgTable(
  'email_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    purpose: varchar('purpose', { length: 20 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('email_tokens_token').on(t.tokenHash)],
);

/**
 * Failed sign-ins per e-mail address (keyed hash), whether or not an account has that address:
 * the lock-out then tells nobody which addresses exist.
 */
export const signInThrottle = pgTable('sign_in_throttle', {
  emailHash: text('email_hash').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

/** A machine client's credential, for one organisation, with scopes; only a hash of the secret is kept. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationKind: varchar('organisation_kind', { length: 20 }).notNull(),
    organisationId: uuid('organisation_id').notNull(),
    name: text('name').notNull(),
    scopes: text('scopes').array().notNull(),
    tokenHash: text('token_hash').notNull(),
    /** the first characters, shown in lists so a person can tell tokens apart */
    prefix: varchar('prefix', { length: 16 }).notNull(),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => accounts.id),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_tokens_token').on(t.tokenHash), index('api_tokens_organisation').on(t.organisationKind, t.organisationId)],
);

/**
 * Append-only: a trigger refuses UPDATE and DELETE (migration 0002). Written in the same transaction
 * as the change it records; reads of someone else's non-public data are recorded too.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorAccountId: uuid('actor_account_id'),
    actorTokenId: uuid('actor_token_id'),
    actorRole: varchar('actor_role', { length: 40 }),
    actorOrganisationKind: varchar('actor_organisation_kind', { length: 20 }),
    actorOrganisationId: uuid('actor_organisation_id'),
    action: varchar('action', { length: 60 }).notNull(),
    subjectAccountId: uuid('subject_account_id'),
    /** the person whose data was read or changed: a delivered person may have no account (yet) */
    subjectPersonId: uuid('subject_person_id'),
    subjectOrganisationKind: varchar('subject_organisation_kind', { length: 20 }),
    subjectOrganisationId: uuid('subject_organisation_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    reason: text('reason'),
    requestId: text('request_id'),
  },
  (t) => [
    index('audit_events_subject_account').on(t.subjectAccountId, t.at),
    index('audit_events_subject_person').on(t.subjectPersonId, t.at),
    index('audit_events_actor_account').on(t.actorAccountId, t.at),
    index('audit_events_subject_organisation').on(t.subjectOrganisationKind, t.subjectOrganisationId, t.at),
  ],
);

/** Every mail the platform sends, kept as sent (the outbox page shows them in development). */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    template: varchar('template', { length: 40 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [index('mail_outbox_created').on(t.createdAt)],
);

/**
 * One-time changes to existing data that need the app's keys, so cannot be a SQL migration (such as
 * hiding personeelsnummers that look like a BSN, decision 017): each runs once, at the first start
 * of the version that brings it, and is noted here.
 */
export const dataFixes = pgTable('data_fixes', {
  name: text('name').primaryKey(),
  appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
  /** what it changed, counts by table */
  result: jsonb('result').$type<Record<string, number>>(),
});
