import type { Db } from '../../db/database.ts';
import { hashToken, randomToken } from '../crypto.ts';
import { needsSecondFactor, type AccountActor, type Membership } from './actor.ts';
import { isRole, organisationKinds, type OrganisationKind } from './roles.ts';
import { listLiveMandates } from './mandates.repo.ts';
import * as repo from './sessions.repo.ts';

export const sessionCookie = 'br_sessie';
/** A session ends after this long without a request… */
export const idleTimeoutMs = 60 * 60 * 1000;
/** …and in any case this long after sign-in. */
export const absoluteTimeoutMs = 12 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, not on every request */
const touchEveryMs = 60 * 1000;

export async function loadMemberships(db: Db, accountId: string): Promise<Membership[]> {
  const rows = await repo.listActiveMemberships(db, accountId);
  return rows.flatMap((r) =>
    isRole(r.role) && (organisationKinds as readonly string[]).includes(r.organisationKind)
      ? [{ id: r.id, role: r.role, organisation: { kind: r.organisationKind as OrganisationKind, id: r.organisationId } }]
      : [],
  );
}

/** Starts a new session (a new token on every sign-in: no session fixation). Returns the cookie value. */
export async function startSession(db: Db, input: { accountId: string; method: 'password' | 'oidc'; secondFactor: boolean; now?: Date }) {
  const now = input.now ?? new Date();
  const token = randomToken();
  const session = await repo.insertSession(db, {
    tokenHash: hashToken(token),
    accountId: input.accountId,
    method: input.method,
    secondFactorAt: input.secondFactor ? now : null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + absoluteTimeoutMs),
  });
  return { token, session };
}

/**
 * The signed-in account behind a session cookie, or null when the session is unknown, ended, idle
 * too long or past its absolute expiry. An account that needs a second factor and has not given it
 * yet comes back with `secondFactorDone: false`.
 */
export async function resolveSession(db: Db, token: string, now = new Date()): Promise<AccountActor | null> {
  const found = await repo.findLiveSession(db, hashToken(token), now);
  if (!found) return null;
  const { session } = found;
  if (now.getTime() - session.lastSeenAt.getTime() > idleTimeoutMs) {
    await repo.endSession(db, session.id, now);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > touchEveryMs) await repo.touchSession(db, session.id, now);
  const memberships = await loadMemberships(db, session.accountId);
  const offices = memberships.filter((m) => m.organisation.kind === 'administratiekantoor').map((m) => m.organisation.id);
  const secondFactorRequired = needsSecondFactor(memberships) || found.totpEnabledAt !== null;
  return {
    type: 'account',
    accountId: session.accountId,
    sessionId: session.id,
    email: found.email,
    displayName: found.displayName,
    memberships,
    secondFactorDone: !secondFactorRequired || session.secondFactorAt !== null,
    // read on every request, like the memberships: a withdrawn machtiging counts from the next request on
    mandates: await listLiveMandates(db, offices),
  };
}

/**
 * Records the second factor and renews the session's token (a step up in assurance must not keep a
 * token that was handed out before it, in case that one leaked). Returns the new token for the cookie.
 */
export async function markSecondFactor(db: Db, sessionId: string, now = new Date()): Promise<string> {
  const token = randomToken();
  await repo.markSecondFactor(db, sessionId, hashToken(token), now);
  return token;
}
export const endSession = (db: Db, sessionId: string, now = new Date()) => repo.endSession(db, sessionId, now);
export const endAllSessions = (db: Db, accountId: string, now = new Date()) => repo.endAllSessions(db, accountId, now);
export const countLiveSessions = (db: Db, accountId: string, now = new Date()) => repo.countLiveSessions(db, accountId, now);
