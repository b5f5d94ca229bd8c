import { and, desc, eq, lt, ne, or, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { auditEvents } from '../../db/schema/index.ts';

export type AuditRow = typeof auditEvents.$inferSelect;

export async function insertAuditEvent(db: Db, row: typeof auditEvents.$inferInsert): Promise<void> {
  await db.insert(auditEvents).values(row);
}

/** Newest first; `before` is an id for keyset paging. */
export async function listEventsAboutAccount(db: Db, accountId: string, options: { limit: number; before?: number; othersOnly: boolean }): Promise<AuditRow[]> {
  const conditions = [eq(auditEvents.subjectAccountId, accountId)];
  if (options.othersOnly) conditions.push(or(isNull(auditEvents.actorAccountId), ne(auditEvents.actorAccountId, accountId))!);
  if (options.before) conditions.push(lt(auditEvents.id, options.before));
  return db.select().from(auditEvents).where(and(...conditions)).orderBy(desc(auditEvents.id)).limit(options.limit);
}

export async function listEventsByActor(db: Db, accountId: string, limit: number): Promise<AuditRow[]> {
  return db.select().from(auditEvents).where(eq(auditEvents.actorAccountId, accountId)).orderBy(desc(auditEvents.id)).limit(limit);
}

export async function countEvents(db: Db, action?: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(action ? eq(auditEvents.action, action) : undefined);
  return row.n;
}
