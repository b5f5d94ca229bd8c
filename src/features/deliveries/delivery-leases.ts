import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import * as repo from './delivery-leases.repo.ts';
import type { DeliveryTask } from './delivery-task.ts';

/**
 * A delivery's work (its check, its apply, its invitations) runs under a lease on the delivery: the
 * process doing it renews the lease (a heartbeat, three times per lease), and when the process dies the
 * lease runs out and a sweep in any live process hands the work to the queue again. Taken over when the
 * lease expires, never merely because some process started: two processes may share the database.
 */
export const processLeaseOwner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
export const defaultLeaseSeconds = 30;

export type LeaseDeps = { db: Db; leaseSeconds?: number; leaseOwner?: string };

/** The deliveries this process holds a lease on now, so that nested work (a check that applies) shares it. */
const held = new Set<string>();

/**
 * Runs `work` holding the delivery's lease; `{ ran: false }` when another live process holds it (that
 * process does the work). The heartbeat keeps the lease while the work runs; it is released after.
 */
export async function withDeliveryLease<T>(deps: LeaseDeps, id: string, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
  const owner = deps.leaseOwner ?? processLeaseOwner;
  const key = `${owner} ${id}`;
  if (held.has(key)) return { ran: true, value: await work() };
  const seconds = deps.leaseSeconds ?? defaultLeaseSeconds;
  if (!(await repo.takeLease(deps.db, id, owner, seconds))) return { ran: false };
  held.add(key);
  const heartbeat = setInterval(() => void repo.renewLease(deps.db, id, owner, seconds).catch(() => {}), (seconds * 1000) / 3);
  heartbeat.unref();
  try {
    return { ran: true, value: await work() };
  } finally {
    clearInterval(heartbeat);
    held.delete(key);
    await repo.releaseLease(deps.db, id, owner).catch(() => {});
  }
}

/** The task that carries on from where abandoned work stopped; undefined when there is nothing left to do. */
export function taskToResume(work: repo.AbandonedWork): DeliveryTask | undefined {
  if (work.status === 'in-behandeling' && work.phase === 'controleren') return { kind: 'controleren', deliveryId: work.id };
  // an apply is only started once confirmed where that was needed, and it is all or nothing: run it again
  if (work.status === 'in-behandeling' && work.phase === 'verwerken')
    return { kind: 'verwerken', deliveryId: work.id, confirmed: true, by: 'hervat na onderbreking' };
  // invitations left unsent: sending is marked per invitation, so it carries on with the rest
  if (work.status === 'verwerkt') return { kind: 'uitnodigen', deliveryId: work.id };
  return undefined;
}

/** One sweep: every delivery whose lease ran out goes back to the queue. Returns the tasks handed on. */
export async function resumeAbandonedDeliveries(deps: LeaseDeps & { schedule: (task: DeliveryTask) => Promise<void> }): Promise<DeliveryTask[]> {
  const tasks = (await repo.claimAbandonedWork(deps.db)).map(taskToResume).filter((t): t is DeliveryTask => t !== undefined);
  for (const task of tasks) await deps.schedule(task);
  return tasks;
}

/** Sweeps at start and then three times per lease, until stopped. */
export function startLeaseSweeper(
  deps: LeaseDeps & { schedule: (task: DeliveryTask) => Promise<void> },
  log: (message: string, error?: unknown) => void,
): () => void {
  const sweep = () =>
    void resumeAbandonedDeliveries(deps)
      .then((tasks) => {
        for (const task of tasks) log(`aanlevering ${task.deliveryId}: onderbroken werk (${task.kind}) hervat`);
      })
      .catch((error) => log('hervatten van onderbroken aanleveringen mislukt', error));
  sweep();
  const timer = setInterval(sweep, ((deps.leaseSeconds ?? defaultLeaseSeconds) * 1000) / 3);
  timer.unref();
  return () => clearInterval(timer);
}
