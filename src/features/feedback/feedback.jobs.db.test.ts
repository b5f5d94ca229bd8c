import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/support/test-database.ts';
import type { Database } from '../../db/database.ts';
import { startJobs, type Jobs } from '../../platform/jobs.ts';
import { createMailer } from '../../platform/mail/mailer.ts';
import { feedbackInvitationsJob } from './feedback.jobs.ts';

/** The feedback invitations, as pg-boss schedules and runs them (who is invited: feedback.pages.db.test.ts and the rules' test). */
let database: Database;
let jobs: Jobs;
const logged: string[] = [];
const deps = () => ({ db: database.db, mailer: createMailer({ from: 'register@example.nl' }), baseUrl: 'https://register.example.nl' });

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startJobs(database, [feedbackInvitationsJob(deps(), (m) => logged.push(m))], () => {});
});
afterAll(async () => {
  await jobs?.stop();
  await database?.close();
});

describe('the feedback invitations job', () => {
  it('is scheduled every hour of the Dutch day, not at night', async () => {
    expect(await database.query(`SELECT name, cron, timezone FROM pgboss.schedule ORDER BY name`)).toEqual([
      { name: 'feedback-uitnodigingen', cron: '15 9-21 * * *', timezone: 'Europe/Amsterdam' },
    ]);
  });

  it('invites who came to an event that ended three hours ago once, however often it runs, with a working link', async () => {
    const hour = 3_600_000;
    const [{ id }] = await database.query<{ id: string }>(
      `INSERT INTO events (id, kind, title, description, audience, starts_at, ends_at, online, online_url, capacity, created_by_label)
       VALUES (gen_random_uuid(), 'verkennend-gesprek', 'Verkennend gesprek', '', '{leraar}', $1, $2, true, 'https://meet.example.nl/a', 10, 'Test')
       RETURNING id`,
      [new Date(Date.now() - 5 * hour).toISOString(), new Date(Date.now() - 3 * hour).toISOString()],
    );
    for (const [email, status] of [
      ['plaats@school.nl', 'aangemeld'],
      ['wacht@school.nl', 'wachtlijst'],
    ]) {
      await database.query(
        `INSERT INTO event_registrations (id, event_id, name, email, role, lang, status, created_at) VALUES (gen_random_uuid(), $1, 'Iemand', $2, 'leraar', 'nl', $3, now())`,
        [id, email, status],
      );
    }
    const job = feedbackInvitationsJob(deps(), (m) => logged.push(m));
    await Promise.all([job.handle({}), job.handle({})]);
    await job.handle({});
    const mails = await database.query<{ to_address: string; subject: string; text: string }>(`SELECT to_address, subject, text FROM mail_outbox`);
    expect(mails.map((m) => [m.to_address, m.subject])).toEqual([['plaats@school.nl', 'Hoe was het? Verkennend gesprek']]);
    expect(mails[0].text).toMatch(/https:\/\/register\.example\.nl\/feedback\?token=[\w-]{20,}\n?$/);
    expect(await database.query(`SELECT count(*)::int AS n FROM feedback_invitations`)).toEqual([{ n: 1 }]);
    expect(logged).toEqual(['feedback-uitnodigingen: 1 uitnodiging verstuurd']);
  });
});
