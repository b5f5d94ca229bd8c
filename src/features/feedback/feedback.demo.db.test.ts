import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { createMailer } from '../../platform/mail/mailer.ts';
import { seedDemoEvents } from '../events/index.ts';
import { seedDemoFeedback, sendInvitations } from './index.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ withDuo: true });
});
afterAll(async () => t?.close());

describe('seedDemoFeedback', () => {
  it('gives the past demo events answers over several months, some anonymous, a topic list and tags, and leaves no mail to send', async () => {
    await seedDemoEvents(t.database.db);
    const seeded = await seedDemoFeedback(t.database.db);
    expect(seeded.answers).toBeGreaterThan(30);
    const [{ months }] = await t.database.query<{ months: number }>(
      "SELECT count(DISTINCT to_char(answered_on, 'YYYY-MM'))::int AS months FROM feedback_answers",
    );
    expect(months).toBeGreaterThanOrEqual(3);
    const kinds = await t.database.query<{ anonymous: boolean; linked: boolean }>(
      'SELECT DISTINCT anonymous, event_registration_id IS NOT NULL AS linked FROM feedback_answers ORDER BY 1',
    );
    expect(kinds).toEqual([
      { anonymous: false, linked: true },
      { anonymous: true, linked: false },
    ]);
    expect(await t.database.query('SELECT count(*)::int AS n FROM feedback_topics WHERE retired_at IS NOT NULL')).toEqual([{ n: 1 }]);
    const [{ tagged, untagged }] = await t.database.query<{ tagged: number; untagged: number }>(
      `SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM feedback_answer_topics t WHERE t.answer_id = a.id))::int AS tagged,
              count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM feedback_answer_topics t WHERE t.answer_id = a.id))::int AS untagged
       FROM feedback_answers a`,
    );
    expect(tagged).toBeGreaterThan(untagged);
    expect(untagged).toBeGreaterThan(0);
    // every invitation is already there: starting the demo mails nobody
    const deps = { db: t.database.db, mailer: createMailer({ from: 'demo@register.nl' }), baseUrl: 'http://localhost' };
    expect(await sendInvitations(deps)).toEqual({ mailed: 0 });
  });
});
