import { z } from 'zod';

/**
 * Checked query results. A repo names the columns of its `db.execute(sql…)` (`AS "camelCase"`) and
 * describes its row with `row({...})` from the column kinds below; `rowsOf` checks every row against
 * that description, so a renamed column, a forgotten `::text` or a driver that answers otherwise
 * fails loudly in the repo's own test instead of reaching a page as `undefined`. The described type is
 * checked against the domain type with `satisfies RowSchema<Domain>` where one exists.
 */

/** Column kinds, as both drivers (PGlite and node-postgres) return them. */
export const column = {
  /** uuid, text, varchar */
  text: z.string(),
  /** a `date` column selected as `::text`: YYYY-MM-DD in the Dutch calendar, no time zone to shift it */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** a timestamptz: a Date from either driver, an ISO string when it comes out of json */
  moment: z.coerce.date(),
  /** an integer, also when PostgreSQL answers a bigint (count(*), sum) as a string */
  integer: z.coerce.number().int(),
  /** numeric or float8, also when answered as a string */
  number: z.coerce.number(),
  boolean: z.boolean(),
  /** text[] */
  texts: z.array(z.string()),
  /** one of a fixed set of codes (a status, a kind) */
  oneOf: <const V extends readonly [string, ...string[]]>(values: V) => z.enum(values),
  /** a json or jsonb column, checked by the schema given */
  json: <S extends z.ZodType>(schema: S) => schema,
} as const;

/** A row's description: its columns by name. */
export const row = <Shape extends z.ZodRawShape>(shape: Shape) => z.object(shape);

/** A description whose rows are `T`: for `satisfies`, so the row and the domain type cannot drift apart. */
export type RowSchema<T> = z.ZodType<T, unknown>;

const resultOf = <S extends z.ZodType>(schema: S) => z.object({ rows: z.array(schema) });

/** The rows of a `db.execute(sql…)` result, each checked against `schema` (both drivers return `{ rows }`). */
export function rowsOf<S extends z.ZodType>(schema: S, result: unknown): z.output<S>[] {
  return resultOf(schema).parse(result).rows;
}

/** The first row, checked; undefined when there is none. */
export function firstRowOf<S extends z.ZodType>(schema: S, result: unknown): z.output<S> | undefined {
  return rowsOf(schema, result)[0];
}

const anyRows = z.object({ rows: z.array(z.unknown()) });

/** Whether the statement returned (or touched with RETURNING) at least one row. */
export function hasRows(result: unknown): boolean {
  return anyRows.parse(result).rows.length > 0;
}

/** How many rows the statement returned. */
export function countRows(result: unknown): number {
  return anyRows.parse(result).rows.length;
}

const countRow = row({ n: column.integer });

/** The `n` of a `SELECT count(*) AS n …`. */
export function countOf(result: unknown): number {
  return firstRowOf(countRow, result)?.n ?? 0;
}
