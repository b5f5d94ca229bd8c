import type { Db } from '../../db/database.ts';
import { recordAudit, signedInAccount, type ActorContext, type AuditSubject } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import { listNoticesOfAccount } from './record-notices.repo.ts';
import { findPersonDataCheck, listDisputesOfAccount } from './disputes.repo.ts';
import { randomRegisterBase, registerNumberFor } from './register-number.rules.ts';
import { listEvidenceOfAccount } from './evidence.repo.ts';
import { listCodesOfPerson } from './person-link-codes.repo.ts';
import { listApplicationsOfEnrolment, listEvents as listApplicationEvents } from './registrations.repo.ts';
import { linkedPersonOf } from './person-link.service.ts';
import * as repo from './own-record.repo.ts';
import { inTransaction } from '../../db/transaction.ts';
import { dutchToday } from '../../platform/dates/calendar.ts';
import { checkOwnPerson, type OwnPersonFacts, type OwnPersonForm } from './own-person.rules.ts';
import * as links from './person-link.repo.ts';

export type { Enrolment, OwnEmployment } from './own-record.repo.ts';

export type OwnRecordDeps = { db: Db; now?: () => Date };

const nowOf = (deps: OwnRecordDeps) => (deps.now ? deps.now() : new Date());

/** What boards delivered about the professional themselves, for them to check (undefined without a linked record). */
export async function getDeliveredPerson(deps: OwnRecordDeps, ctx: ActorContext): Promise<repo.DeliveredPerson | undefined> {
  await linkedPersonOf(deps, ctx);
  return repo.findDeliveredPerson(deps.db, signedInAccount(ctx).accountId);
}

/** The professional's own employments as boards delivered them, with their check and any dispute. */
export async function getOwnRecord(deps: OwnRecordDeps, ctx: ActorContext): Promise<{ email: string; employments: repo.OwnEmployment[] }> {
  const account = signedInAccount(ctx);
  await linkedPersonOf(deps, ctx);
  return { email: account.email.toLowerCase(), employments: await repo.listEmploymentsOfAccount(deps.db, account.accountId) };
}

/** Whether a person in the register is linked to this account (decision 021): the menu then offers Mijn register. */
export async function isLinkedToPerson(db: Db, accountId: string): Promise<boolean> {
  return (await repo.findPersonIdOfAccount(db, accountId)) !== undefined;
}

export async function getOwnEnrolment(deps: OwnRecordDeps, ctx: ActorContext): Promise<repo.Enrolment | undefined> {
  return repo.findEnrolmentOfAccount(deps.db, signedInAccount(ctx).accountId);
}

/**
 * Inschrijving: the professional asks to be in the register. They get a register number at once, and
 * their name, register number and school become findable in the public register. It needs a person
 * linked to the account: delivered by a board, or made from the account (`enrolWithoutDelivery`);
 * asking again changes nothing.
 */
export async function enrol(deps: OwnRecordDeps, ctx: ActorContext): Promise<repo.Enrolment> {
  const account = signedInAccount(ctx);
  const existing = await repo.findEnrolmentOfAccount(deps.db, account.accountId);
  if (existing) return existing;
  await linkedPersonOf(deps, ctx);
  const person = await repo.findEnrollablePerson(deps.db, account.accountId);
  if (!person) {
    throw new AppError('conflict', message('register.error.noEmploymentToEnrol'));
  }
  if (person.enrolled || (person.accountId && person.accountId !== account.accountId)) {
    throw new AppError('conflict', message('register.error.enrolledElsewhere'));
  }
  await inTransaction(deps.db, (tx) => enrolPerson(tx, ctx, person.id, nowOf(deps)));
  return (await repo.findEnrolmentOfAccount(deps.db, account.accountId))!;
}

/** The enrolment of the account's person, with a register number, its first status line, the person's history line and the audit event. */
async function enrolPerson(tx: Db, ctx: ActorContext, personId: string, now: Date): Promise<void> {
  const account = signedInAccount(ctx);
  const registerNumber = await drawFreeRegisterNumber(tx);
  const byLabel = account.displayName || account.email;
  await repo.insertEnrolment(tx, { personId, accountId: account.accountId, registerNumber, byLabel, now });
  await repo.addHistoryLine(tx, {
    personId,
    employmentId: null,
    kind: 'ingeschreven',
    changes: { registernummer: [null, registerNumber] },
    byLabel,
    now,
  });
  await recordAudit(tx, ctx, { action: 'enrolment.created', subjectAccountId: account.accountId, subjectPersonId: personId, after: { registerNumber } });
}

/**
 * Whether the account may enrol without a delivery: `open`; `has-record` (a person is linked: enrol as
 * that person); `unverified` (the address is not confirmed); `bsn-elsewhere` (the BSN an issuer vouched
 * for at its sign-in is another account's person's: no second person for one BSN).
 */
export type OwnEnrolmentState = 'open' | 'has-record' | 'unverified' | 'bsn-elsewhere';

export async function getOwnEnrolmentState(deps: OwnRecordDeps, ctx: ActorContext): Promise<OwnEnrolmentState> {
  const account = signedInAccount(ctx);
  if (await linkedPersonOf(deps, ctx)) return 'has-record';
  const own = await links.findAccountBsn(deps.db, account.accountId);
  if (!own?.verified) return 'unverified';
  if (own.bsnHash && (await links.findPersonByBsnHash(deps.db, own.bsnHash))) return 'bsn-elsewhere';
  return 'open';
}

const stateRefusals = {
  'has-record': 'register.error.alreadyHasRecord',
  unverified: 'register.error.accountUnverified',
  'bsn-elsewhere': 'register.error.bsnHeldElsewhere',
} as const;

/** The name and birth date as the professional typed them, checked, for the "check your answers" step; refused per field. */
export async function checkOwnEnrolment(deps: OwnRecordDeps, ctx: ActorContext, form: OwnPersonForm): Promise<OwnPersonFacts> {
  const state = await getOwnEnrolmentState(deps, ctx);
  if (state !== 'open') throw new AppError('conflict', message(stateRefusals[state]));
  const checked = checkOwnPerson(form, dutchToday(nowOf(deps)));
  if (!checked.ok) throw AppError.validation(checked.problems.map((p) => ({ name: p.field, reason: p.message })));
  return checked.facts;
}

/**
 * Enrolment without a delivery (issue 19, decision 021): anyone with a confirmed account enrols. A
 * person is made from the account with the name and birth date they gave (and the BSN hash an issuer
 * vouched for at their sign-in, if any), linked to it, without employments; they enrol as that person
 * and add evidence and apply as anyone else. Someone the register knows with the same surname and birth
 * date becomes a possible duplicate for register staff, never merged here. A later delivery with the
 * BSN joins this person; one found by name and birth date is a possible duplicate again.
 */
export async function enrolWithoutDelivery(deps: OwnRecordDeps, ctx: ActorContext, form: OwnPersonForm): Promise<repo.Enrolment> {
  const facts = await checkOwnEnrolment(deps, ctx, form);
  const account = signedInAccount(ctx);
  const now = nowOf(deps);
  await inTransaction(deps.db, async (tx) => {
    if (await repo.findPersonIdOfAccount(tx, account.accountId)) throw new AppError('conflict', message('register.error.alreadyHasRecord'));
    const personId = await links.insertOwnPerson(tx, account.accountId, facts, account.displayName || account.email, now);
    await recordAudit(tx, ctx, {
      action: 'person.linked',
      subjectAccountId: account.accountId,
      subjectPersonId: personId,
      after: { via: 'zelf-ingeschreven', initials: facts.initials, prefix: facts.prefix, surname: facts.surname, birthDate: facts.birthDate },
    });
    for (const other of await links.findLookAlikes(tx, personId)) {
      await links.fileDuplicateCandidate(tx, personId, other, 'naam-geboortedatum', now);
    }
    await enrolPerson(tx, ctx, personId, now);
  });
  return (await repo.findEnrolmentOfAccount(deps.db, account.accountId))!;
}

/** A random register number no enrolment has; with 9 million to choose from, a second draw is rare. */
async function drawFreeRegisterNumber(tx: Db): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const candidate = registerNumberFor(randomRegisterBase());
    if (!(await repo.isRegisterNumberTaken(tx, candidate))) return candidate;
  }
  throw new AppError('unavailable', message('register.error.noFreeRegisterNumber'));
}

/** The persons whose data is the professional's: whom the audit events about them name. */
export async function listOwnPersonIds(db: Db, account: { accountId: string; email: string }): Promise<string[]> {
  return repo.listPersonIdsOfAccount(db, account.accountId);
}

/** Whom audit events about this account name: the account, and the persons the register holds for it. */
export async function auditSubjectOf(db: Db, account: { accountId: string; email: string }): Promise<AuditSubject> {
  return { accountId: account.accountId, personIds: await listOwnPersonIds(db, account) };
}

/** The register's part of the AVG export: inschrijving, delivered employments with their check, and the history. */
export async function exportOwnRecord(db: Db, account: { accountId: string; email: string }) {
  const [enrolment, employments, history, evidence, notices, disputes] = await Promise.all([
    repo.findEnrolmentOfAccount(db, account.accountId),
    repo.listEmploymentsOfAccount(db, account.accountId),
    repo.listHistoryOfAccount(db, account.accountId),
    listEvidenceOfAccount(db, account.accountId),
    listNoticesOfAccount(db, account.accountId),
    listDisputesOfAccount(db, account.accountId),
  ]);
  const person = await repo.findEnrollablePerson(db, account.accountId);
  const check = person ? await findPersonDataCheck(db, person.id) : undefined;
  const delivered = await repo.findDeliveredPerson(db, account.accountId);
  const linkCodes = person ? await listCodesOfPerson(db, person.id) : [];
  const linkBlocks = await links.listLinkBlocksAbout(db, account.accountId, await repo.listPersonIdsOfAccount(db, account.accountId));
  const statusLines = enrolment ? await repo.listEnrolmentEvents(db, enrolment.id) : [];
  const applications = enrolment ? await listApplicationsOfEnrolment(db, enrolment.id) : [];
  const applicationSteps = await Promise.all(applications.map((a) => listApplicationEvents(db, a.id)));
  return {
    persoonlijkEmail: person ? await repo.findPersonalEmail(db, person.id) : null,
    // as the boards delivered it; the BSN itself is kept sealed and never shown, also not here
    aangeleverdePersoonsgegevens: delivered
      ? {
          voorletters: delivered.initials,
          voornamen: delivered.firstNames,
          tussenvoegsel: delivered.prefix,
          achternaam: delivered.surname,
          geboortedatum: delivered.birthDate,
          werkEmail: delivered.workEmail,
          bsn: delivered.hasBsn ? 'bekend (versleuteld bewaard, niet getoond)' : null,
          personeelsnummers: delivered.staffNumbers.map((n) => ({ bestuur: n.board, personeelsnummer: n.staffNumber })),
          // "Mijn gegevens kloppen": when, until a delivery changed them or they were disputed
          gecontroleerdOp: check?.approvedAt?.toISOString() ?? null,
        }
      : null,
    inschrijving: enrolment
      ? {
          registernummer: enrolment.registerNumber,
          status: enrolment.status,
          sinds: enrolment.createdAt.toISOString(),
          verloop: statusLines.map((e) => ({ wanneer: e.createdAt.toISOString(), van: e.fromStatus, naar: e.toStatus, door: e.byLabel, reden: e.reason })),
        }
      : null,
    dienstverbanden: employments.map((e) => ({
      werkgever: e.boardName,
      school: e.schoolName,
      instellingscode: e.brin,
      vestiging: e.locationName,
      functie: e.function,
      benoemingsgrondslag: e.appointmentBasis,
      begindatum: e.startDate,
      einddatum: e.endDate,
      werktijdfactor: e.fte,
      controle: e.approvalStatus,
      betwisting: e.dispute ? { status: e.dispute.status, velden: e.dispute.fields, toelichting: e.dispute.comment, antwoord: e.dispute.reply } : null,
    })),
    // every "Klopt niet", of an employment or of the person data (one for each board it went to), with the proof's name
    betwistingen: disputes.map((d) => ({
      over: d.kind,
      werkgever: d.boardName,
      dienstverband: d.function ? `${d.function} · ${d.schoolName} (${d.brin})` : null,
      velden: d.fields,
      toelichting: d.comment,
      bewijs: d.proof ? { bestand: d.proof.fileName, soort: d.proof.mediaType, grootte: d.proof.byteSize } : null,
      status: d.status,
      antwoord: d.reply,
      beantwoordDoor: d.repliedByLabel,
      ingediend: d.createdAt.toISOString(),
      afgehandeld: d.resolvedAt?.toISOString() ?? null,
    })),
    diplomasEnCertificaten: evidence.map((e) => ({
      soort: e.kind,
      naam: e.title,
      uitgereiktDoor: e.issuer,
      datum: e.issuedOn,
      bestand: e.fileName,
      toegevoegdOp: e.createdAt.toISOString(),
    })),
    registraties: applications.map((a, i) => ({
      soort: a.kind,
      register: a.registerName,
      titel: a.title,
      niveau: a.level,
      motivering: a.motivation,
      bewijs: a.evidenceIds,
      status: a.status,
      besluitOp: a.decidedOn,
      besluitMotivering: a.decisionMotivation,
      geldigTot: a.validUntil,
      uitstelTot: a.postponedUntil,
      aangevraagdOp: a.createdAt.toISOString(),
      verloop: applicationSteps[i].map((e) => ({ wanneer: e.createdAt.toISOString(), van: e.fromStatus, naar: e.toStatus, door: e.byLabel, reden: e.reason })),
    })),
    koppelcodes: linkCodes.map((c) => ({
      soort: c.kind,
      gemaakt: c.createdAt.toISOString(),
      geldigTot: c.expiresAt.toISOString(),
      gebruikt: c.usedAt?.toISOString() ?? null,
    })),
    // register staff unlinked this account from a person, or another account from this record (who else: not theirs to see)
    ontkoppelingen: linkBlocks.map((b) => ({
      wat: b.about === 'account' ? 'uw account losgekoppeld van een inschrijving' : 'een ander account losgekoppeld van uw gegevens',
      wanneer: b.createdAt.toISOString(),
    })),
    // every mail about the check of the record: reminders, the board's answers, corrections (to whichever address it went)
    meldingen: notices.map((n) => ({
      soort: n.kind,
      wanneer: n.createdAt.toISOString(),
      aan: n.to,
      onderwerp: n.subject,
      verstuurd: n.sentAt?.toISOString() ?? null,
      dienstverbanden: n.employments,
    })),
    geschiedenis: history.map((h) => ({ wanneer: h.createdAt.toISOString(), wat: h.kind, wijzigingen: h.changes, door: h.byLabel, aanlevering: h.deliveryId })),
  };
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The personal address the professional gave, if any (their record must be delivered first). */
export async function getPersonalEmail(deps: OwnRecordDeps, ctx: ActorContext): Promise<{ canSet: boolean; email: string | null }> {
  await linkedPersonOf(deps, ctx);
  const person = await repo.findEnrollablePerson(deps.db, signedInAccount(ctx).accountId);
  return person ? { canSet: true, email: await repo.findPersonalEmail(deps.db, person.id) } : { canSet: false, email: null };
}

/**
 * The professional adds (or clears, with an empty value) a personal e-mail address: what a board cannot
 * know, and where mail about their registration goes, also after they change jobs.
 */
export async function setPersonalEmail(deps: OwnRecordDeps, ctx: ActorContext, raw: unknown): Promise<void> {
  const account = signedInAccount(ctx);
  const person = await repo.findEnrollablePerson(deps.db, account.accountId);
  if (!person) throw new AppError('conflict', message('register.error.noEmployment'));
  const email = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if (email && (!emailPattern.test(email) || email.length > 200)) {
    throw AppError.validation([{ name: 'email', reason: message('register.error.emailInvalid') }]);
  }
  const before = await repo.findPersonalEmail(deps.db, person.id);
  if ((before ?? '') === email) return;
  const now = nowOf(deps);
  await inTransaction(deps.db, async (tx) => {
    await repo.setPersonalEmail(tx, person.id, email || null, now);
    await repo.addHistoryLine(tx, {
      personId: person.id,
      employmentId: null,
      kind: 'persoonlijk-email',
      changes: { email: [before, email || null] },
      byLabel: account.displayName || account.email,
      now,
    });
  });
}
