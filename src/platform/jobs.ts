import type PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { Database } from '../db/database.ts';

/** A job: a queue name, the shape of its payload, and what to do with one. */
export type JobDefinition<S extends z.ZodTypeAny> = {
  name: string;
  payload: S;
  handle: (payload: z.infer<S>) => Promise<void>;
  /** a recurring job: pg-boss sends it (with this payload) on the cron schedule, in the time zone */
  schedule?: { cron: string; tz: string; payload: z.infer<S> };
};

export function defineJob<S extends z.ZodTypeAny>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

export interface Jobs {
  send<S extends z.ZodTypeAny>(job: JobDefinition<S>, payload: z.infer<S>): Promise<string | null>;
  stop(): Promise<void>;
}

/** Starts pg-boss on the app's database (PGlite shares its one connection) and works every defined job. */
export async function startJobs(database: Database, definitions: JobDefinition<z.ZodTypeAny>[], log: (msg: string, err?: unknown) => void): Promise<Jobs> {
  const { default: Boss } = await import('pg-boss');
  const boss = new Boss({ ...database.jobConnection(), schema: 'pgboss', application_name: 'beroepsregister' } as PgBoss.ConstructorOptions);
  boss.on('error', (error) => log('job queue error', error));
  await boss.start();
  for (const definition of definitions) {
    await boss.createQueue(definition.name);
    await boss.work(definition.name, { pollingIntervalSeconds: 1 }, async (jobs) => {
      for (const job of jobs) await definition.handle(definition.payload.parse(job.data));
    });
    if (definition.schedule) {
      await boss.schedule(definition.name, definition.schedule.cron, definition.payload.parse(definition.schedule.payload) as object, {
        tz: definition.schedule.tz,
      });
    }
  }
  return {
    async send(job, payload) {
      return boss.send(job.name, job.payload.parse(payload) as object);
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}

/**
 * Starts the queue without holding up the caller (the server listens meanwhile): a send waits until
 * the queue runs. A queue that fails to start is logged, and its sends fail with that error.
 */
export function startJobsInBackground(database: Database, definitions: JobDefinition<z.ZodTypeAny>[], log: (msg: string, err?: unknown) => void): Jobs {
  const started = startJobs(database, definitions, log);
  started.catch((error) => log('job queue failed to start', error));
  return {
    async send(job, payload) {
      job.payload.parse(payload);
      return (await started).send(job, payload);
    },
    async stop() {
      const jobs = await started.catch(() => null);
      await jobs?.stop();
    },
  };
}
