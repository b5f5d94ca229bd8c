import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/support/test-database.ts';
import type { Database } from '../../db/database.ts';
import { addDays, addMonths, addYears } from '../../platform/dates/calendar.ts';
import { seedDemoReregistration } from './reregistration.demo.ts';
import { evaluateRenewal } from './reregistration.service.ts';
import { professional } from './reregistration.test-support.ts';

const today = '2026-11-23';
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  // two registrations ended two months ago (onder voorwaarden), one runs on
  for (const [n, register, until] of [
    [1, 'schoolleidersregister-po', addMonths(today, -2)],
    [2, 'lerarenregister', addMonths(today, -2)],
    [3, 'lerarenregister', addMonths(today, 6)],
  ] as const) {
    await professional(database, { email: `demo${n}@school.nl`, surname: `Demo${n}`, register, since: addDays(addYears(until, -4), 1), until });
  }
});
afterAll(async () => database?.close());

describe('seedDemoReregistration', () => {
  it('leaves one herregistratie that meets the rule waiting for the commission, and one request for uitstel', async () => {
    expect(await seedDemoReregistration(database.db, { today })).toEqual({ renewals: 1, postponements: 1 });
    const [renewal] = await database.query<{ status: string; renews_id: string; period_start: string }>(
      `SELECT status, renews_id, period_start::text FROM registration_applications WHERE kind = 'herregistratie'`,
    );
    expect(renewal).toMatchObject({ status: 'aangevraagd', period_start: addDays(addMonths(today, -2), 1) });
    expect((await evaluateRenewal(database.db, renewal.renews_id, today))?.evaluation.met).toBe(true);
    expect(await database.query(`SELECT ground, status, requested_until::text AS until FROM postponements`)).toEqual([
      { ground: 'ziekte', status: 'aangevraagd', until: addMonths(today, 7) },
    ]);
  });
});
