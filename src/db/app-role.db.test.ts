import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestrictedTestDatabase } from '../../tests/support/test-database.ts';
import type { Database } from './database.ts';

// The audit trail is append-only by trigger; the app's own role must not be able to get round that:
// it owns nothing, so it can neither change the rows nor switch the trigger off.
describe("the app's database role and the audit trail", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createRestrictedTestDatabase();
  });
  afterAll(async () => database?.close());

  it('works as a restricted role', async () => {
    expect(database.restricted).toBe(true);
    const [{ role }] = await database.query<{ role: string }>('SELECT current_user AS role');
    const [{ owner }] = await database.query<{ owner: string }>(`SELECT tableowner AS owner FROM pg_tables WHERE tablename = 'audit_events'`);
    expect(role).not.toBe(owner);
  });

  it('adds to the audit trail and reads it', async () => {
    await database.query(`INSERT INTO audit_events (action) VALUES ('test.appended')`);
    expect(await database.query(`SELECT action FROM audit_events WHERE action = 'test.appended'`)).toEqual([{ action: 'test.appended' }]);
  });

  it.each([
    ['UPDATE', `UPDATE audit_events SET action = 'test.changed'`],
    ['DELETE', 'DELETE FROM audit_events'],
    ['TRUNCATE', 'TRUNCATE audit_events'],
    ['DISABLE TRIGGER', 'ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete'],
    ['DISABLE TRIGGER ALL', 'ALTER TABLE audit_events DISABLE TRIGGER ALL'],
    ['DROP TRIGGER', 'DROP TRIGGER audit_events_no_truncate ON audit_events'],
    ['a new table in the schema', 'CREATE TABLE public.audit_copy (id int)'],
  ])('%s is refused', async (_, statement) => {
    await expect(database.query(statement)).rejects.toThrow(/permission denied|must be owner/);
  });

  it('changes nothing when refused', async () => {
    expect(await database.query(`SELECT action FROM audit_events WHERE action LIKE 'test.%'`)).toEqual([{ action: 'test.appended' }]);
    expect(await database.query(`SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_events'::regclass AND tgenabled = 'O' ORDER BY tgname`)).toEqual([
      { tgname: 'audit_events_no_truncate' },
      { tgname: 'audit_events_no_update_or_delete' },
    ]);
  });

  it('reads and writes the rows of the other tables', async () => {
    await database.query(`INSERT INTO boards (id, number, name) VALUES ('0195f2a0-0000-7000-8000-000000000031', '20093', 'Stichting Rol')`);
    await database.query(`UPDATE boards SET name = 'Stichting Rol en Recht' WHERE number = '20093'`);
    expect(await database.query(`SELECT name FROM boards WHERE number = '20093'`)).toEqual([{ name: 'Stichting Rol en Recht' }]);
  });
});
