import type { Database, Db } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import { yieldToEventLoop } from '../../platform/yield.ts';
import * as repo from './deliveries.repo.ts';
import { inTransaction } from '../../db/transaction.ts';
import {
  applyStagedRows,
  closeCorrectedDisputes,
  endMissingEmployments,
  findApplyProgress,
  recordAppliedPart,
  stagedRowSpan,
  type ApplyInput,
  type ApplySummary,
  type PartSummary,
} from './delivery-apply.repo.ts';

/**
 * Rows per committed part of an apply on the embedded database. PGlite runs in the web process on one
 * connection, so every request waits while a transaction is open; a part of 2,000 rows keeps that to
 * some tens of milliseconds (decision 017).
 */
export const defaultApplyPartRows = 1000;

const noPart: PartSummary = {
  personenNieuw: 0,
  personenGewijzigd: 0,
  dienstverbandenNieuw: 0,
  dienstverbandenGewijzigd: 0,
  dienstverbandenBeeindigd: 0,
  mogelijkeDubbelen: 0,
  uitnodigingen: 0,
};

function addParts(a: PartSummary, b: PartSummary): PartSummary {
  return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v + b[k as keyof PartSummary]])) as PartSummary;
}

/** What an apply did: the parts' summary, and the disputes its corrections closed (the professionals hear of it by mail). */
export type AppliedSummary = ApplySummary & { betwistingenOpgelost: number };

export type ApplyPartsDeps = { db: Db; database: Pick<Database, 'kind' | 'refreshStatistics'>; applyPartRows?: number };

/** the tables an apply fills: after one in parts their statistics are refreshed (PGlite runs no autovacuum) */
const filledTables = ['persons', 'staff_numbers', 'employments', 'person_history', 'person_invitations', 'duplicate_candidates'];

/**
 * Applies a checked delivery's staged rows and finishes it with `finish` (its status and audit) in the
 * last transaction. On PostgreSQL, and for a delivery that fits one part, that is all one transaction:
 * all or nothing, and other connections read the register as it was until the commit. On the embedded
 * database a larger delivery goes in parts, each committed with how far it got, yielding between
 * them so requests are answered; an interrupted apply carries on after its last committed part, and
 * from the first part on the delivery can no longer be cancelled.
 */
export async function applyInParts(
  deps: ApplyPartsDeps,
  input: ApplyInput,
  finish: (tx: Db, summary: AppliedSummary) => Promise<void>,
): Promise<AppliedSummary> {
  const span = await stagedRowSpan(deps.db, input.deliveryId);
  const partRows = deps.applyPartRows ?? (deps.database.kind === 'pglite' ? defaultApplyPartRows : Number.POSITIVE_INFINITY);
  const progress = await findApplyProgress(deps.db, input.deliveryId);
  let totals = progress.applyTotals ?? noPart;
  let from = progress.appliedThroughRow === null ? (span?.first ?? 0) : progress.appliedThroughRow + 1;
  const inOneGo = span === null || (progress.appliedThroughRow === null && span.last - span.first + 1 <= partRows);

  if (span && !inOneGo) {
    const part = async (work: (tx: Db) => Promise<PartSummary>, throughRow: number, done: number) => {
      await yieldToEventLoop();
      totals = await inTransaction(deps.db, async (tx) => {
        await holdBoard(tx, input);
        const sum = addParts(totals, await work(tx));
        if (!(await recordAppliedPart(tx, input.deliveryId, throughRow, sum, done))) {
          throw new AppError('conflict', message('deliveries.error.cancelledWhileApplying'));
        }
        return sum;
      });
    };
    while (from <= span.last) {
      const to = Math.min(span.last, from + partRows - 1);
      await part((tx) => applyStagedRows(tx, input, { from, to }), to, Math.floor(((to - span.first + 1) / (span.last - span.first + 1)) * 99));
      from = to + 1;
    }
    // the employments a full delivery does not name end in parts too, in the order of their keys; a
    // repeat after an interruption passes the ended ones by, so the counts still add up. Most keys are
    // in the delivery and cost a look-up each, so a part takes four times the keys (a part of 1,000
    // took 40 ms, most of it the part's own transaction)
    if (input.mode === 'volledig') {
      let after: string | null = null;
      do {
        await part(
          async (tx) => {
            const ended = await endMissingEmployments(tx, input, { after, limit: partRows * 4 });
            after = ended.lastKey;
            return { ...noPart, dienstverbandenBeeindigd: ended.dienstverbandenBeeindigd, uitnodigingen: ended.uitnodigingen };
          },
          span.last,
          99,
        );
      } while (after !== null);
    }
    await yieldToEventLoop();
  }

  const applied = await inTransaction(deps.db, async (tx) => {
    await holdBoard(tx, input);
    let summary = totals;
    if (inOneGo) {
      if (span) summary = addParts(summary, await applyStagedRows(tx, input, { from: span.first, to: span.last }));
      if (input.mode === 'volledig') {
        const ended = await endMissingEmployments(tx, input);
        summary = addParts(summary, { ...noPart, dienstverbandenBeeindigd: ended.dienstverbandenBeeindigd, uitnodigingen: ended.uitnodigingen });
      }
    }
    const applied = { ...summary, betwistingenOpgelost: await closeCorrectedDisputes(tx, input) };
    await input.afterStep?.('dienstverbanden beëindigd');
    await finish(tx, applied);
    return applied;
  });
  // the invitations job reads a quarter of a million new rows in order; planned as if there were a few, each batch sorted them all
  if (!inOneGo) await deps.database.refreshStatistics(filledTables);
  return applied;
}

/** Deliveries of one board are applied one at a time, also across the committed parts of one. */
async function holdBoard(tx: Db, input: ApplyInput): Promise<void> {
  if (!(await repo.tryLockBoardDeliveries(tx, input.boardId)) || (await repo.otherDeliveryApplyingInParts(tx, input.boardId, input.deliveryId))) {
    throw new AppError('conflict', message('deliveries.error.boardBusy'));
  }
}

/** Whether an apply has committed parts: it can then only go on, not back. */
export async function hasAppliedParts(db: Db, deliveryId: string): Promise<boolean> {
  return (await findApplyProgress(db, deliveryId)).appliedThroughRow !== null;
}
