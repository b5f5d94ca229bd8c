import { and, desc, eq, gt, gte, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { accounts, emailTokens, federatedIdentities, sessions, signInThrottle } from '../../db/schema/index.ts';

export type AccountRow = typeof accounts.$inferSelect;
export type EmailTokenPurpose = 'verify-email' | 'reset-password' | 'unlock-account';

export async function findAccountByEmail(db: Db, email: string): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(accounts).where(eq(accounts.email, email));
  return row;
}

export async function findAccount(db: Db, id: string): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id));
  return row;
}

export async function insertAccount(db: Db, row: typeof accounts.$inferInsert): Promise<AccountRow> {
  const [created] = await db.insert(accounts).values(row).returning();
  return created;
}

export async function updateAccount(db: Db, id: string, changes: Partial<typeof accounts.$inferInsert>): Promise<AccountRow> {
  const [row] = await db
    .update(accounts)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(accounts.id, id))
    .returning();
  return row;
}

export async function insertEmailToken(db: Db, row: typeof emailTokens.$inferInsert): Promise<void> {
  await db.insert(emailTokens).values(row);
}

/** Takes a one-time token: marks it used and returns its account, or nothing when unknown, used or expired. */
export async function takeEmailToken(db: Db, tokenHash: string, purpose: EmailTokenPurpose, now: Date): Promise<string | undefined> {
  const [row] = await db
    .update(emailTokens)
    .set({ usedAt: now })
    .where(and(eq(emailTokens.tokenHash, tokenHash), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt), gt(emailTokens.expiresAt, now)))
    .returning({ accountId: emailTokens.accountId });
  return row?.accountId;
}

/** Whether the account was sent a link for `purpose` at or after `since` (to send one at most once in a while). */
export async function hasEmailTokenSince(db: Db, accountId: string, purpose: EmailTokenPurpose, since: Date): Promise<boolean> {
  const rows = await db
    .select({ id: emailTokens.id })
    .from(emailTokens)
    .where(and(eq(emailTokens.accountId, accountId), eq(emailTokens.purpose, purpose), gte(emailTokens.createdAt, since)))
    .limit(1);
  return rows.length > 0;
}

export async function findThrottle(db: Db, emailHash: string) {
  const [row] = await db.select().from(signInThrottle).where(eq(signInThrottle.emailHash, emailHash));
  return row;
}

export async function saveThrottle(db: Db, row: typeof signInThrottle.$inferInsert): Promise<void> {
  await db
    .insert(signInThrottle)
    .values(row)
    .onConflictDoUpdate({ target: signInThrottle.emailHash, set: { failures: row.failures, lastFailureAt: row.lastFailureAt, lockedUntil: row.lockedUntil } });
}

export async function clearThrottle(db: Db, emailHash: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.emailHash, emailHash));
}

export async function findFederatedIdentity(db: Db, issuer: string, subject: string) {
  const [row] = await db
    .select()
    .from(federatedIdentities)
    .where(and(eq(federatedIdentities.issuer, issuer), eq(federatedIdentities.subject, subject)));
  return row;
}

export async function insertFederatedIdentity(db: Db, row: typeof federatedIdentities.$inferInsert): Promise<void> {
  await db.insert(federatedIdentities).values(row);
}

export async function touchFederatedIdentity(db: Db, id: string, now: Date): Promise<void> {
  await db.update(federatedIdentities).set({ lastUsedAt: now }).where(eq(federatedIdentities.id, id));
}

export async function listFederatedIdentities(db: Db, accountId: string) {
  return db.select().from(federatedIdentities).where(eq(federatedIdentities.accountId, accountId));
}

/** The account's sessions, newest first, without their tokens (for the AVG download). */
export async function listSessionsOfAccount(db: Db, accountId: string) {
  return db
    .select({
      method: sessions.method,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      endedAt: sessions.endedAt,
    })
    .from(sessions)
    .where(eq(sessions.accountId, accountId))
    .orderBy(desc(sessions.createdAt));
}

/** The one-time mail links made for the account, newest first, without their tokens (for the AVG download). */
export async function listEmailTokensOfAccount(db: Db, accountId: string) {
  return db
    .select({ purpose: emailTokens.purpose, createdAt: emailTokens.createdAt, expiresAt: emailTokens.expiresAt, usedAt: emailTokens.usedAt })
    .from(emailTokens)
    .where(eq(emailTokens.accountId, accountId))
    .orderBy(desc(emailTokens.createdAt));
}

export async function findDisplayNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: accounts.id, displayName: accounts.displayName }).from(accounts).where(inArray(accounts.id, ids));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}
