import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/support/test-database.ts';
import type { Database } from '../../db/database.ts';
import { startJobs, type Jobs } from '../../platform/jobs.ts';
import { createMailer } from '../../platform/mail/mailer.ts';
import { eventRemindersJob } from './events.jobs.ts';

/** The reminder two days ahead, as pg-boss schedules it and runs it (the rule's edges: events.rules.test.ts). */
let database: Database;
let jobs: Jobs;
const logged: string[] = [];
const deps = () => ({
  db: database.db,
  mailer: createMailer({ from: 'register@example.nl' }),
  baseUrl: 'https://register.example.nl',
  crypto: { sign: (v: string) => `sig-${v.length}`, verifySignature: () => false },
});

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startJobs(database, [eventRemindersJob(deps(), (m) => logged.push(m))], () => {});
});
afterAll(async () => {
  await jobs?.stop();
  await database?.close();
});

describe('the events reminder job', () => {
  it('is scheduled at 08:30 and 14:30, Dutch time', async () => {
    expect(await database.query(`SELECT name, cron, timezone FROM pgboss.schedule ORDER BY name`)).toEqual([
      { name: 'bijeenkomsten-herinneringen', cron: '30 8,14 * * *', timezone: 'Europe/Amsterdam' },
    ]);
  });

  it('mails those with a place of an event in 36 hours once, however often it runs, with their cancel link', async () => {
    const hour = 3_600_000;
    const [{ id }] = await database.query<{ id: string }>(
      `INSERT INTO events (id, kind, title, description, audience, starts_at, ends_at, online, online_url, capacity, created_by_label)
       VALUES (gen_random_uuid(), 'voorlichting', 'Voorlichting koplopers', '', '{schoolleider}', $1, $2, true, 'https://meet.example.nl/a', 10, 'Test')
       RETURNING id`,
      [new Date(Date.now() + 36 * hour).toISOString(), new Date(Date.now() + 37 * hour).toISOString()],
    );
    const weekAgo = new Date(Date.now() - 7 * 24 * hour).toISOString();
    for (const [email, status] of [
      ['plaats@school.nl', 'aangemeld'],
      ['wacht@school.nl', 'wachtlijst'],
      ['weg@school.nl', 'afgemeld'],
    ]) {
      await database.query(
        `INSERT INTO event_registrations (id, event_id, name, email, role, lang, status, created_at, confirmed_at, queued_at)
         VALUES (gen_random_uuid(), $1, 'Iemand', $2, 'schoolleider', 'nl', $3, $4, $4, $4)`,
        [id, email, status, weekAgo],
      );
    }
    const job = eventRemindersJob(deps(), (m) => logged.push(m));
    await job.handle({});
    await job.handle({});
    const mails = await database.query<{ to_address: string; subject: string; text: string }>(`SELECT to_address, subject, text FROM mail_outbox`);
    expect(mails.map((m) => [m.to_address, m.subject])).toEqual([['plaats@school.nl', 'Herinnering: Voorlichting koplopers']]);
    expect(mails[0].text).toContain('Waar: Online: https://meet.example.nl/a');
    expect(mails[0].text).toMatch(/https:\/\/register\.example\.nl\/bijeenkomsten\/aanmelding\/[0-9a-f-]{36}\/afmelden\?code=/);
    expect(logged).toEqual(['bijeenkomsten-herinneringen: 1 herinnering verstuurd']);
  });
});
