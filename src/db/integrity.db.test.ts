import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../tests/support/test-database.ts';
import type { Database } from './database.ts';

// Employments, staff numbers and the history refer to persons and the directory without foreign keys
// (decision 007); what keeps those references whole is that these rows are never deleted.
describe('rows others refer to without a foreign key', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.query(`INSERT INTO boards (id, number, name) VALUES ('0195f2a0-0000-7000-8000-000000000021', '20091', 'Stichting Kindante')`);
    await database.query(
      `INSERT INTO persons (id, initials, surname, birth_date) VALUES ('0195f2a0-0000-7000-8000-000000000022', 'A.', 'Jansen', '1980-01-01')`,
    );
  });
  afterAll(async () => database?.close());

  it.each(['boards', 'schools', 'locations', 'persons'])('%s: deleting or emptying the table is refused', async (table) => {
    await expect(database.query(`DELETE FROM ${table}`)).rejects.toThrow(/nooit verwijderd/);
    await expect(database.query(`TRUNCATE ${table} CASCADE`)).rejects.toThrow(/nooit verwijderd/);
  });

  it('the rows are still there', async () => {
    expect(await database.query(`SELECT (SELECT count(*)::int FROM boards) AS boards, (SELECT count(*)::int FROM persons) AS persons`)).toEqual([
      { boards: 1, persons: 1 },
    ]);
  });
});
