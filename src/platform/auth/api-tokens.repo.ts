import { and, desc, eq, gt, isNull, or, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { apiTokens } from '../../db/schema/index.ts';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

export async function insertApiToken(db: Db, row: typeof apiTokens.$inferInsert): Promise<ApiTokenRow> {
  const [created] = await db.insert(apiTokens).values(row).returning();
  return created;
}

export async function findUsableToken(db: Db, tokenHash: string, now: Date): Promise<ApiTokenRow | undefined> {
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now)));
  return row;
}

/** Writes last-used at most once a minute per token. */
export async function touchToken(db: Db, id: string, now: Date): Promise<void> {
  const aMinuteAgo = new Date(now.getTime() - 60_000);
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, aMinuteAgo))));
}

export async function listTokensOf(db: Db, kind: string, organisationId: string): Promise<ApiTokenRow[]> {
  return db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.organisationKind, kind), eq(apiTokens.organisationId, organisationId)))
    .orderBy(sql`${apiTokens.revokedAt} IS NOT NULL`, desc(apiTokens.createdAt));
}

export async function findToken(db: Db, id: string): Promise<ApiTokenRow | undefined> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
  return row;
}

export async function revokeToken(db: Db, id: string, by: string | null, now: Date): Promise<ApiTokenRow | undefined> {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: now, revokedBy: by })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning();
  return row;
}

/** The tokens this account made or revoked (their work for an organisation, for their AVG download). */
export async function listTokensHandledBy(db: Db, accountId: string): Promise<ApiTokenRow[]> {
  return db
    .select()
    .from(apiTokens)
    .where(or(eq(apiTokens.createdBy, accountId), eq(apiTokens.revokedBy, accountId)))
    .orderBy(apiTokens.createdAt);
}
