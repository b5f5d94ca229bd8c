import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/support/test-database.ts';
import type { Database } from '../../db/database.ts';
import { startJobs, type Jobs } from '../../platform/jobs.ts';
import { createMailer } from '../../platform/mail/mailer.ts';
import { checkRemindersJob, disputeDigestJob } from './record-notices.jobs.ts';

/** The record loop's two daily jobs, as pg-boss schedules them (the mail they send: record-notices.pages.db.test.ts). */
let database: Database;
let jobs: Jobs;
const logged: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const deps = { db: database.db, mailer: createMailer({ from: 'register@example.nl' }), baseUrl: 'https://register.example.nl' };
  jobs = await startJobs(database, [disputeDigestJob(deps, (m) => logged.push(m)), checkRemindersJob(deps, (m) => logged.push(m))], () => {});
});
afterAll(async () => {
  await jobs?.stop();
  await database?.close();
});

describe("the record loop's daily jobs", () => {
  it("send the disputes' overview at 17:30 and the reminders at 08:30, Dutch time", async () => {
    const rows = await database.query<{ name: string; cron: string; timezone: string }>(`SELECT name, cron, timezone FROM pgboss.schedule ORDER BY name`);
    expect(rows).toEqual([
      { name: 'betwistingen-overzicht', cron: '30 17 * * *', timezone: 'Europe/Amsterdam' },
      { name: 'controle-herinneringen', cron: '30 8 * * *', timezone: 'Europe/Amsterdam' },
    ]);
  });

  it('send nothing and say nothing on a day without news', async () => {
    const deps = { db: database.db, mailer: createMailer({ from: 'register@example.nl' }), baseUrl: 'https://register.example.nl' };
    await disputeDigestJob(deps, (m) => logged.push(m)).handle({});
    await checkRemindersJob(deps, (m) => logged.push(m)).handle({});
    expect(logged).toEqual([]);
    expect(await database.query(`SELECT count(*)::int AS n FROM mail_outbox`)).toEqual([{ n: 0 }]);
  });
});
