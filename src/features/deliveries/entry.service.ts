import { Readable } from 'node:stream';
import { recordAudit, type ActorContext } from '../../platform/audit/audit.ts';
import { dutchDateOf } from '../../platform/dates/calendar.ts';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import { uuidPattern } from '../../platform/ids/uuid-pattern.ts';
import { decide } from '../../platform/policy.ts';
import { guardAgainstBsnInClear } from './bsn-in-clear.rules.ts';
import * as deliveriesRepo from './deliveries.repo.ts';
import {
  applyDelivery,
  cancelDelivery,
  getDelivery,
  requireDeliveryAccess,
  submitDelivery,
  type DeliveryDeps,
  type DeliveryRecord,
} from './deliveries.service.ts';
import { checkRow, type Message } from './delivery-format.rules.ts';
import * as repo from './entry.repo.ts';
import { dayForForm, entryFile, entryHeader, entryRecord, fteForForm, lockedFields, type Entry, type EntryField } from './entry.rules.ts';

export type { EmploymentForEntry, EntryLocation, EntrySchool } from './entry.repo.ts';

const todayOf = (deps: DeliveryDeps) => dutchDateOf(deps.now ? deps.now() : new Date());

/** The board's schools and locations the form offers. */
export async function getEntryChoices(deps: DeliveryDeps, ctx: ActorContext, boardId: string) {
  await requireDeliveryAccess(ctx, boardId);
  return repo.listEntryChoices(deps.db, boardId);
}

/**
 * An employment of the board, read to start its form for a change or an end: the values the board
 * delivered last (never the BSN) and the fields that say which employment it is. Someone else's personal
 * data: the read is in the audit trail of the person.
 */
export async function startEmploymentEntry(
  deps: DeliveryDeps,
  ctx: ActorContext,
  boardId: string,
  employmentId: string,
  mutation: 'WIJZIGING' | 'EINDE',
): Promise<{ name: string; values: Entry; locked: EntryField[] }> {
  await requireDeliveryAccess(ctx, boardId);
  // reading the board's own record of a person is its own staff's: an administratiekantoor delivers, it does not read (decision 022)
  if (!(await decide(ctx.actor, { action: 'staff.act', organisation: { kind: 'bestuur', id: boardId } })).allowed) {
    throw new AppError('forbidden', message('deliveries.error.notYourBoard'));
  }
  const employment = uuidPattern.test(employmentId) ? await repo.findEmploymentForEntry(deps.db, boardId, employmentId) : undefined;
  if (!employment) throw AppError.notFound(message('entry.error.employmentNotFound'));
  await recordAudit(deps.db, ctx, {
    action: 'employment.opened-for-entry',
    subjectPersonId: employment.personId,
    subjectOrganisation: { kind: 'bestuur', id: boardId },
    after: { employment: employment.id },
  });
  const values: Entry = {
    personeelsnummer: employment.staffNumber ?? '',
    bsn: '',
    voorletters: employment.initials,
    voornamen: employment.firstNames ?? '',
    tussenvoegsel: employment.prefix ?? '',
    achternaam: employment.surname,
    geboortedatum: dayForForm(employment.birthDate),
    email: employment.email ?? '',
    instellingscode: employment.brin,
    vestigingscode: employment.locationCode ?? '',
    functie: employment.function,
    benoemingsgrondslag: employment.appointmentBasis ?? '',
    begindatum: dayForForm(employment.startDate),
    einddatum: dayForForm(employment.endDate),
    werktijdfactor: fteForForm(employment.fte),
    mutatie: mutation,
  };
  return { name: employment.name, values, locked: lockedFields(mutation, employment.staffNumber !== null) };
}

/**
 * The row's own checks, as a file's row gets them (the format, and no BSN outside its column), before
 * anything is stored: the form shows their messages at its fields. The checks against the register (a
 * change of an employment it does not have, a personeelsnummer that is someone's BSN) follow when the
 * row is sent as a delivery.
 */
export async function checkEntry(deps: DeliveryDeps, ctx: ActorContext, boardId: string, entry: Entry): Promise<Message[]> {
  await requireDeliveryAccess(ctx, boardId);
  const directory = await deliveriesRepo.loadBoardDirectory(deps.db, boardId);
  if (!directory) throw AppError.notFound();
  const record = entryRecord(entry, directory.boardNumber);
  return guardAgainstBsnInClear(checkRow(record, entryHeader, 'mutaties', directory, todayOf(deps)), record, entryHeader, deps.crypto.keyedHash).messages;
}

export type SentEntry = { delivery: DeliveryRecord; messages: Message[] };

/** The messages of an entry's one row, as the terugmelding has them. */
async function messagesOfRow(deps: DeliveryDeps, deliveryId: string): Promise<Message[]> {
  const { rows } = await deliveriesRepo.listRowResults(deps.db, deliveryId, { problemsOnly: false, offset: 0, limit: 1 });
  return rows[0]?.messages ?? [];
}

/**
 * Sends the entry as what it is: a delivery of mode mutaties with one row, channel `scherm`, through the
 * same steps as a file (stored sealed, checked, staged, the checks across the register, audit). Without
 * errors it is applied at once by the person who sent it; with errors it is cancelled, kept in the history
 * with its terugmelding, and the messages go back to the form.
 */
export async function sendEntry(deps: DeliveryDeps, ctx: ActorContext, board: { id: string; number: string }, entry: Entry): Promise<SentEntry> {
  const submitted = await submitDelivery(deps, ctx, {
    boardId: board.id,
    mode: 'mutaties',
    fileName: null,
    body: Readable.from([entryFile(entry, board.number)]),
    applyWhenValid: false,
    channel: 'scherm',
  });
  const messages = await messagesOfRow(deps, submitted.id);
  if (submitted.status !== 'gecontroleerd') return { delivery: submitted, messages };
  if (submitted.errorRows > 0) return { delivery: await cancelDelivery(deps, ctx, submitted.id), messages };
  try {
    return { delivery: await applyDelivery(deps, ctx, submitted.id, { confirmed: false }), messages };
  } catch (error) {
    // another delivery of the board is being applied: this one stays checked, to apply from its page
    if (error instanceof AppError && error.code === 'conflict') return { delivery: (await deliveriesRepo.findDelivery(deps.db, submitted.id))!, messages };
    throw error;
  }
}

/** A delivery made on the board's entry screen, with its row's messages: its result page. */
export async function getEntryResult(deps: DeliveryDeps, ctx: ActorContext, boardId: string, deliveryId: string): Promise<SentEntry> {
  const delivery = await getDelivery(deps, ctx, deliveryId);
  if (delivery.boardId !== boardId || delivery.channel !== 'scherm') throw AppError.notFound(message('deliveries.error.notOfBoard'));
  return { delivery, messages: await messagesOfRow(deps, delivery.id) };
}
