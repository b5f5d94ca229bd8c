import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Db } from './database.ts';
import { rowsOf } from './rows.ts';

const dialect = new PgDialect();

type PoolLike = { query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }> };
type PgliteLike = { query(text: string, values: unknown[]): Promise<{ rows: unknown[] }> };

/**
 * Runs a hot statement of fixed text as a named prepared statement, so PostgreSQL plans it once per
 * connection instead of on every call (its plan must suit every value: no LIKE prefixes, no skewed
 * ranges). Outside a transaction only: it runs on the pool, not on `db` when that is a transaction.
 * PGlite has one session and no such cost to save; it runs the statement as is. The rows are checked
 * against `schema`, as `rowsOf` checks those of `db.execute`.
 */
export async function executePrepared<S extends z.ZodType>(db: Db, name: string, schema: S, query: SQL): Promise<z.output<S>[]> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const client = (db as unknown as { $client: unknown }).$client;
  if (isPool(client)) return rowsOf(schema, await client.query({ name, text, values: params }));
  return rowsOf(schema, await (client as PgliteLike).query(text, params));
}

const isPool = (client: unknown): client is PoolLike => typeof client === 'object' && client !== null && 'totalCount' in client;
