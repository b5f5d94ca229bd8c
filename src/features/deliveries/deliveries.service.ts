import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import type { Database, Db } from '../../db/database.ts';
import { recordAudit, type ActorContext } from '../../platform/audit/audit.ts';
import { maskBsnLike } from '../../platform/bsn.ts';
import type { Crypto } from '../../platform/crypto.ts';
import { CsvBytes } from '../../platform/csv/write.ts';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import { FileTooLargeError, readSealedFile, removeSealedFile, writeSealedFile } from '../../platform/files/sealed-files.ts';
import { cooperativePause } from '../../platform/yield.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { decide } from '../../platform/policy.ts';
import type { Membership } from '../../platform/auth/actor.ts';
import { findOfficeById } from '../administration-offices/index.ts';
import { openTable, TableError, type TableRow } from '../../platform/tabular/read-table.ts';
import type { AppliedSummary } from './delivery-apply-parts.ts';
import type { BsnLink } from './delivery-apply.repo.ts';
import { applyInParts, hasAppliedParts } from './delivery-apply-parts.ts';
import { checkRow, DeliveryFileError, planHeader, type DeliveryMode, type HeaderPlan } from './delivery-format.rules.ts';
import { guardAgainstBsnInClear } from './bsn-in-clear.rules.ts';
import * as repo from './deliveries.repo.ts';
import { RepeatedKeys } from './repeated-keys.ts';
import type { DeliveryRecord } from './deliveries.repo.ts';
import { withDeliveryLease } from './delivery-leases.ts';
import type { DeliveryTask } from './delivery-task.ts';
import { openRowResultsFile, removeRowResultsFile, rowResultsCsv, rowResultsFilePath, writeRowResultsFile } from './row-results-csv.ts';
import { dutchDateOf } from '../../platform/dates/calendar.ts';
import { isQuiet } from './delivery-timeliness.rules.ts';

export type { DeliveryChannel, DeliveryRecord, DeliveryStatus, RowResult } from './deliveries.repo.ts';

export type { DeliveryTask } from './delivery-task.ts';

export type DeliveryDeps = {
  db: Db;
  database: Database;
  crypto: Crypto;
  mailer: Mailer;
  dataDir: string;
  baseUrl: string;
  maxBytes: number;
  schedule: (task: DeliveryTask) => Promise<void>;
  /** files up to this size are checked (and, when asked, applied) before the response */
  inlineBytes?: number;
  /** deliveries up to this many rows are applied before the response, larger ones by a job */
  inlineRows?: number;
  /** rows per committed part of an apply; by default parts only on the embedded database (see delivery-apply-parts.ts) */
  applyPartRows?: number;
  /** deliveries up to this many rows have their terugmelding streamed from the database while its file is not made yet */
  inlineRowResultsRows?: number;
  now?: () => Date;
  /** tests inject a failure between apply steps */
  afterApplyStep?: (step: string) => void | Promise<void>;
  /** how long a delivery's lease lasts without a heartbeat (DELIVERY_LEASE_SECONDS; see delivery-leases.ts) */
  leaseSeconds?: number;
  /** progress of long background work, for the operator's log */
  report?: (message: string) => void;
};

const defaultInlineBytes = 256 * 1024;
const defaultInlineRows = 5000;
const defaultInlineRowResultsRows = 20_000;
/** how long a client waits before asking again for a terugmelding that is being made */
export const rowResultsRetryAfterSeconds = 10;
/** rows per piece handed to the staging COPY: small enough that the database is never idle long */
const stagingPieceRows = 1000;
const massEndShare = 0.2;

const nowOf = (deps: DeliveryDeps) => (deps.now ? deps.now() : new Date());
const filePath = (deps: DeliveryDeps, id: string) => join(deps.dataDir, 'deliveries', `${id}.sealed`);

function submitterOf(ctx: ActorContext): { account: string | null; token: string | null; label: string } {
  const { actor } = ctx;
  if (actor.type === 'account') return { account: actor.accountId, token: null, label: actor.displayName || actor.email };
  if (actor.type === 'token') return { account: null, token: actor.tokenId, label: 'API-koppeling' };
  if (actor.type === 'system') return { account: null, token: null, label: actor.name };
  return { account: null, token: null, label: 'onbekend' };
}

/**
 * Whether the actor may deliver for the board, and as what: the board itself (office null), or an
 * administratiekantoor the board authorises now (decision 022). `via` is the membership, for the audit trail.
 */
export async function requireDeliveryAccess(ctx: ActorContext, boardId: string): Promise<{ office: string | null; via?: Membership }> {
  const decision = await decide(ctx.actor, { action: 'delivery.submit', organisation: { kind: 'bestuur', id: boardId } });
  if (!decision.allowed) {
    throw decision.reason === 'unauthenticated' ? new AppError('unauthenticated') : new AppError('forbidden', message('deliveries.error.notYourBoard'));
  }
  return { office: decision.office ?? null, via: decision.via };
}

/** Whether the actor may deliver for the board: pages offer the entry screen's links only then. */
export async function mayDeliver(ctx: ActorContext, boardId: string): Promise<boolean> {
  return (await decide(ctx.actor, { action: 'delivery.submit', organisation: { kind: 'bestuur', id: boardId } })).allowed;
}

/**
 * A delivery the actor may see, with the membership it may through: any of its board's for the board's
 * staff and tokens, an administratiekantoor's own while the board authorises it. Any other is "not
 * found", so ids of other boards (and a withdrawn board's) reveal nothing.
 */
async function accessibleDelivery(deps: DeliveryDeps, ctx: ActorContext, id: string): Promise<{ delivery: DeliveryRecord; via?: Membership }> {
  const delivery = /^[0-9a-f-]{36}$/i.test(id) ? await repo.findDelivery(deps.db, id) : undefined;
  const decision = delivery
    ? await decide(ctx.actor, {
        action: 'delivery.read',
        organisation: { kind: 'bestuur', id: delivery.boardId },
        submittedByOffice: delivery.submittedByOffice,
      })
    : undefined;
  if (!delivery || !decision?.allowed) throw AppError.notFound(message('deliveries.error.notFound'));
  return { delivery, via: decision.via };
}

export async function getDelivery(deps: DeliveryDeps, ctx: ActorContext, id: string): Promise<DeliveryRecord> {
  return (await accessibleDelivery(deps, ctx, id)).delivery;
}

/**
 * A page of the deliveries the actor may see: a board's (an administratiekantoor only its own). Without
 * a board, an administratiekantoor's token gets its own for every board that authorises it now.
 */
export async function listDeliveries(deps: DeliveryDeps, ctx: ActorContext, boardId: string | undefined, page: number, pageSize: number) {
  let filter: repo.DeliveryFilter;
  if (boardId === undefined) {
    const { actor } = ctx;
    if (actor.type !== 'token' || actor.organisation.kind !== 'administratiekantoor')
      throw new AppError('bad_request', message('deliveries.error.boardRequired'));
    const boardIds: string[] = [];
    for (const { board } of actor.mandates ?? []) {
      if ((await decide(actor, { action: 'delivery.submit', organisation: { kind: 'bestuur', id: board } })).allowed) boardIds.push(board);
    }
    filter = { boardIds, officeId: actor.organisation.id };
  } else {
    filter = { boardIds: [boardId], officeId: (await requireDeliveryAccess(ctx, boardId)).office };
  }
  const { rows, total } = await repo.listDeliveries(deps.db, filter, (page - 1) * pageSize, pageSize);
  const lastAppliedAt = await repo.findLastAppliedAt(deps.db, filter);
  const office = filter.officeId ? await findOfficeById(deps.db, filter.officeId) : undefined;
  return { deliveries: rows, total, page, pageSize, lastAppliedAt, quiet: isQuiet(lastAppliedAt, nowOf(deps)), officeName: office?.name ?? null };
}

/**
 * The stored file, opened as often as the reader asks (an XLSX file is read twice); `close` ends every
 * stream it opened. `onBytes` sees the bytes of the last one, for the progress of a long check.
 */
function sealedSource(deps: DeliveryDeps, id: string, onBytes?: (total: number) => void) {
  const opened: Readable[] = [];
  return {
    async open(): Promise<Readable> {
      const source = await readSealedFile(filePath(deps, id), deps.crypto.fileKey);
      opened.push(source);
      if (!onBytes) return source;
      const counted = source.pipe(byteCounter(onBytes));
      source.on('error', (error) => counted.destroy(error));
      opened.push(counted);
      return counted;
    },
    close: () => {
      for (const stream of opened) stream.destroy();
    },
  };
}

/** Reads just the header row of a stored file: a file that is no table, or has the wrong header, is refused at once. */
async function readHeader(deps: DeliveryDeps, id: string, mode: DeliveryMode): Promise<{ format: 'csv' | 'xlsx'; header: HeaderPlan }> {
  const file = sealedSource(deps, id);
  try {
    const { info, rows } = await openTable(file.open);
    const first = await rows.next();
    if (first.done) throw new TableError('Het bestand is leeg.');
    const header = planHeader(trimTrailingEmpty(first.value.fields), mode);
    await rows.return(undefined);
    return { format: info.format, header };
  } finally {
    file.close();
  }
}

/** The reason a board reads when its delivery could not be checked for a reason of ours, not of the file. */
const failedCheck =
  'De controle van dit bestand is mislukt door een fout aan onze kant. Er is niets gewijzigd; lever het bestand opnieuw aan, en neem contact op met het register als dit blijft gebeuren.';

function trimTrailingEmpty(fields: string[], keep = 0): string[] {
  let end = fields.length;
  while (end > keep && fields[end - 1].trim() === '') end--;
  return end === fields.length ? fields : fields.slice(0, end);
}

export type SubmitInput = {
  boardId: string;
  mode: DeliveryMode;
  fileName: string | null;
  body: Readable;
  applyWhenValid: boolean;
  channel: repo.DeliveryChannel;
};

/**
 * Receives a delivery: the file is sealed to disk as it streams in (never whole in memory), its header
 * checked at once, and the rows checked now (a small file) or by a job. A file that cannot be read as a
 * delivery at all is refused with a Dutch message, and kept in the history as afgewezen.
 */
export async function submitDelivery(deps: DeliveryDeps, ctx: ActorContext, input: SubmitInput): Promise<DeliveryRecord> {
  const { office, via } = await requireDeliveryAccess(ctx, input.boardId);
  const id = uuidV7();
  const path = filePath(deps, id);
  let sealed: Awaited<ReturnType<typeof writeSealedFile>>;
  try {
    sealed = await writeSealedFile(path, input.body, deps.crypto.fileKey, deps.maxBytes);
  } catch (error) {
    if (error instanceof FileTooLargeError) {
      throw new AppError('payload_too_large', message('deliveries.error.tooLarge', { mb: Math.round(deps.maxBytes / 1024 / 1024) }));
    }
    throw error;
  }
  const submitter = submitterOf(ctx);
  const base = {
    id,
    boardId: input.boardId,
    mode: input.mode,
    fileName: input.fileName === null ? null : maskBsnLike(input.fileName),
    byteSize: sealed.bytes,
    sha256: sealed.sha256,
    applyWhenValid: input.applyWhenValid,
    channel: input.channel,
    submittedByAccount: submitter.account,
    submittedByToken: submitter.token,
    submittedByLabel: submitter.label,
    // an administratiekantoor delivering for the board: the board sees it in its history (decision 022)
    submittedByOffice: office,
    createdAt: nowOf(deps),
  };
  let header: Awaited<ReturnType<typeof readHeader>>;
  try {
    header = await readHeader(deps, id, input.mode);
  } catch (error) {
    const refused = error instanceof TableError || error instanceof DeliveryFileError;
    await removeSealedFile(path);
    const rejection = refused ? maskBsnLike(error.message) : failedCheck;
    await repo.insertDelivery(deps.db, { ...base, status: 'afgewezen', phase: null, format: 'csv', rejection, notices: null });
    throw refused ? new AppError('validation_failed', rejection) : error;
  }
  await repo.insertDelivery(deps.db, {
    ...base,
    status: 'in-behandeling',
    phase: 'controleren',
    format: header.format,
    rejection: null,
    notices: header.header.warnings.length > 0 ? header.header.warnings.map(maskBsnLike) : null,
  });
  await recordAudit(deps.db, ctx, {
    action: 'delivery.submitted',
    via,
    subjectOrganisation: { kind: 'bestuur', id: input.boardId },
    after: { id, mode: input.mode, bytes: sealed.bytes, ...(office ? { office } : {}) },
  });
  if (sealed.bytes > (deps.inlineBytes ?? defaultInlineBytes)) {
    await deps.schedule({ kind: 'controleren', deliveryId: id });
    return (await repo.findDelivery(deps.db, id))!;
  }
  await validateDelivery(deps, id, { inline: true });
  const checked = (await repo.findDelivery(deps.db, id))!;
  // a file that turned out unreadable further on (cut off inside a quoted field) is refused like one with a bad header
  if (checked.status === 'afgewezen') throw new AppError('validation_failed', checked.rejection ?? message('deliveries.error.unreadable'));
  return checked;
}

/** Counts bytes as they pass, for the progress of a long check. */
function byteCounter(onBytes: (total: number) => void): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      onBytes(total);
      done(null, chunk);
    },
  });
}

/**
 * The progress of a long check, written at most twice a second, without waiting for it: the check
 * goes on while the database writes it. `settled()` waits for the last one.
 */
function progressReporter(deps: DeliveryDeps, id: string, share: () => number) {
  let last = 0;
  let pending: Promise<unknown> = Promise.resolve();
  return {
    report() {
      const now = performance.now();
      if (now - last < 500) return;
      last = now;
      const progress = Math.min(95, Math.floor(share() * 95));
      // a progress that could not be written is only a bar that lags; the check itself reports real failures
      pending = pending.then(() => repo.updateDelivery(deps.db, id, { progress }, ['in-behandeling'])).catch(() => {});
    },
    settled: () => pending,
  };
}

/**
 * A BSN as it is staged: sealed, and its keyed hash for matching. Sealing is most of the cost of
 * the check's own work (5 µs a BSN, nearly all of it setting up the cipher), and a person's rows
 * usually follow each other, so the last BSN's pair is used again for the next row with it.
 */
function bsnProtector(crypto: Crypto) {
  let last: { bsn: string; sealed: string; hash: string } | undefined;
  return (bsn: string | null): [string | null, string | null] => {
    if (!bsn) return [null, null];
    if (last?.bsn !== bsn) last = { bsn, sealed: crypto.seal(bsn), hash: crypto.keyedHash(bsn) };
    return [last.sealed, last.hash];
  };
}

/**
 * Checks every row (the dry run): streamed from the sealed file, each row checked and staged with COPY
 * as it goes, then the checks across rows, set-based. Nothing in the register changes. Safe to run again.
 */
export async function validateDelivery(deps: DeliveryDeps, id: string, options: { inline?: boolean } = {}): Promise<void> {
  // another live process holding the lease is checking it already
  await withDeliveryLease(deps, id, () => checkRowsHoldingLease(deps, id, options));
}

async function checkRowsHoldingLease(deps: DeliveryDeps, id: string, options: { inline?: boolean }): Promise<void> {
  const delivery = await repo.findDelivery(deps.db, id);
  if (delivery?.status !== 'in-behandeling' || delivery.phase !== 'controleren') return;
  const directory = await repo.loadBoardDirectory(deps.db, delivery.boardId);
  if (!directory) {
    await rejectDelivery(deps, id, failedCheck);
    throw new Error(`board ${delivery.boardId} of delivery ${id} is gone`);
  }
  const deliveryDate = dutchDateOf(delivery.createdAt);
  await repo.deleteStagedRows(deps.db, id);

  let bytesRead = 0;
  const file = sealedSource(deps, id, (n) => (bytesRead = n));
  let header: HeaderPlan | undefined;
  const csv = new CsvBytes(256 * 1024);
  const staging = await repo.openStaging(deps.database);
  const protect = bsnProtector(deps.crypto);
  const repeats = new RepeatedKeys();
  // rows whose personeelsnummer may be a BSN, with its keyed hash: few in a usual file, about 100 bytes each
  const bsnLikeStaffNumbers: BsnLikeStaffNumbers = { rows: [], hashes: [] };
  const progress = progressReporter(deps, id, () => bytesRead / Math.max(1, delivery.byteSize));
  // reading a row resolves in microtasks, and so does PGlite: yield now and then, or no request gets in
  const pause = cooperativePause();
  try {
    const { info, rows } = await openTable(file.open);
    for await (const { rowNumber, fields } of rows as AsyncIterable<TableRow>) {
      if (!header) {
        header = planHeader(trimTrailingEmpty(fields), delivery.mode);
        continue;
      }
      let record = trimTrailingEmpty(fields, header.width);
      if (info.format === 'xlsx' && record.length < header.width) record = [...record, ...Array(header.width - record.length).fill('')];
      const { row, messages, outcome, staffNumberBsnHash } = guardAgainstBsnInClear(
        checkRow(record, header, delivery.mode, directory, deliveryDate),
        record,
        header,
        deps.crypto.keyedHash,
      );
      if (staffNumberBsnHash !== null) {
        bsnLikeStaffNumbers.rows.push(rowNumber);
        bsnLikeStaffNumbers.hashes.push(staffNumberBsnHash);
      }
      repeats.note(rowNumber, row);
      csv.line([
        id,
        rowNumber,
        outcome,
        messages.length > 0 ? JSON.stringify(messages) : null,
        row.staffNumber,
        ...protect(row.bsn),
        row.initials,
        row.firstNames,
        row.prefix,
        row.surname,
        row.birthDate,
        row.email,
        row.schoolId,
        row.locationId,
        row.employmentKey,
        row.function,
        row.appointmentBasis,
        row.startDate,
        row.endDate,
        row.fte,
        row.mutation,
      ]);
      if (csv.lines >= stagingPieceRows) {
        await staging.write(csv.take());
        progress.report();
        await pause();
      }
    }
    if (!header) throw new TableError('Het bestand is leeg.');
    if (csv.lines > 0) await staging.write(csv.take());
    await staging.end();
  } catch (error) {
    await staging.abort().catch(() => {});
    const refused = error instanceof TableError || error instanceof DeliveryFileError;
    await rejectDelivery(deps, id, refused ? maskBsnLike(error.message) : failedCheck);
    if (refused || (await repo.findDelivery(deps.db, id))?.status === 'geannuleerd') return; // a cancel removes the file
    throw error;
  } finally {
    file.close();
    await progress.settled();
  }
  let checked: Awaited<ReturnType<typeof finishCheck>>;
  try {
    checked = await finishCheck(deps, delivery, repeats.suspects, bsnLikeStaffNumbers);
  } catch (error) {
    await rejectDelivery(deps, id, failedCheck);
    throw error;
  }
  if (checked?.apply) {
    const by = `${delivery.submittedByLabel} (direct verwerken)`;
    if (options.inline) await applyDelivery(deps, { actor: { type: 'system', name: by } }, id, { confirmed: false, skipAccessCheck: true });
    else await deps.schedule({ kind: 'verwerken', deliveryId: id, by });
  }
}

/** A check that cannot finish ends `afgewezen` with its reason, never stuck `in-behandeling`; a cancelled one stays cancelled. */
async function rejectDelivery(deps: DeliveryDeps, id: string, reason: string): Promise<void> {
  const rejected = await repo.updateDelivery(deps.db, id, { status: 'afgewezen', phase: null, rejection: reason, finishedAt: nowOf(deps) }, ['in-behandeling']);
  if (rejected) await repo.deleteStagedRows(deps.db, id);
  await removeSealedFile(filePath(deps, id));
  await removeRowResultsFile(deps.dataDir, id);
}

type BsnLikeStaffNumbers = { rows: number[]; hashes: string[] };

/** The checks across rows and the outcome, after every row is staged; undefined when the delivery was cancelled meanwhile. */
async function finishCheck(
  deps: DeliveryDeps,
  delivery: DeliveryRecord,
  suspects: RepeatedKeys['suspects'],
  bsnLikeStaffNumbers: BsnLikeStaffNumbers,
): Promise<{ apply: boolean } | undefined> {
  const id = delivery.id;
  const deliveryDate = dutchDateOf(delivery.createdAt);
  await repo.checkAcrossRows(deps.db, id, delivery.boardId, delivery.mode, suspects);
  if (bsnLikeStaffNumbers.rows.length > 0) await repo.addStaffNumberIsKnownBsnMessages(deps.db, id, delivery.boardId, bsnLikeStaffNumbers);
  const outcomes = await repo.countOutcomes(deps.db, id);
  let needsConfirmation = false;
  let summary: Record<string, number> | null = null;
  if (delivery.mode === 'volledig') {
    const { active, ending } = await repo.countEndingByFullDelivery(deps.db, id, delivery.boardId, deliveryDate);
    needsConfirmation = active > 0 && ending > active * massEndShare;
    summary = { actieveDienstverbanden: active, teBeeindigen: ending };
  }
  // a terugmelding made from an earlier check's rows is not this one's
  await removeRowResultsFile(deps.dataDir, id);
  const checked = await repo.updateDelivery(
    deps.db,
    id,
    {
      status: 'gecontroleerd',
      phase: null,
      progress: 100,
      rowCount: outcomes.rows,
      errorRows: outcomes.errors,
      warningRows: outcomes.warnings,
      needsConfirmation,
      summary,
      validatedAt: nowOf(deps),
    },
    ['in-behandeling'],
  );
  await removeSealedFile(filePath(deps, id));
  if (!checked) return undefined;
  // the check stands when the queue refuses this: the first download of the CSV asks for it again
  if (outcomes.rows > 0) await deps.schedule({ kind: 'terugmelding', deliveryId: id }).catch(() => {});
  return { apply: delivery.applyWhenValid && outcomes.errors === 0 && !needsConfirmation };
}

/**
 * Applies a checked delivery to the register, all or nothing, in one transaction. A delivery with
 * errors is never applied; a full delivery that ends more than 20% of the board's employments needs
 * `confirmed`. A delivery whose apply died halfway (the process was killed) can be applied again.
 */
export async function applyDelivery(
  deps: DeliveryDeps,
  ctx: ActorContext,
  id: string,
  options: { confirmed: boolean; skipAccessCheck?: boolean },
): Promise<DeliveryRecord> {
  const leased = await withDeliveryLease(deps, id, () => applyHoldingLease(deps, ctx, id, options));
  if (!leased.ran) throw new AppError('conflict', message('deliveries.error.busy'));
  return leased.value;
}

async function applyHoldingLease(
  deps: DeliveryDeps,
  ctx: ActorContext,
  id: string,
  options: { confirmed: boolean; skipAccessCheck?: boolean },
): Promise<DeliveryRecord> {
  const { delivery, via } = options.skipAccessCheck
    ? { delivery: await repo.findDelivery(deps.db, id), via: undefined }
    : await accessibleDelivery(deps, ctx, id);
  if (!delivery) throw AppError.notFound(message('deliveries.error.gone'));
  if (delivery.status === 'verwerkt') return delivery;
  const interrupted = delivery.status === 'in-behandeling' && delivery.phase === 'verwerken';
  if (delivery.status !== 'gecontroleerd' && !interrupted) {
    throw new AppError(
      'conflict',
      delivery.status === 'in-behandeling' ? message('deliveries.error.stillChecking') : message('deliveries.error.cannotApply', { status: delivery.status }),
    );
  }
  if (delivery.errorRows > 0) {
    throw new AppError('conflict', message('deliveries.error.hasErrors', { count: delivery.errorRows }));
  }
  if (delivery.needsConfirmation && !options.confirmed) {
    const ending = delivery.summary?.teBeeindigen;
    throw new AppError(
      'conflict',
      typeof ending !== 'number' ? message('deliveries.error.confirmMassEndShare') : message('deliveries.error.confirmMassEnd', { count: ending }),
    );
  }
  const by = submitterOf(ctx).label;
  await repo.updateDelivery(deps.db, id, { status: 'in-behandeling', phase: 'verwerken', progress: 0 }, ['gecontroleerd', 'in-behandeling']);
  const now = nowOf(deps);
  let summary: AppliedSummary;
  try {
    const input = {
      deliveryId: id,
      boardId: delivery.boardId,
      mode: delivery.mode,
      today: dutchDateOf(delivery.createdAt),
      now,
      afterStep: deps.afterApplyStep,
      onLinked: async (tx: Db, links: BsnLink[]) => {
        for (const link of links) {
          await recordAudit(tx, ctx, {
            action: 'person.linked',
            subjectAccountId: link.accountId,
            subjectPersonId: link.personId,
            subjectOrganisation: { kind: 'bestuur', id: delivery.boardId },
            after: { via: 'bsn', delivery: id },
          });
        }
      },
    };
    summary = await applyInParts(deps, input, async (tx, result) => {
      const applied = await repo.updateDelivery(
        tx,
        id,
        {
          status: 'verwerkt',
          phase: null,
          progress: 100,
          summary: { ...(delivery.summary ?? {}), ...result },
          appliedByLabel: by,
          finishedAt: nowOf(deps),
        },
        ['in-behandeling'],
      );
      if (!applied) throw new AppError('conflict', message('deliveries.error.cancelledWhileApplying'));
      await recordAudit(tx, ctx, { action: 'delivery.applied', via, subjectOrganisation: { kind: 'bestuur', id: delivery.boardId }, after: { id, ...result } });
    });
  } catch (error) {
    // an apply with committed parts can only go on: it stays in-behandeling for the next attempt to carry on
    if (!(await hasAppliedParts(deps.db, id))) {
      await repo.updateDelivery(deps.db, id, { status: 'gecontroleerd', phase: null, progress: 100 }, ['in-behandeling']);
    }
    throw error;
  }
  // the invitations, and the mails to professionals whose dispute the delivery corrected, go after the commit
  if (summary.uitnodigingen > 0 || summary.betwistingenOpgelost > 0) await deps.schedule({ kind: 'uitnodigen', deliveryId: id });
  return (await repo.findDelivery(deps.db, id))!;
}

/**
 * Applies at once when the delivery is small; a large one is marked and handed to a job, after the
 * same checks, so the caller learns at once whether it will be applied.
 */
export async function requestApply(deps: DeliveryDeps, ctx: ActorContext, id: string, options: { confirmed: boolean }): Promise<DeliveryRecord> {
  const delivery = await getDelivery(deps, ctx, id);
  if (delivery.rowCount <= (deps.inlineRows ?? defaultInlineRows) || delivery.status !== 'gecontroleerd') {
    return applyDelivery(deps, ctx, id, options);
  }
  if (delivery.errorRows > 0 || (delivery.needsConfirmation && !options.confirmed)) return applyDelivery(deps, ctx, id, options); // refuses
  const marked = await repo.updateDelivery(deps.db, id, { status: 'in-behandeling', phase: 'verwerken', progress: 0 }, ['gecontroleerd']);
  if (!marked) throw new AppError('conflict', message('deliveries.error.changedMeanwhile'));
  await deps.schedule({ kind: 'verwerken', deliveryId: id, confirmed: options.confirmed, by: submitterOf(ctx).label });
  return (await repo.findDelivery(deps.db, id))!;
}

/**
 * Cancels a delivery that is not applied yet, also while it is checked or applied: a running check or
 * apply then ends without a result (its last step only moves a delivery that is still in-behandeling).
 */
export async function cancelDelivery(deps: DeliveryDeps, ctx: ActorContext, id: string): Promise<DeliveryRecord> {
  const { delivery, via } = await accessibleDelivery(deps, ctx, id);
  if (delivery.status === 'geannuleerd') return delivery;
  const done = await repo.cancelUnappliedDelivery(deps.db, id, nowOf(deps));
  if (!done) {
    const now = (await repo.findDelivery(deps.db, id))!;
    if (now.status === 'geannuleerd') return now;
    if (now.status === 'in-behandeling') throw new AppError('conflict', message('deliveries.error.applyingCannotCancel'));
    throw new AppError(
      'conflict',
      now.status === 'verwerkt' ? message('deliveries.error.appliedCannotCancel') : message('deliveries.error.cannotCancel', { status: now.status }),
    );
  }
  await removeSealedFile(filePath(deps, id));
  await removeRowResultsFile(deps.dataDir, id);
  await recordAudit(deps.db, ctx, { action: 'delivery.cancelled', via, subjectOrganisation: { kind: 'bestuur', id: delivery.boardId }, after: { id } });
  return (await repo.findDelivery(deps.db, id))!;
}

export async function getRowResults(deps: DeliveryDeps, ctx: ActorContext, id: string, options: { problemsOnly: boolean; page: number; pageSize: number }) {
  const delivery = await getDelivery(deps, ctx, id);
  const { rows, total } = await repo.listRowResults(deps.db, id, {
    problemsOnly: options.problemsOnly,
    offset: (options.page - 1) * options.pageSize,
    limit: options.pageSize,
  });
  return { delivery, rows, total, page: options.page, pageSize: options.pageSize };
}

export type RowResultsCsv = { ready: true; body: Readable } | { ready: false; retryAfterSeconds: number };

/**
 * The terugmelding as CSV: the file its job made, or, while that is not there, a small delivery's
 * rows straight from the database. For a large one the job is asked (again) and the caller is told to
 * come back: reading it here would hold the request, and on PGlite every other one, for minutes.
 */
export async function openRowResultsCsv(deps: DeliveryDeps, ctx: ActorContext, id: string): Promise<RowResultsCsv> {
  const delivery = await getDelivery(deps, ctx, id);
  const file = await openRowResultsFile(rowResultsFilePath(deps.dataDir, id));
  if (file) return { ready: true, body: file };
  if (delivery.rowCount <= (deps.inlineRowResultsRows ?? defaultInlineRowResultsRows)) return { ready: true, body: Readable.from(rowResultsCsv(deps.db, id)) };
  await deps.schedule({ kind: 'terugmelding', deliveryId: id });
  return { ready: false, retryAfterSeconds: rowResultsRetryAfterSeconds };
}

/** The job's part: a checked delivery's terugmelding written to its file once, for every download after. */
export async function makeRowResultsFile(deps: DeliveryDeps, id: string): Promise<void> {
  const delivery = await repo.findDelivery(deps.db, id);
  // before its check is done the rows are still being staged, and a rejected delivery keeps none
  if (!delivery || delivery.validatedAt === null || delivery.status === 'afgewezen') return;
  await writeRowResultsFile(deps, id);
}
