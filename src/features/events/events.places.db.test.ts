import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkIn, mailsTo } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { WebSession } from '../../../tests/support/web-session.ts';

/**
 * The last place, asked for at the same moment: confirmations that arrive together are handed places one
 * at a time (the event's row is locked), so one gets the place and the rest the waiting list, in order.
 * On PostgreSQL the requests run on connections of their own, at once.
 */
let t: TestApp;
let eventId: string;

beforeAll(async () => {
  t = await createTestApp();
  [{ id: eventId }] = await t.database.query<{ id: string }>(
    `INSERT INTO events (id, kind, title, description, audience, starts_at, ends_at, online, place, capacity, created_by_label)
     VALUES (gen_random_uuid(), 'voorlichting', 'Eén plaats', '', '{leraar}', now() + interval '10 days', now() + interval '10 days 1 hour', false, 'Utrecht', 1, 'Test')
     RETURNING id`,
  );
});
afterAll(async () => t?.close());

describe('the last place', () => {
  it('goes to one of four confirmations sent at once; the other three wait, numbered 1 to 3', async () => {
    const people = ['a', 'b', 'c', 'd'].map((n) => ({ email: `${n}@school.nl`, web: new WebSession(t.app) }));
    const confirmations: (() => Promise<unknown>)[] = [];
    for (const p of people) {
      await p.web.get(`/bijeenkomsten/${eventId}`);
      const csrf = p.web.csrfToken();
      await p.web.post(`/bijeenkomsten/${eventId}/aanmelden`, {
        naam: `Persoon ${p.email}`,
        email: p.email,
        rol: 'bestuurder',
        school: '',
        schoolId: '',
        omgeving: '',
      });
      const token = new URL(linkIn((await mailsTo(t.database, p.email))[0]), 'http://x').searchParams.get('token')!;
      confirmations.push(() => p.web.post('/bijeenkomsten/aanmelding/bevestigen', { token }, { csrf }));
    }
    await Promise.all(confirmations.map((confirm) => confirm()));
    const rows = await t.database.query<{ status: string }>(`SELECT status FROM event_registrations ORDER BY status`);
    expect(rows.map((r) => r.status)).toEqual(['aangemeld', 'wachtlijst', 'wachtlijst', 'wachtlijst']);
    const positions = [];
    for (const p of people) {
      const last = (await mailsTo(t.database, p.email)).at(-1)!;
      const match = /op plaats (\d+)/.exec(last.text);
      if (match) positions.push(Number(match[1]));
    }
    expect(positions.sort()).toEqual([1, 2, 3]);
  });
});
