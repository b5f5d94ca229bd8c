import type { Db } from './database.ts';

/**
 * Runs `work` in a transaction, handing it the transaction as a `Db`, so repository functions take
 * either. Drizzle types a transaction apart from its database though it offers the same queries.
 */
export function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((transaction) => work(transaction as unknown as Db));
}
