import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/support/test-database.ts';
import type { Database } from '../../db/database.ts';
import { addMonths } from './calendar.ts';

// The public register derives onder voorwaarden in SQL (`valid_until + interval '6 months'`), the rules
// engine in TypeScript: both must land on the same day, also at month ends and leap days.
describe('calendar arithmetic agrees with the database', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());

  it('for every month end and leap day from 2023 to 2033, six months and some years either way', async () => {
    const dates: string[] = [];
    for (let year = 2023; year <= 2033; year++) {
      for (let month = 1; month <= 12; month++)
        dates.push(new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10), `${year}-${String(month).padStart(2, '0')}-15`);
    }
    const steps = [6, -6, 12, 36, 48, 60, -2];
    const rows = await database.query<{ date: string; months: number; result: string }>(
      `SELECT d::text AS date, m AS months, (d + make_interval(months => m))::date::text AS result
       FROM unnest($1::date[]) d, unnest($2::int[]) m`,
      [`{${dates.join(',')}}`, `{${steps.join(',')}}`],
    );
    expect(rows).toHaveLength(dates.length * steps.length);
    const disagreements = rows.filter((r) => addMonths(r.date, r.months) !== r.result);
    expect(disagreements).toEqual([]);
  });
});
