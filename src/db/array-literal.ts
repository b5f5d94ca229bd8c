/**
 * A PostgreSQL array literal (`{"a","b"}`) from strings, each quoted with its quotes and backslashes
 * escaped: passed as one parameter and cast in SQL (`::text[]`, `::uuid[]`), since drizzle's `sql`
 * spreads a JavaScript array into a list of parameters.
 */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
