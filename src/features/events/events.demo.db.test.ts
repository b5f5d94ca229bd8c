import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { seedDemoEvents } from './events.demo.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ withDuo: true });
  await createAccount(t.database, { email: 'leraar@demo.beroepsregister.nl', displayName: 'Lisa Leraar' });
});
afterAll(async () => t?.close());

type Item = { id: string; soort: string; capaciteit: number; plaatsenVrij: number; wachtlijst: number };

describe('seedDemoEvents', () => {
  it('gives past and future events of each kind, with registrations, one of them full with a waiting list', async () => {
    const seeded = await seedDemoEvents(t.database.db);
    expect(seeded.events).toBe(8);
    const upcoming: Item[] = (await t.app.inject({ url: '/api/v1/bijeenkomsten' })).json().resultaten;
    const past: Item[] = (await t.app.inject({ url: '/api/v1/bijeenkomsten?periode=voorbij' })).json().resultaten;
    expect(new Set(upcoming.map((e) => e.soort))).toEqual(new Set(['voorlichting', 'meedenksessie', 'verkennend-gesprek']));
    expect(new Set(past.map((e) => e.soort))).toEqual(new Set(['voorlichting', 'meedenksessie', 'verkennend-gesprek']));
    expect(upcoming.filter((e) => e.plaatsenVrij === 0 && e.wachtlijst > 0)).toHaveLength(1);

    const counts = await t.database.query<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM event_registrations GROUP BY status ORDER BY status',
    );
    expect(counts.map((c) => c.status)).toEqual(['aangemeld', 'wachtlijst']);
    expect(counts.reduce((sum, c) => sum + c.n, 0)).toBe(seeded.registrations);
    // what the groups will use: every teacher and school leader named a school and its setting, in the directory
    const withoutSchool = await t.database.query(
      "SELECT 1 FROM event_registrations WHERE role IN ('leraar', 'schoolleider', 'teamleider') AND (school_id IS NULL OR setting IS NULL)",
    );
    expect(withoutSchool).toEqual([]);
    const [{ boards }] = await t.database.query<{ boards: number }>(
      'SELECT count(DISTINCT s.board_id)::int AS boards FROM event_registrations r JOIN schools s ON s.id = r.school_id',
    );
    expect(boards).toBeGreaterThan(10);
    // the past ones have attendance; the demo teacher has a place at an upcoming one, as their account
    expect(await t.database.query('SELECT 1 FROM event_registrations WHERE present_at IS NOT NULL LIMIT 1')).toHaveLength(1);
    expect(await t.database.query("SELECT status FROM event_registrations WHERE email = 'leraar@demo.beroepsregister.nl' AND account_id IS NOT NULL")).toEqual([
      { status: 'aangemeld' },
    ]);
  });
});
