import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/support/test-database.ts';
import type { Database } from '../../db/database.ts';
import { startJobs, type Jobs } from '../../platform/jobs.ts';
import { createMailer } from '../../platform/mail/mailer.ts';
import { reregistrationJob } from './reregistration.jobs.ts';
import { professional } from './reregistration.test-support.ts';
import { dutchToday } from '../../platform/dates/calendar.ts';

let database: Database;
let jobs: Jobs;
const logged: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const deps = { db: database.db, mailer: createMailer({ from: 'register@example.nl' }), baseUrl: 'https://register.example.nl' };
  await professional(database, { email: 'nacht@school.nl', surname: 'Nacht', register: 'lerarenregister', since: '2023-09-01', until: '2027-08-31' });
  jobs = await startJobs(database, [reregistrationJob(deps, (m) => logged.push(m))], () => {});
});
afterAll(async () => {
  await jobs?.stop();
  await database?.close();
});

describe('the nightly re-registration job', () => {
  it('is scheduled every night at 02:30, Dutch time', async () => {
    const rows = await database.query<{ name: string; cron: string; timezone: string }>(`SELECT name, cron, timezone FROM pgboss.schedule`);
    expect(rows).toEqual([{ name: 'herregistratie-nacht', cron: '30 2 * * *', timezone: 'Europe/Amsterdam' }]);
  });

  it('runs for the day it is given, or for today in the Netherlands', async () => {
    const job = reregistrationJob({ db: database.db, mailer: createMailer({ from: 'register@example.nl' }), baseUrl: 'https://register.example.nl' }, (m) =>
      logged.push(m),
    );
    await job.handle({ datum: '2027-02-28' });
    expect(logged.at(-1)).toBe('herregistratie 2027-02-28: 1 beoordeeld, 1 berichten verstuurd');
    expect(() => job.payload.parse({ datum: '2027-02-30' })).toThrow();
    expect(dutchToday(new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-24');
  });
});
