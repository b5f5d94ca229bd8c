import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { mailOutbox } from '../../db/schema/index.ts';

export type OutboxRow = typeof mailOutbox.$inferSelect;

/** many rows in one INSERT */
export async function insertMails(db: Db, rows: (typeof mailOutbox.$inferInsert & { id: string })[]): Promise<void> {
  await db.insert(mailOutbox).values(rows);
}

export async function findMail(db: Db, id: string): Promise<OutboxRow | undefined> {
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return row;
}

export async function markSent(db: Db, id: string, now: Date): Promise<void> {
  await db
    .update(mailOutbox)
    .set({ sentAt: now, attempts: sql`${mailOutbox.attempts} + 1`, lastError: null })
    .where(eq(mailOutbox.id, id));
}

export async function markFailed(db: Db, id: string, error: string): Promise<void> {
  await db
    .update(mailOutbox)
    .set({ attempts: sql`${mailOutbox.attempts} + 1`, lastError: error.slice(0, 500) })
    .where(eq(mailOutbox.id, id));
}

export async function listOutbox(db: Db, offset: number, limit: number): Promise<{ rows: OutboxRow[]; total: number }> {
  const rows = await db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).offset(offset).limit(limit);
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(mailOutbox);
  return { rows, total: n };
}

export async function listMailTo(db: Db, address: string): Promise<OutboxRow[]> {
  return db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, address)).orderBy(desc(mailOutbox.createdAt));
}
