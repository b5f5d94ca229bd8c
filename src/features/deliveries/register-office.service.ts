import { recordAuditPerPerson, type ActorContext } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import { decide, type Permission } from '../../platform/policy.ts';
import type { DeliveryDeps } from './deliveries.service.ts';
import * as repo from './register-office.repo.ts';
import { inTransaction } from '../../db/transaction.ts';

export type { BoardDeliveryLine, DuplicateTask } from './register-office.repo.ts';
import { isQuiet } from './delivery-timeliness.rules.ts';

async function authorise(ctx: ActorContext, permission: Permission) {
  const decision = await decide(ctx.actor, permission);
  if (!decision.allowed) throw new AppError(decision.reason === 'unauthenticated' ? 'unauthenticated' : 'forbidden');
  return decision.via;
}

const nowOf = (deps: DeliveryDeps) => (deps.now ? deps.now() : new Date());

/** The register office's view of every board that delivered: deliveries, and employments awaiting approval or disputed. */
export async function getBoardDeliveryOverview(deps: DeliveryDeps, ctx: ActorContext, page: number, pageSize: number) {
  await authorise(ctx, { action: 'deliveries.overview' });
  const { rows, total } = await repo.listBoardDeliveryOverview(deps.db, (page - 1) * pageSize, pageSize);
  const now = deps.now ? deps.now() : new Date();
  return { boards: rows.map((b) => ({ ...b, quiet: isQuiet(b.lastAppliedAt, now) })), total, page, pageSize };
}

/** Possible duplicates for register staff to decide; reading them is an access to personal data, so it is logged. */
export async function listDuplicateTasks(deps: DeliveryDeps, ctx: ActorContext, page: number, pageSize: number) {
  const via = await authorise(ctx, { action: 'duplicates.resolve' });
  const { rows, total } = await repo.listOpenDuplicates(deps.db, (page - 1) * pageSize, pageSize);
  await recordAuditPerPerson(
    deps.db,
    ctx,
    { action: 'persons.viewed', via, reason: 'mogelijke dubbelen beoordelen' },
    rows.flatMap((r) => [r.person.id, r.candidate.id]),
  );
  return { tasks: rows, total, page, pageSize };
}

export async function getDuplicateTask(deps: DeliveryDeps, ctx: ActorContext, id: string) {
  const via = await authorise(ctx, { action: 'duplicates.resolve' });
  const [task] = /^[0-9a-f-]{36}$/i.test(id) ? (await repo.listOpenDuplicates(deps.db, 0, 1, id)).rows : [];
  if (!task) throw AppError.notFound(message('office.error.taskGone'));
  await recordAuditPerPerson(deps.db, ctx, { action: 'persons.viewed', via, reason: 'mogelijke dubbelen beoordelen', after: { taak: task.id } }, [
    task.person.id,
    task.candidate.id,
  ]);
  return task;
}

/**
 * Decides a possible duplicate: the same human (the newly delivered person is merged into the one the
 * register knew) or two people (the task is closed). Never done without this decision.
 */
export async function resolveDuplicate(deps: DeliveryDeps, ctx: ActorContext, id: string, decision: 'zelfde-persoon' | 'verschillend'): Promise<void> {
  const via = await authorise(ctx, { action: 'duplicates.resolve' });
  if (ctx.actor.type !== 'account') throw new AppError('forbidden');
  const by = ctx.actor.accountId;
  const now = nowOf(deps);
  await inTransaction(deps.db, async (tx) => {
    const task = /^[0-9a-f-]{36}$/i.test(id) ? await repo.findOpenDuplicate(tx, id) : undefined;
    if (!task) throw AppError.notFound(message('office.error.taskGone'));
    if (decision === 'zelfde-persoon') {
      if (task.bothHaveOtherBsn) {
        throw new AppError('conflict', message('office.error.differentBsn'));
      }
      if (task.bothLinked) throw new AppError('conflict', message('office.error.bothLinked'));
      if (task.bothEnrolled) throw new AppError('conflict', message('office.error.bothEnrolled'));
      await repo.mergePersons(tx, task.personId, task.candidateId, now);
    }
    await repo.closeDuplicate(tx, id, decision, by, now);
    await recordAuditPerPerson(
      tx,
      ctx,
      { action: 'duplicates.resolved', via, after: { taak: id, besluit: decision, persoon: task.personId, kandidaat: task.candidateId } },
      [task.personId, task.candidateId],
    );
  });
}
