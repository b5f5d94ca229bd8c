import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { seedDemoEvents } from '../events/index.ts';
import { seedDemoEventGroups } from './index.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ withDuo: true });
});
afterAll(async () => t?.close());

describe('seedDemoEventGroups', () => {
  it('puts the demo’s upcoming exploratory conversation (a past one has none) in groups of at most ten, everyone in one, once', async () => {
    await seedDemoEvents(t.database.db);
    expect(await seedDemoEventGroups(t.database.db)).toEqual({ events: 1, groups: 3 });
    const sizes = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM event_group_members GROUP BY group_number ORDER BY n DESC');
    expect(sizes.map((s) => s.n)).toEqual([9, 9, 8]);
    const [{ placed }] = await t.database.query<{ placed: number }>(
      `SELECT count(*)::int AS placed FROM event_registrations r JOIN events e ON e.id = r.event_id WHERE e.kind = 'verkennend-gesprek' AND e.starts_at > now() AND r.status = 'aangemeld'`,
    );
    expect(placed).toBe(26);
    // a second run (a restart) makes no second set of groups
    expect(await seedDemoEventGroups(t.database.db)).toEqual({ events: 0, groups: 0 });
  });
});
