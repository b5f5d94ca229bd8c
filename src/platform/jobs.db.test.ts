import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRestrictedTestDatabase, createTestDatabase } from '../../tests/support/test-database.ts';
import type { Database } from '../db/database.ts';
import { defineJob, startJobs, type Jobs } from './jobs.ts';

const handled: string[] = [];
const greetJob = defineJob({
  name: 'test-greet',
  payload: z.object({ name: z.string().min(1) }),
  async handle({ name }) {
    handled.push(name);
  },
});

let database: Database;
let jobs: Jobs;

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startJobs(database, [greetJob], () => {});
});

afterAll(async () => {
  await jobs?.stop();
  await database?.close();
});

async function waitFor(condition: () => boolean, ms = 20_000) {
  const until = Date.now() + ms;
  while (!condition() && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
}

describe('job queue (pg-boss on the test database)', () => {
  it('works a job that was sent, with its payload', async () => {
    const id = await jobs.send(greetJob, { name: 'Anouk' });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() => handled.includes('Anouk'));
    expect(handled).toContain('Anouk');
  });

  it('refuses a payload that does not fit the job definition, before it is queued', async () => {
    await expect(jobs.send(greetJob, { name: '' })).rejects.toThrow();
    const [{ n }] = await database.query<{ n: string }>("SELECT count(*) AS n FROM pgboss.job WHERE name = 'test-greet'");
    expect(Number(n)).toBe(1);
  });
});

describe("the job queue as the app's restricted database role", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createRestrictedTestDatabase();
  });
  afterAll(async () => database?.close());

  it('still runs the job queue: pg-boss makes a queue (a table of its own) and works a job as this role', async () => {
    const done: string[] = [];
    const job = defineJob({ name: 'app-role-test', payload: z.object({ n: z.string() }), handle: async ({ n }) => void done.push(n) });
    const jobs = await startJobs(database, [job], () => {});
    try {
      await jobs.send(job, { n: 'een' });
      for (let i = 0; i < 100 && done.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(done).toEqual(['een']);
    } finally {
      await jobs.stop();
    }
  });
});
