import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import type { Config } from '../../config.ts';
import type { Crypto } from '../../platform/crypto.ts';
import { defineJob, type Jobs } from '../../platform/jobs.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { applyDelivery, makeRowResultsFile, validateDelivery, type DeliveryDeps, type DeliveryTask } from './deliveries.service.ts';
import { sendDeliveryInvitations } from './delivery-invitations.service.ts';

const taskSchema = z.object({
  kind: z.enum(['controleren', 'verwerken', 'uitnodigen', 'terugmelding']),
  deliveryId: z.string().uuid(),
  confirmed: z.boolean().optional(),
  by: z.string().optional(),
});

/** Does one piece of delivery work; each is safe to run again after a crash. */
export async function runDeliveryTask(deps: DeliveryDeps, task: DeliveryTask): Promise<void> {
  switch (task.kind) {
    case 'controleren':
      return validateDelivery(deps, task.deliveryId);
    case 'verwerken':
      await applyDelivery(deps, { actor: { type: 'system', name: task.by ?? 'taak' } }, task.deliveryId, {
        confirmed: task.confirmed ?? false,
        skipAccessCheck: true,
      });
      return;
    case 'uitnodigen':
      await sendDeliveryInvitations(deps, task.deliveryId);
      return;
    case 'terugmelding':
      return makeRowResultsFile(deps, task.deliveryId);
  }
}

export function deliveryJob(deps: DeliveryDeps) {
  return defineJob({ name: 'aanleveringen', payload: taskSchema, handle: (task) => runDeliveryTask(deps, task) });
}

type DepsInput = {
  database: Database;
  crypto: Crypto;
  mailer: Mailer;
  config: Config;
  jobs: () => Jobs | undefined;
  log: (msg: string, err?: unknown) => void;
  report?: (message: string) => void;
};

/**
 * The delivery use cases' dependencies. Work after the request goes to the job queue; without one
 * (tests, JOBS=off) it runs in this process right after the response.
 */
export function createDeliveryDeps(input: DepsInput): DeliveryDeps {
  const deps: DeliveryDeps = {
    db: input.database.db,
    database: input.database,
    crypto: input.crypto,
    mailer: input.mailer,
    dataDir: input.config.dataDir,
    baseUrl: input.config.baseUrl,
    maxBytes: input.config.deliveryMaxBytes,
    leaseSeconds: input.config.deliveryLeaseSeconds,
    inlineRowResultsRows: input.config.deliveryCsvInlineRows,
    report: input.report,
    async schedule(task) {
      const jobs = input.jobs();
      if (jobs) {
        await jobs.send(deliveryJob(deps), task);
        return;
      }
      setImmediate(() => void runDeliveryTask(deps, task).catch((error) => input.log(`aanlevering ${task.deliveryId}: ${task.kind} mislukt`, error)));
    },
  };
  return deps;
}
