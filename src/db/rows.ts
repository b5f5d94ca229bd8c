/**
 * The rows of a `db.execute(sql…)` result, typed as the caller says: the query names its columns to
 * match `T` (`AS "camelCase"`). Both drivers return `{ rows }`.
 */
export const rowsOf = <T = unknown>(result: unknown): T[] => (result as { rows: T[] }).rows;
