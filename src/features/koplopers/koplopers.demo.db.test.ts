import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText, type WebSession } from '../../../tests/support/web-session.ts';
import { demoBoardNumber, seedDemo } from '../../demo/demo.service.ts';
import { seedDemoKoplopers } from './koplopers.demo.ts';

/** The demo's koplopers: one or more in every step, the demo board's school in step 5 with its staff's real approval figures. */

let t: TestApp;
let staff: WebSession;

beforeAll(async () => {
  t = await createTestApp({ prepare: (database) => seedDemo(database, () => {}) });
  const [{ id }] = await t.database.query<{ id: string }>(`SELECT id FROM accounts WHERE email = 'registerbeheer@demo.beroepsregister.nl'`);
  staff = await sessionFor(t.app, t.database, id);
});
afterAll(async () => t?.close());

describe('the demo koplopers', () => {
  it('stand in every step, and seeding again adds none', async () => {
    const steps = await t.database.query<{ step: number; n: number }>(`SELECT step, count(*)::int AS n FROM koplopers GROUP BY step ORDER BY step`);
    expect(steps.map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await seedDemoKoplopers(t.database.db, demoBoardNumber)).toBe(0);
    // each has a timeline from its application to its step
    const lines = await t.database.query<{ step: number; events: number }>(
      `SELECT k.step, count(e.id)::int AS events FROM koplopers k JOIN koploper_events e ON e.koploper_id = k.id GROUP BY k.id, k.step`,
    );
    for (const l of lines) expect(l.events).toBe(l.step);
  });

  it('show the demo board’s school in step 5 with its staff’s approval figures, and keep step 4 until that board delivers', async () => {
    const [five] = await t.database.query<{ id: string; school_id: string; school_name: string }>(
      `SELECT k.id, k.school_id, k.school_name FROM koplopers k JOIN boards b ON b.id = k.board_id WHERE k.step = 5 AND b.number = $1`,
      [demoBoardNumber],
    );
    expect(five).toBeDefined();
    const [counts] = await t.database.query<{ delivered: number; approved: number }>(
      `SELECT count(*)::int AS delivered, (count(*) FILTER (WHERE approval_status = 'geaccordeerd'))::int AS approved FROM employments WHERE school_id = $1`,
      [five.school_id],
    );
    expect(counts.delivered).toBeGreaterThan(0);
    const page = visibleText((await staff.get('/beheer/koplopers?stap=5')).body);
    expect(page).toContain(five.school_name);
    expect(page).toContain(`${counts.approved} van ${counts.delivered} akkoord`);
    // reading the pipeline leaves step 4 as it is: that board has no applied delivery
    await staff.get('/beheer/koplopers');
    expect(await t.database.query(`SELECT 1 FROM koplopers WHERE step = 4`)).toHaveLength(1);
    // the completed one is past the threshold: its staff approved nearly all
    const [six] = await t.database.query<{ share: number }>(
      `SELECT (100.0 * count(*) FILTER (WHERE e.approval_status = 'geaccordeerd') / count(*))::float AS share
       FROM koplopers k JOIN employments e ON e.school_id = k.school_id WHERE k.step = 6`,
    );
    const [{ threshold }] = await t.database.query<{ threshold: number }>(`SELECT approval_threshold_percent AS threshold FROM koploper_settings`);
    expect(six.share).toBeGreaterThanOrEqual(threshold);
    const start = visibleText((await staff.get('/beheer')).body);
    expect(start).toMatch(/7 koplopers; 2 nieuw aangemeld, 1 bij het goedkeuren, 1 voltooid/);
  });
});
