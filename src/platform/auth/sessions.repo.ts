import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { accounts, memberships, sessions } from '../../db/schema/index.ts';

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(db: Db, row: typeof sessions.$inferInsert): Promise<SessionRow> {
  const [created] = await db.insert(sessions).values(row).returning();
  return created;
}

/** A live session with its account: not ended, not past its absolute expiry. */
export async function findLiveSession(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ session: sessions, email: accounts.email, displayName: accounts.displayName, totpEnabledAt: accounts.totpEnabledAt })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.endedAt), gt(sessions.expiresAt, now)));
  return row;
}

export async function listActiveMemberships(db: Db, accountId: string) {
  return db
    .select({ id: memberships.id, role: memberships.role, organisationKind: memberships.organisationKind, organisationId: memberships.organisationId })
    .from(memberships)
    .where(and(eq(memberships.accountId, accountId), isNull(memberships.revokedAt)))
    .orderBy(memberships.createdAt);
}

export async function touchSession(db: Db, id: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
}

/** The second factor given: the session gets a new token in the same step, so the old one is worth nothing. */
export async function markSecondFactor(db: Db, id: string, tokenHash: string, now: Date): Promise<void> {
  await db.update(sessions).set({ secondFactorAt: now, tokenHash }).where(eq(sessions.id, id));
}

export async function endSession(db: Db, id: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ endedAt: now })
    .where(and(eq(sessions.id, id), isNull(sessions.endedAt)));
}

export async function endAllSessions(db: Db, accountId: string, now: Date): Promise<number> {
  const ended = await db
    .update(sessions)
    .set({ endedAt: now })
    .where(and(eq(sessions.accountId, accountId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  return ended.length;
}

export async function countLiveSessions(db: Db, accountId: string, now: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sessions)
    .where(and(eq(sessions.accountId, accountId), isNull(sessions.endedAt), gt(sessions.expiresAt, now)));
  return row.n;
}
