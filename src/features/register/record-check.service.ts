import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import { recordAudit, recordAuditPerPerson, signedInAccount, type ActorContext } from '../../platform/audit/audit.ts';
import { dutchToday } from '../../platform/dates/calendar.ts';
import { AppError } from '../../platform/errors.ts';
import { readSealedFile, removeSealedFile } from '../../platform/files/sealed-files.ts';
import { message } from '../../platform/i18n.ts';
import { uuidPattern as uuid } from '../../platform/ids/uuid-pattern.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { decide } from '../../platform/policy.ts';
import { checkComment, transition, type ApprovalEvent, type ApprovalStatus, type ApprovalTransition } from './approval.rules.ts';
import { requireBoardStaff } from './board-staff-access.ts';
import { checkDispute, personDataStatus, personDataTransition, type DisputeForm, type DisputeKind } from './dispute.rules.ts';
import * as disputes from './disputes.repo.ts';
import { evidenceMaxBytes } from './evidence.rules.ts';
import * as repo from './own-record.repo.ts';
import type { OwnRecordDeps } from './own-record.service.ts';
import { linkedPersonOf } from './person-link.service.ts';
import { sealProof, type SealedProof } from './proof-files.ts';
import { insertNotices } from './record-notices.repo.ts';
import { disputeSubject, newNoticeId, queueDisputeFiled } from './record-notices.service.ts';

/**
 * The professional's check of what boards delivered (issue 19, decision 021): each employment, and the
 * person data as a step of its own, is approved ("Klopt") or disputed ("Klopt niet", naming the fields
 * that are wrong, with an optional proof); the board's staff read the disputes, open the proof, and
 * answer (a correction is a delivery, which closes the dispute in the apply).
 */

/** Where a dispute's proof is sealed: `DATA_DIR/dispute-proofs/<id>.sealed`, with the files' key and the upload limit. */
export type ProofDeps = { dataDir: string; fileKey: Buffer; maxBytes?: number };
/** Filing and answering a dispute tell the other side by mail (through the outbox); a proof needs `files`. */
export type DisputeDeps = OwnRecordDeps & { mailer: Mailer; baseUrl: string; files?: ProofDeps };
/** A proof as it streams in with the form. */
export type UploadedProof = { fileName: string; body: Readable };

const nowOf = (deps: OwnRecordDeps) => (deps.now ? deps.now() : new Date());
const byLabelOf = (ctx: ActorContext) => {
  const account = signedInAccount(ctx);
  return account.displayName || account.email;
};
const proofPath = (files: ProofDeps, id: string) => join(files.dataDir, 'dispute-proofs', `${id}.sealed`);

function allowed(next: ApprovalTransition): ApprovalStatus {
  if (!next.allowed) throw new AppError('conflict', next.reason);
  return next.to;
}
const allowedTransition = (from: ApprovalStatus, event: ApprovalEvent) => allowed(transition(from, event));

async function ownEmployment(deps: OwnRecordDeps, ctx: ActorContext, employmentId: string): Promise<repo.EmploymentRef> {
  const account = signedInAccount(ctx);
  const employment = uuid.test(employmentId) ? await repo.findEmploymentOfAccount(deps.db, account.accountId, employmentId) : undefined;
  if (!employment) throw AppError.notFound(message('register.error.employmentNotYours'));
  return employment;
}

/** The form's fields and comment, checked; refused at the fields. */
function checkedDispute(kind: DisputeKind, form: DisputeForm) {
  const checked = checkDispute(kind, form);
  if (!checked.ok) throw AppError.validation(checked.problems.map((p) => ({ name: p.field, reason: p.message })));
  return checked.dispute;
}

/**
 * Files a dispute with its proof, if any: the proof is sealed first (after the form's own checks, so a
 * refused form stores nothing), then `file` runs in a transaction with the proof's row written; when
 * that fails, the sealed file goes too. The mails `file` queued are delivered after the commit.
 */
async function fileWithProof(
  deps: DisputeDeps,
  personId: string,
  proof: UploadedProof | undefined,
  now: Date,
  file: (tx: Db, proofId: string | null) => Promise<string[]>,
): Promise<void> {
  let sealed: (SealedProof & { id: string; path: string }) | undefined;
  if (proof) {
    if (!deps.files) throw new Error('a proof needs deps.files');
    const id = uuidV7();
    const path = proofPath(deps.files, id);
    const limits = { fileKey: deps.files.fileKey, maxBytes: deps.files.maxBytes ?? evidenceMaxBytes };
    sealed = {
      ...(await sealProof(path, proof.body, limits, { fileName: proof.fileName, field: 'bewijs', wrongType: message('register.error.proofFileType') })),
      id,
      path,
    };
  }
  let mailIds: string[];
  try {
    mailIds = await inTransaction(deps.db, async (tx) => {
      if (sealed) await disputes.insertProof(tx, { ...sealed, personId }, now);
      return file(tx, sealed?.id ?? null);
    });
  } catch (error) {
    if (sealed) await removeSealedFile(sealed.path);
    throw error;
  }
  await deps.mailer.deliver(deps.db, mailIds);
}

/** The board's staff hear of a new dispute at once, or in the day's overview (record-notices.service.ts). */
async function queueFiled(tx: Db, deps: DisputeDeps, boardId: string, disputeId: string): Promise<string[]> {
  const dispute = await disputes.findBoardDispute(tx, boardId, disputeId);
  return dispute ? queueDisputeFiled(tx, deps, { ...dispute, boardId }) : [];
}

// ─── an employment ──────────────────────────────────────────────────────────────────────────────

/** "Klopt": the professional approves a delivered employment (a dispute of it is withdrawn). */
export async function approveEmployment(deps: OwnRecordDeps, ctx: ActorContext, employmentId: string): Promise<void> {
  const employment = await ownEmployment(deps, ctx, employmentId);
  const to = allowedTransition(employment.approvalStatus, 'accorderen');
  const now = nowOf(deps);
  await inTransaction(deps.db, async (tx) => {
    if (!(await repo.setApprovalStatus(tx, employment.id, employment.approvalStatus, to, now))) {
      throw new AppError('conflict', message('register.error.employmentChanged'));
    }
    await disputes.closeOpenDisputes(tx, employment.id, 'ingetrokken', now);
    await repo.addHistoryLine(tx, {
      personId: employment.personId,
      employmentId: employment.id,
      kind: 'dienstverband-geaccordeerd',
      changes: { status: [employment.approvalStatus, to] },
      byLabel: byLabelOf(ctx),
      now,
    });
  });
}

/**
 * "Klopt niet": the professional disputes a delivered employment, naming the fields that are wrong,
 * with a comment and optionally a proof; all of it goes to the board's staff.
 */
export async function disputeEmployment(deps: DisputeDeps, ctx: ActorContext, employmentId: string, form: DisputeForm, proof?: UploadedProof): Promise<void> {
  const employment = await ownEmployment(deps, ctx, employmentId);
  const checked = checkedDispute('dienstverband', form);
  const to = allowedTransition(employment.approvalStatus, 'betwisten');
  const now = nowOf(deps);
  await fileWithProof(deps, employment.personId, proof, now, async (tx, proofId) => {
    if (!(await repo.setApprovalStatus(tx, employment.id, employment.approvalStatus, to, now))) {
      throw new AppError('conflict', message('register.error.employmentChanged'));
    }
    const disputeId = await disputes.insertDispute(tx, {
      kind: 'dienstverband',
      employmentId: employment.id,
      personId: employment.personId,
      boardId: employment.boardId,
      ...checked,
      proofId,
      now,
    });
    await repo.addHistoryLine(tx, {
      personId: employment.personId,
      employmentId: employment.id,
      kind: 'dienstverband-betwist',
      changes: { status: [employment.approvalStatus, to], velden: [null, checked.fields.join(', ')] },
      byLabel: byLabelOf(ctx),
      now,
    });
    return queueFiled(tx, deps, employment.boardId, disputeId);
  });
}

// ─── the person data ────────────────────────────────────────────────────────────────────────────

export type PersonDataCheckView = { status: ApprovalStatus; approvedAt: Date | null; disputes: disputes.PersonDataDispute[] };

/** The check of the linked person's data: its state, when it was approved, and the latest dispute at each board. Undefined without a person. */
export async function getPersonDataCheck(deps: OwnRecordDeps, ctx: ActorContext): Promise<PersonDataCheckView | undefined> {
  const personId = await linkedPersonOf(deps, ctx);
  const check = personId ? await disputes.findPersonDataCheck(deps.db, personId) : undefined;
  if (!personId || !check) return undefined;
  return { status: personDataStatus(check), approvedAt: check.approvedAt, disputes: await disputes.listLatestPersonDisputes(deps.db, personId) };
}

/** The linked person, as delivered by a board (a person made at enrolment has nobody to dispute with), with the state of its check. */
async function deliveredPersonOf(deps: OwnRecordDeps, ctx: ActorContext) {
  const personId = await linkedPersonOf(deps, ctx);
  const check = personId ? await disputes.findPersonDataCheck(deps.db, personId) : undefined;
  if (!personId || !check) throw new AppError('conflict', message('register.error.noEmployment'));
  const boards = await disputes.listBoardsOfPersonData(deps.db, personId, dutchToday(nowOf(deps)));
  if (boards.length === 0) throw new AppError('conflict', message('register.error.personDataNotDelivered'));
  return { personId, status: personDataStatus(check), boards };
}

/** The boards a dispute of the person data would go to, by name: for the form to say so. */
export async function listPersonDataBoards(deps: OwnRecordDeps, ctx: ActorContext): Promise<string[]> {
  return (await deliveredPersonOf(deps, ctx)).boards.map((b) => b.name);
}

/** "Mijn gegevens kloppen": the professional approves their person data, with the moment; an open dispute of it is withdrawn. */
export async function approvePersonData(deps: OwnRecordDeps, ctx: ActorContext): Promise<void> {
  const person = await deliveredPersonOf(deps, ctx);
  const to = allowed(personDataTransition(person.status, 'accorderen'));
  const now = nowOf(deps);
  await inTransaction(deps.db, async (tx) => {
    if (!(await disputes.approvePersonData(tx, person.personId, now))) throw new AppError('conflict', message('register.error.personDataChanged'));
    await disputes.closeOpenPersonDisputes(tx, person.personId, 'ingetrokken', now);
    await repo.addHistoryLine(tx, {
      personId: person.personId,
      employmentId: null,
      kind: 'persoonsgegevens-geaccordeerd',
      changes: { status: [person.status, to] },
      byLabel: byLabelOf(ctx),
      now,
    });
  });
}

/**
 * "Klopt niet" on the person data: one dispute for each board that employs the person now (else each
 * that delivered them), with the same fields, comment and proof. Every such board delivers the name and
 * birth date and a delivery of any of them overwrites the others', so each must correct it (decision
 * 021). An earlier approval of the person data no longer stands.
 */
export async function disputePersonData(deps: DisputeDeps, ctx: ActorContext, form: DisputeForm, proof?: UploadedProof): Promise<void> {
  const person = await deliveredPersonOf(deps, ctx);
  const checked = checkedDispute('persoonsgegevens', form);
  const to = allowed(personDataTransition(person.status, 'betwisten'));
  const now = nowOf(deps);
  await fileWithProof(deps, person.personId, proof, now, async (tx, proofId) => {
    await disputes.clearPersonDataApproval(tx, person.personId, now);
    const mailIds: string[] = [];
    for (const { id: boardId } of person.boards) {
      const disputeId = await disputes.insertDispute(tx, {
        kind: 'persoonsgegevens',
        employmentId: null,
        personId: person.personId,
        boardId,
        ...checked,
        proofId,
        now,
      });
      mailIds.push(...(await queueFiled(tx, deps, boardId, disputeId)));
    }
    await repo.addHistoryLine(tx, {
      personId: person.personId,
      employmentId: null,
      kind: 'persoonsgegevens-betwist',
      changes: { status: [person.status, to], velden: [null, checked.fields.join(', ')] },
      byLabel: byLabelOf(ctx),
      now,
    });
    return mailIds;
  });
}

// ─── the board's side ───────────────────────────────────────────────────────────────────────────

/** The disputes of a board's staff, newest first: open ones, or all. Reading them is logged for each disputing person (personal data of others). */
export async function listBoardDisputes(
  deps: OwnRecordDeps,
  ctx: ActorContext,
  boardId: string,
  options: { openOnly: boolean; page: number; pageSize: number },
) {
  const via = await requireBoardStaff(ctx, boardId, 'staff.read');
  const { rows, total } = await disputes.listBoardDisputes(deps.db, boardId, {
    openOnly: options.openOnly,
    offset: (options.page - 1) * options.pageSize,
    limit: options.pageSize,
  });
  await recordAuditPerPerson(
    deps.db,
    ctx,
    { action: 'employment-disputes.viewed', via, subjectOrganisation: { kind: 'bestuur', id: boardId }, after: { openOnly: options.openOnly } },
    rows.map((r) => r.personId),
  );
  return { disputes: rows, total, page: options.page, pageSize: options.pageSize };
}

export async function getBoardDispute(deps: OwnRecordDeps, ctx: ActorContext, boardId: string, disputeId: string): Promise<disputes.BoardDispute> {
  const via = await requireBoardStaff(ctx, boardId, 'staff.read');
  const dispute = uuid.test(disputeId) ? await disputes.findBoardDispute(deps.db, boardId, disputeId) : undefined;
  if (!dispute) throw AppError.notFound(message('register.error.disputeNotFound'));
  await recordAudit(deps.db, ctx, {
    action: 'employment-disputes.viewed',
    via,
    subjectPersonId: dispute.personId,
    subjectOrganisation: { kind: 'bestuur', id: boardId },
    after: { disputes: [dispute.id] },
  });
  return dispute;
}

/** Whether the reader may open the proofs of the board's disputes: its own staff, not register staff reading along. */
export async function mayOpenDisputeProofs(ctx: ActorContext, boardId: string): Promise<boolean> {
  return (await decide(ctx.actor, { action: 'staff.act', organisation: { kind: 'bestuur', id: boardId } })).allowed;
}

/**
 * The proof of a dispute, to the board's own staff: a read of the professional's personal data, audited.
 * Another board's dispute, or one without a proof, is "not found".
 */
export async function openDisputeProof(
  deps: DisputeDeps,
  ctx: ActorContext,
  boardId: string,
  disputeId: string,
): Promise<{ evidence: disputes.DisputeProof; body: Readable }> {
  const via = await requireBoardStaff(ctx, boardId, 'staff.act');
  const proof = uuid.test(disputeId) ? await disputes.findProofOfBoardDispute(deps.db, boardId, disputeId) : undefined;
  if (!proof || !deps.files) throw AppError.notFound(message('register.error.proofNotFound'));
  const body = await readSealedFile(proofPath(deps.files, proof.id), deps.files.fileKey);
  await recordAudit(deps.db, ctx, {
    action: 'employment-dispute.proof-opened',
    via,
    subjectPersonId: proof.personId,
    subjectOrganisation: { kind: 'bestuur', id: boardId },
    after: { dispute: disputeId, proof: proof.id },
  });
  return { evidence: proof, body };
}

/**
 * The board's staff answer a dispute: the professional reads the answer on Mijn register and checks the
 * employment (or the person data) again. A correction is delivered instead; applying it closes the dispute.
 */
export async function answerDispute(deps: DisputeDeps, ctx: ActorContext, boardId: string, disputeId: string, reply: unknown): Promise<void> {
  await requireBoardStaff(ctx, boardId, 'staff.act');
  const dispute = uuid.test(disputeId) ? await disputes.findBoardDispute(deps.db, boardId, disputeId) : undefined;
  if (!dispute) throw AppError.notFound(message('register.error.disputeNotFound'));
  const answer = checkComment(reply, 'antwoord');
  if (!answer.ok) throw new AppError('validation_failed', answer.message);
  const checked = answer.text;
  if (dispute.status !== 'open') throw new AppError('conflict', message('register.error.disputeHandled'));
  const to = allowedTransition('betwist', 'beantwoorden');
  const now = nowOf(deps);
  const byLabel = byLabelOf(ctx);
  const mailIds = await inTransaction(deps.db, async (tx) => {
    if (!(await disputes.answerDispute(tx, dispute.id, checked, byLabel, now))) throw new AppError('conflict', message('register.error.disputeHandled'));
    if (dispute.employmentId) await repo.setApprovalStatus(tx, dispute.employmentId, 'betwist', to, now);
    await repo.addHistoryLine(tx, {
      personId: dispute.personId,
      employmentId: dispute.employmentId,
      kind: 'betwisting-beantwoord',
      changes: { status: ['betwist', to] },
      byLabel,
      now,
    });
    await recordAudit(tx, ctx, {
      action: 'employment-dispute.answered',
      subjectPersonId: dispute.personId,
      subjectOrganisation: { kind: 'bestuur', id: boardId },
      after: { dispute: dispute.id },
    });
    // the professional is waiting on this answer; the mail is in their AVG download as a notice
    const professional = await repo.findPersonAddress(tx, dispute.personId);
    if (!professional) return [];
    const mailId = await deps.mailer.queue(tx, {
      to: professional.email,
      template: 'dispute-answered',
      lang: professional.lang,
      params: {
        name: professional.name,
        board: dispute.boardName,
        employment: disputeSubject(professional.lang, dispute),
        reply: checked,
        link: `${deps.baseUrl}/mijn-register`,
      },
    });
    await insertNotices(
      tx,
      [
        {
          id: newNoticeId(),
          personId: dispute.personId,
          kind: 'antwoord',
          employmentId: dispute.employmentId,
          deliveryId: null,
          boardId,
          disputeId: dispute.id,
          mailId,
        },
      ],
      now,
    );
    return [mailId];
  });
  await deps.mailer.deliver(deps.db, mailIds);
}
