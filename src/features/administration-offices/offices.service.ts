import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { AccountActor } from '../../platform/auth/actor.ts';
import type { OrganisationRef } from '../../platform/auth/roles.ts';
import { recordAudit, type ActorContext } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidPattern as uuid } from '../../platform/ids/uuid-pattern.ts';
import { message, type Message } from '../../platform/i18n.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { decide, type Permission } from '../../platform/policy.ts';
import { getBoardRef } from '../organisations/index.ts';
import * as repo from './offices.repo.ts';
import { checkOffice, searchTermsOf, type OfficeForm } from './offices.rules.ts';

export type { MandateLine, Office, OfficeChoice, OfficeLine } from './offices.repo.ts';

/** What the administratiekantoor use cases need. `now` is injectable for tests. */
export type OfficeDeps = { db: Db; mailer: Mailer; baseUrl: string; now?: () => Date };

const nowOf = (deps: OfficeDeps) => (deps.now ? deps.now() : new Date());
const officeRef = (id: string): OrganisationRef => ({ kind: 'administratiekantoor', id });
const boardRef = (id: string): OrganisationRef => ({ kind: 'bestuur', id });
export const officePath = (id: string) => `/beheer/administratiekantoor/${id}`;
const searchLimit = 50;

async function authorise(ctx: ActorContext, permission: Permission) {
  const decision = await decide(ctx.actor, permission);
  if (!decision.allowed) throw new AppError(decision.reason === 'unauthenticated' ? 'unauthenticated' : 'forbidden');
  return decision.via;
}

const validation = (problems: { field: string; message: Message }[]) =>
  AppError.validation(
    problems.map((p) => ({ name: p.field, reason: p.message })),
    problems[0].message,
  );

/** An office by id, for naming it on pages, in mails and for tokens (the identity feature's describeOrganisation). */
export function findOfficeById(db: Db, id: string): Promise<repo.Office | undefined> {
  return uuid.test(id) ? repo.findOffice(db, id) : Promise.resolve(undefined);
}

async function existingOffice(db: Db, id: string): Promise<repo.Office> {
  const office = await findOfficeById(db, id);
  if (!office) throw AppError.notFound(message('offices.error.notFound'));
  return office;
}

// ─── register staff ──────────────────────────────────────────────────────────────────────────────

export async function listOffices(deps: OfficeDeps, ctx: ActorContext): Promise<repo.OfficeLine[]> {
  await authorise(ctx, { action: 'offices.manage' });
  return repo.listOffices(deps.db);
}

/** Register staff add an office with its name and KvK number; a KvK number already in the register is refused at its field. */
export async function addOffice(deps: OfficeDeps, ctx: ActorContext, form: OfficeForm): Promise<string> {
  const via = await authorise(ctx, { action: 'offices.manage' });
  const checked = checkOffice(form);
  if (!checked.ok) throw validation(checked.problems);
  const taken = () => validation([{ field: 'kvk', message: message('offices.error.kvkTaken', { kvk: checked.value.kvkNumber }) }]);
  if (await repo.kvkNumberTaken(deps.db, checked.value.kvkNumber)) throw taken();
  try {
    return await inTransaction(deps.db, async (tx) => {
      const id = await repo.insertOffice(tx, checked.value, ctx.actor.type === 'account' ? ctx.actor.accountId : null);
      await recordAudit(tx, ctx, { action: 'office.added', via, subjectOrganisation: officeRef(id), after: { ...checked.value } });
      return id;
    });
  } catch (error) {
    // two staff adding the same number at once: the unique index decides, the second hears it at the field
    if (await repo.kvkNumberTaken(deps.db, checked.value.kvkNumber)) throw taken();
    throw error;
  }
}

// ─── the board: who delivers for it ──────────────────────────────────────────────────────────────

/** The offices that deliver for the board now (its members page); `mayGrant` says whether this actor may add or withdraw one. */
export async function listBoardMandates(deps: OfficeDeps, ctx: ActorContext, boardId: string) {
  await authorise(ctx, { action: 'mandates.read', organisation: boardRef(boardId) });
  const mayGrant = (await decide(ctx.actor, { action: 'mandates.grant', organisation: boardRef(boardId) })).allowed;
  return { mandates: await repo.listMandates(deps.db, { boardId }), mayGrant };
}

/** A board admin looks for an office to authorise: by words of its name or its KvK number; all offices without a query. */
export async function searchOffices(deps: OfficeDeps, ctx: ActorContext, boardId: string, query: string) {
  await authorise(ctx, { action: 'mandates.grant', organisation: boardRef(boardId) });
  const board = await getBoardRef(deps.db, boardId);
  return { board, offices: await repo.searchOffices(deps.db, board.id, searchTermsOf(query), searchLimit) };
}

/**
 * The office a board admin is about to authorise, with the board, for the confirmation page: an
 * office the board authorises already is a conflict, an unknown one "not found".
 */
export async function prepareMandate(deps: OfficeDeps, ctx: ActorContext, boardId: string, officeId: string) {
  const via = await authorise(ctx, { action: 'mandates.grant', organisation: boardRef(boardId) });
  const [board, office] = [await getBoardRef(deps.db, boardId), await existingOffice(deps.db, officeId)];
  if (await repo.findMandate(deps.db, board.id, office.id)) throw new AppError('conflict', message('offices.error.alreadyAuthorised', { office: office.name }));
  return { board, office, via };
}

type MandateMail = 'office-mandate-granted' | 'office-mandate-withdrawn';

async function tellOfficeAdmins(deps: OfficeDeps, tx: Db, template: MandateMail, office: repo.Office, board: { id: string; number: string; name: string }) {
  const admins = await repo.listOfficeAdminAddresses(tx, office.id);
  return deps.mailer.queueMany(
    tx,
    admins.map((admin) => ({
      to: admin.email,
      template,
      lang: 'nl' as const,
      params: { name: admin.name, office: office.name, board: board.name, boardNumber: board.number, link: `${deps.baseUrl}${officePath(office.id)}/besturen` },
    })),
  );
}

/**
 * The board admin confirmed: the office may deliver for the board from the next request on. Audited;
 * the office's admins are told by mail.
 */
export async function grantMandate(deps: OfficeDeps, ctx: ActorContext & { actor: AccountActor }, boardId: string, officeId: string): Promise<repo.Office> {
  const { board, office, via } = await prepareMandate(deps, ctx, boardId, officeId);
  const mailIds = await inTransaction(deps.db, async (tx) => {
    const id = await repo.insertMandate(tx, { boardId: board.id, officeId: office.id, grantedBy: ctx.actor.accountId, now: nowOf(deps) });
    if (!id) throw new AppError('conflict', message('offices.error.alreadyAuthorised', { office: office.name }));
    await recordAudit(tx, ctx, {
      action: 'office-mandate.granted',
      via,
      subjectOrganisation: boardRef(board.id),
      after: { mandate: id, office: office.id, officeName: office.name, kvkNumber: office.kvkNumber },
    });
    return tellOfficeAdmins(deps, tx, 'office-mandate-granted', office, board);
  });
  await deps.mailer.deliver(deps.db, mailIds);
  return office;
}

/** The live machtiging a board admin is about to withdraw, for the confirmation page; none is "not found". */
export async function prepareWithdrawal(deps: OfficeDeps, ctx: ActorContext, boardId: string, officeId: string) {
  const via = await authorise(ctx, { action: 'mandates.grant', organisation: boardRef(boardId) });
  const mandate = uuid.test(officeId) ? await repo.findMandate(deps.db, boardId, officeId) : undefined;
  if (!mandate) throw AppError.notFound(message('offices.error.noMandate'));
  return { mandate, via };
}

/**
 * The board admin confirmed: the office no longer delivers for the board, and sees nothing of it from
 * its next request on, the deliveries it made earlier included (decision 022). Audited; its admins are told.
 */
export async function withdrawMandate(
  deps: OfficeDeps,
  ctx: ActorContext & { actor: AccountActor },
  boardId: string,
  officeId: string,
): Promise<repo.MandateLine> {
  const { mandate, via } = await prepareWithdrawal(deps, ctx, boardId, officeId);
  const office = { id: mandate.officeId, name: mandate.officeName, kvkNumber: mandate.kvkNumber };
  const board = { id: mandate.boardId, number: mandate.boardNumber, name: mandate.boardName };
  const mailIds = await inTransaction(deps.db, async (tx) => {
    const id = await repo.withdrawMandate(tx, { boardId: board.id, officeId: office.id, withdrawnBy: ctx.actor.accountId, now: nowOf(deps) });
    if (!id) throw AppError.notFound(message('offices.error.noMandate'));
    await recordAudit(tx, ctx, {
      action: 'office-mandate.withdrawn',
      via,
      subjectOrganisation: boardRef(board.id),
      before: { mandate: id, office: office.id, officeName: office.name, kvkNumber: office.kvkNumber },
    });
    return tellOfficeAdmins(deps, tx, 'office-mandate-withdrawn', office, board);
  });
  await deps.mailer.deliver(deps.db, mailIds);
  return mandate;
}

// ─── the office: which boards it delivers for ───────────────────────────────────────────────────

/** The boards that authorise the office now: for its members (and register staff). */
export async function listOfficeMandates(deps: OfficeDeps, ctx: ActorContext, officeId: string) {
  const office = await existingOffice(deps.db, officeId);
  await authorise(ctx, { action: 'mandates.read', organisation: officeRef(office.id) });
  const mandates = await repo.listMandates(deps.db, { officeId: office.id });
  // register staff read the mandates too, but deliver for no board: the way to a board's deliveries is for those who may
  const deliverable: Record<string, boolean> = {};
  for (const m of mandates)
    deliverable[m.boardId] = (await decide(ctx.actor, { action: 'delivery.submit', organisation: { kind: 'bestuur', id: m.boardId } })).allowed;
  return { office, mandates: mandates.map((m) => ({ ...m, mayDeliver: deliverable[m.boardId] })) };
}

/**
 * For an API token: its organisation's live machtigingen, a page of them. A board's token reads the
 * offices that deliver for it, an office's token the boards it delivers for; any other is refused.
 */
export async function listMandatesOfToken(deps: OfficeDeps, ctx: ActorContext, page: number, pageSize: number) {
  const { actor } = ctx;
  if (actor.type !== 'token' || (actor.organisation.kind !== 'bestuur' && actor.organisation.kind !== 'administratiekantoor')) {
    throw new AppError('forbidden', message('offices.error.mandatesTokenOnly'));
  }
  await authorise(ctx, { action: 'mandates.read', organisation: actor.organisation });
  const scope = actor.organisation.kind === 'bestuur' ? { boardId: actor.organisation.id } : { officeId: actor.organisation.id };
  const [rows, total] = [await repo.listMandates(deps.db, scope, { offset: (page - 1) * pageSize, limit: pageSize }), await repo.countMandates(deps.db, scope)];
  return { rows, total, page, pageSize };
}

/** The account's work with administratiekantoren, for their AVG download. */
export async function exportOfficeWorkOf(db: Db, accountId: string) {
  const { offices, mandates } = await repo.listOfficeWorkOf(db, accountId);
  return {
    administratiekantoren: offices.map((o) => ({ naam: o.name, kvkNummer: o.kvkNumber, toegevoegd: o.createdAt.toISOString() })),
    machtigingen: mandates.map((m) => ({
      bestuur: m.board,
      administratiekantoor: m.office,
      gegeven: m.grantedAt.toISOString(),
      doorUGegeven: m.grantedByYou,
      ingetrokken: m.withdrawnAt?.toISOString() ?? null,
      doorUIngetrokken: m.withdrawnByYou,
    })),
  };
}
