import type { Db } from '../../db/database.ts';
import { actorLabel, recordAudit, recordAuditPerPerson, signedInAccount, type ActorContext } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { formatDay, message, type Message } from '../../platform/i18n.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { renderPdf } from '../../platform/pdf/text-pdf.ts';
import { decide, requirePermission } from '../../platform/policy.ts';
import { checkComment } from './approval.rules.ts';
import { applicationTransition, objectionDeadline, validUntil, type ApplicationEvent, type ApplicationStatus } from './registration.rules.ts';
import { enrolmentTransition, type EnrolmentStatus } from './enrolment.rules.ts';
import { evaluateRenewal } from './reregistration.service.ts';
import * as enrolments from './enrolments.repo.ts';
import * as repo from './registrations.repo.ts';
import { uuidPattern as uuid } from '../../platform/ids/uuid-pattern.ts';
import { dutchToday } from '../../platform/dates/calendar.ts';
import { inTransaction } from '../../db/transaction.ts';
import { listEmploymentsOfPerson } from './own-record.repo.ts';

export type { Application, ApplicationEventLine, CommitteeMember } from './registrations.repo.ts';

export type RegistrationDeps = { db: Db; mailer: Mailer; baseUrl: string; today?: () => string };

const todayOf = (deps: RegistrationDeps) => (deps.today ? deps.today() : dutchToday());

async function require(ctx: ActorContext, action: 'registrations.assign' | 'registrations.decide') {
  return requirePermission(ctx.actor, { action });
}

function step(from: ApplicationStatus, event: ApplicationEvent, context: { today: string; decidedOn?: string | null }) {
  const next = applicationTransition(from, event, context);
  if (!next.allowed) throw new AppError('conflict', next.reason);
  return next.to;
}

const moved = (ok: boolean) => {
  if (!ok) throw new AppError('conflict', message('register.error.applicationChanged'));
};

/** What the professional sees: their enrolment, their applications with every step, and what they can apply for. */
export async function getOwnRegistration(deps: RegistrationDeps, ctx: ActorContext) {
  const account = signedInAccount(ctx);
  const enrolment = await repo.findEnrolmentOfAccount(deps.db, account.accountId);
  if (!enrolment) return { enrolment: undefined, applications: [], registers: [], struckOff: undefined };
  const applications = await repo.listApplicationsOfEnrolment(deps.db, enrolment.id);
  const withEvents = await Promise.all(applications.map(async (a) => ({ ...a, events: await repo.listEvents(deps.db, a.id) })));
  const struckOff =
    enrolment.status === 'doorgehaald'
      ? (await enrolments.listEnrolmentEvents(deps.db, enrolment.id)).findLast((e) => e.toStatus === 'doorgehaald')
      : undefined;
  return { enrolment, applications: withEvents, registers: await repo.listCurrentRegisterVersions(deps.db), struckOff };
}

export type ApplyInput = { register: string; level: string; motivation: unknown; evidenceIds: string[] };

/**
 * The professional applies for registration in a register at a title and level (from the register's
 * current version, which the decision will keep), with a motivation and their own evidence.
 */
export async function applyForRegistration(deps: RegistrationDeps, ctx: ActorContext, input: ApplyInput): Promise<string> {
  const account = signedInAccount(ctx);
  const enrolment = await repo.findEnrolmentOfAccount(deps.db, account.accountId);
  if (!enrolment) throw new AppError('conflict', message('register.error.enrolFirst'));
  const registers = await repo.listCurrentRegisterVersions(deps.db);
  const register = registers.find((r) => r.code === input.register);
  const level = register?.levels.find((l) => `${l.title}|${l.level}` === input.level);
  const problems: { name: string; reason: Message }[] = [];
  if (!register) problems.push({ name: 'register', reason: message('register.error.chooseRegister') });
  else if (!level) problems.push({ name: 'niveau', reason: message('register.error.chooseLevel') });
  const motivation = checkComment(input.motivation, 'toelichting');
  if (!motivation.ok)
    problems.push({
      name: 'motivering',
      reason: motivation.message.key === 'register.error.commentMissing' ? message('register.error.motivationMissing') : motivation.message,
    });
  const evidenceIds = input.evidenceIds.filter((id) => uuid.test(id));
  const own = await repo.ownEvidenceIds(deps.db, enrolment.personId, evidenceIds);
  if (own.length !== evidenceIds.length) problems.push({ name: 'bewijs', reason: message('register.error.evidenceNotOwn') });
  else if (own.length === 0) problems.push({ name: 'bewijs', reason: message('register.error.evidenceMissing') });
  if (problems.length > 0) throw AppError.validation(problems, problems[0].reason);
  const enrolmentStep = enrolmentTransition(enrolment.status as EnrolmentStatus, 'aanvragen');
  if (!enrolmentStep.allowed) throw new AppError('conflict', enrolmentStep.reason);
  if (await repo.hasOpenApplication(deps.db, enrolment.id, register!.registerId)) {
    throw new AppError('conflict', message('register.error.applicationOpenFor', { register: register!.name }));
  }
  const now = new Date();
  return inTransaction(deps.db, async (tx) => {
    const id = await repo.insertApplication(tx, {
      personId: enrolment.personId,
      enrolmentId: enrolment.id,
      registerId: register!.registerId,
      registerVersionId: register!.versionId,
      title: level!.title,
      level: level!.level,
      motivation: (motivation as { text: string }).text,
      evidenceIds: own,
      now,
    });
    await repo.addFirstEvent(tx, id, actorLabel(ctx), now);
    if (enrolmentStep.to !== enrolment.status) {
      moved(
        await enrolments.moveEnrolment(tx, enrolment.id, enrolment.status as EnrolmentStatus, enrolmentStep.to, {
          byLabel: actorLabel(ctx),
          reason: `${register!.name}: ${level!.title} ${level!.level}`,
          now,
        }),
      );
    }
    await recordAudit(tx, ctx, {
      action: 'registration.applied',
      subjectAccountId: account.accountId,
      after: { application: id, register: register!.code, title: level!.title, level: level!.level },
    });
    return id;
  });
}

/** Register staff: applications waiting for a commission member, and those in review; and who can review. Each applicant listed is audited. */
export async function getApplicationQueue(deps: RegistrationDeps, ctx: ActorContext) {
  const via = await require(ctx, 'registrations.assign');
  const applications = await repo.listOpenApplications(deps.db);
  await recordAuditPerPerson(
    deps.db,
    ctx,
    { action: 'registrations.listed', via },
    applications.map((a) => a.personId),
  );
  return { applications, members: await repo.listCommitteeMembers(deps.db) };
}

/** Register staff assign an application (or an objection) to a member of the Commissie Registratie. */
export async function assignApplication(deps: RegistrationDeps, ctx: ActorContext, id: string, memberId: string): Promise<void> {
  const via = await require(ctx, 'registrations.assign');
  const application = uuid.test(id) ? await repo.findApplication(deps.db, id) : undefined;
  if (!application) throw AppError.notFound(message('register.error.applicationNotFound'));
  const members = await repo.listCommitteeMembers(deps.db);
  const member = members.find((m) => m.id === memberId);
  if (!member) throw AppError.validation([{ name: 'lid', reason: message('register.error.chooseMember') }], message('register.error.chooseMember'));
  const to = step(application.status, 'toewijzen', { today: todayOf(deps) });
  await inTransaction(deps.db, async (tx) => {
    moved(
      await repo.moveApplication(
        tx,
        id,
        application.status,
        to,
        { byLabel: actorLabel(ctx), reason: `toegewezen aan ${member.name}`, now: new Date() },
        { assignedTo: member.id },
      ),
    );
    await recordAudit(tx, ctx, { action: 'registration.assigned', via, subjectPersonId: application.personId, after: { application: id, member: member.id } });
  });
}

/** The applications assigned to this member of the Commissie Registratie; each applicant listed is audited. */
export async function listMyReviews(deps: RegistrationDeps, ctx: ActorContext) {
  const via = await require(ctx, 'registrations.decide');
  const applications = await repo.listAssignedTo(deps.db, signedInAccount(ctx).accountId);
  await recordAuditPerPerson(
    deps.db,
    ctx,
    { action: 'registrations.listed', via },
    applications.map((a) => a.personId),
  );
  return applications;
}

/** One application, for its assigned reviewer or register staff (not found for anyone else), and the role they read it in. */
async function applicationForReviewer(deps: RegistrationDeps, ctx: ActorContext, id: string) {
  const account = signedInAccount(ctx);
  const application = uuid.test(id) ? await repo.findApplication(deps.db, id) : undefined;
  const asMember = await decide(ctx.actor, { action: 'registrations.decide' });
  const asStaff = await decide(ctx.actor, { action: 'registrations.assign' });
  const reviewer = asMember.allowed && application?.assignedTo === account.accountId;
  if (!application || !(reviewer || asStaff.allowed)) throw AppError.notFound(message('register.error.applicationNotAssigned'));
  const via = reviewer && asMember.allowed ? asMember.via : asStaff.allowed ? asStaff.via : undefined;
  // a herregistratie: the engine's evaluation of the registration it renews, as of today, and the period granting gives
  const renewal = application.kind === 'herregistratie' ? await evaluateRenewal(deps.db, application.renewsId, todayOf(deps)) : null;
  return { application, via, canDecide: reviewer && application.status === 'in-behandeling', renewal };
}

/** One application for its reviewer (or register staff), with its steps; reading it is in the applicant's audit trail. */
export async function getApplicationForReview(deps: RegistrationDeps, ctx: ActorContext, id: string) {
  const found = await applicationForReviewer(deps, ctx, id);
  await recordAudit(deps.db, ctx, { action: 'registration.viewed', via: found.via, subjectPersonId: found.application.personId, after: { application: id } });
  // the facts the commission decides on: where the applicant works and on what basis, and what was decided before
  const [events, employments, applications] = await Promise.all([
    repo.listEvents(deps.db, id),
    listEmploymentsOfPerson(deps.db, found.application.personId),
    repo.listApplicationsOfEnrolment(deps.db, found.application.enrolmentId),
  ]);
  const earlier = applications.filter((a) => a.id !== id && a.decidedOn !== null);
  return { ...found, events, employments, earlier };
}

/**
 * The assigned member decides: registered (for the cycle of the register version the application was
 * made under) or rejected, always with a motivation. The professional is told by mail, with the date
 * until which they can object. A herregistratie is granted until the end of the next period the
 * engine computes (running on from the end of the renewed one, so a late one does not move it), and
 * only while the dossier meets the rule; rejected, the renewed registration is left to lapse.
 */
/** A decision as it would be recorded: what it is, until when a registration holds, and what goes public. */
export type CheckedDecision = {
  application: repo.Application;
  to: ApplicationStatus;
  until: string | null;
  motivation: string;
};

/** The checks of a decision, for the page that repeats it before it is made and for making it. */
async function checkDecision(deps: RegistrationDeps, ctx: ActorContext, id: string, decision: unknown, motivationText: unknown) {
  const via = await require(ctx, 'registrations.decide');
  const { application, canDecide, renewal } = await applicationForReviewer(deps, ctx, id);
  if (!canDecide) throw new AppError('conflict', message('register.error.onlyAssignedDecides'));
  const problems: { name: string; reason: Message }[] = [];
  if (decision !== 'registreren' && decision !== 'afwijzen') problems.push({ name: 'besluit', reason: message('register.error.chooseDecision') });
  const motivation = checkComment(motivationText, 'antwoord');
  if (!motivation.ok) problems.push({ name: 'motivering', reason: message('register.error.motivateDecision') });
  const renewing = application.kind === 'herregistratie';
  if (renewing && decision === 'registreren' && !renewal?.nextUntil) {
    problems.push({ name: 'besluit', reason: message('register.error.renewalNotMet') });
  }
  if (problems.length > 0) throw AppError.validation(problems, problems[0].reason);
  const today = todayOf(deps);
  const to = step(application.status, decision as ApplicationEvent, { today });
  const until = to !== 'geregistreerd' ? null : renewing ? renewal!.nextUntil : validUntil(today, application.cycleYears);
  return { via, application, renewing, today, to, until, motivation: (motivation as { text: string }).text };
}

/** "Check before you decide": the decision as it would be recorded and published, nothing changed yet. */
export async function previewDecision(
  deps: RegistrationDeps,
  ctx: ActorContext,
  id: string,
  decision: unknown,
  motivationText: unknown,
): Promise<CheckedDecision> {
  const { application, to, until, motivation } = await checkDecision(deps, ctx, id, decision, motivationText);
  return { application, to, until, motivation };
}

export async function decideApplication(deps: RegistrationDeps, ctx: ActorContext, id: string, decision: unknown, motivationText: unknown): Promise<void> {
  const { via, application, renewing, today, to, until, motivation: text } = await checkDecision(deps, ctx, id, decision, motivationText);
  await inTransaction(deps.db, async (tx) => {
    moved(
      await repo.moveApplication(
        tx,
        id,
        'in-behandeling',
        to,
        { byLabel: actorLabel(ctx), reason: text, now: new Date() },
        { decisionMotivation: text, decidedOn: today, validUntil: until },
      ),
    );
    const current = await repo.currentRegistration(tx, application.enrolmentId, today);
    const enrolment = (await enrolments.findEnrolment(tx, { id: application.enrolmentId }))!;
    // a doorgehaalde enrolment stays doorgehaald: the decision is recorded on the application only;
    // a rejected herregistratie leaves the enrolment as it is, its registration to lapse
    const enrolmentStep = enrolmentTransition(enrolment.status, 'besluiten', { registered: !!current });
    if (enrolmentStep.allowed && enrolmentStep.to !== enrolment.status && !(renewing && to !== 'geregistreerd')) {
      moved(
        await enrolments.moveEnrolment(tx, enrolment.id, enrolment.status, enrolmentStep.to, {
          byLabel: actorLabel(ctx),
          reason: `${application.registerName}: ${to}`,
          now: new Date(),
        }),
      );
    }
    await recordAudit(tx, ctx, {
      action: 'registration.decided',
      via,
      subjectPersonId: application.personId,
      after: { application: id, decision: to, validUntil: until },
    });
    if (application.personEmail) {
      await deps.mailer.queue(tx, {
        to: application.personEmail,
        template: 'registration-decision',
        lang: 'nl',
        params: {
          name: application.personName,
          register: application.registerName,
          level: `${application.title} ${application.level}`,
          decision: to === 'geregistreerd' ? `${renewing ? 'herregistreerd' : 'geregistreerd'} tot en met ${formatDay('nl', until ?? '')}` : 'afgewezen',
          motivation: text,
          deadline: objectionDeadline(today),
          link: `${deps.baseUrl}/mijn-register/registratie`,
        },
      });
    }
  });
}

/** The professional objects to a decision within six weeks; the review opens again. */
export async function objectToDecision(deps: RegistrationDeps, ctx: ActorContext, id: string, reason: unknown): Promise<void> {
  const account = signedInAccount(ctx);
  const enrolment = await repo.findEnrolmentOfAccount(deps.db, account.accountId);
  const application = uuid.test(id) ? await repo.findApplication(deps.db, id) : undefined;
  if (!application || !enrolment || application.enrolmentId !== enrolment.id) throw AppError.notFound(message('register.error.applicationNotYours'));
  const checked = checkComment(reason, 'toelichting');
  if (!checked.ok)
    throw AppError.validation([{ name: 'bezwaar', reason: message('register.error.objectionMissing') }], message('register.error.objectionMissing'));
  const to = step(application.status, 'bezwaar-maken', { today: todayOf(deps), decidedOn: application.decidedOn });
  await inTransaction(deps.db, async (tx) => {
    moved(await repo.moveApplication(tx, id, application.status, to, { byLabel: actorLabel(ctx), reason: checked.text, now: new Date() }));
    await recordAudit(tx, ctx, { action: 'registration.objected', subjectAccountId: account.accountId, after: { application: id } });
  });
}

/** The evidence of an application, for its reviewer or register staff; each opening is audited. */
export async function listApplicationEvidence(deps: RegistrationDeps, application: repo.Application) {
  return repo.listEvidence(deps.db, application.evidenceIds);
}

export async function checkEvidenceAccess(deps: RegistrationDeps, ctx: ActorContext, applicationId: string, evidenceId: string): Promise<void> {
  const { application, via } = await applicationForReviewer(deps, ctx, applicationId);
  if (!application.evidenceIds.includes(evidenceId)) throw AppError.notFound(message('register.error.evidenceNotInApplication'));
  await recordAudit(deps.db, ctx, {
    action: 'evidence.viewed',
    via,
    subjectPersonId: application.personId,
    after: { application: applicationId, evidence: evidenceId },
  });
}

/** The professional's own evidence to choose from when applying. */
export async function listOwnEvidenceForApplication(deps: RegistrationDeps, personId: string) {
  return repo.listPersonEvidence(deps.db, personId);
}

/** The professional's proof of a registration still valid, as a PDF that points to the public register to check it. */
export async function renderRegistrationCertificate(deps: RegistrationDeps, ctx: ActorContext, id: string): Promise<{ fileName: string; pdf: Buffer }> {
  const account = signedInAccount(ctx);
  const enrolment = await repo.findEnrolmentOfAccount(deps.db, account.accountId);
  const application = uuid.test(id) ? await repo.findApplication(deps.db, id) : undefined;
  if (!application || !enrolment || application.enrolmentId !== enrolment.id) throw AppError.notFound(message('register.error.applicationNotYours'));
  if (!application.validUntil || application.validUntil < todayOf(deps)) throw new AppError('conflict', message('register.error.certificateOnlyValid'));
  const pdf = await renderPdf({
    title: `Bewijs van registratie ${application.registerNumber}`,
    lang: 'nl-NL',
    lines: [
      { text: 'Beroepsregister Onderwijs', bold: true, size: 20 },
      { text: 'Bewijs van registratie', bold: true, size: 16, gapBefore: 8 },
      { text: application.personName, bold: true, size: 14, gapBefore: 24 },
      { text: `Registernummer: ${application.registerNumber}`, gapBefore: 8 },
      { text: `Register: ${application.registerName}` },
      { text: `Titel en niveau: ${application.title} ${application.level}` },
      { text: `Geregistreerd op: ${formatDay('nl', application.decidedOn ?? '')}` },
      { text: `Geldig tot en met: ${formatDay('nl', application.validUntil)}` },
      { text: `Besluit van de Commissie Registratie, onder versie ${application.registerVersion} van de regels van het register.`, size: 9, gapBefore: 24 },
      { text: `Controleer deze registratie in het openbare register: ${deps.baseUrl}/register?registernummer=${application.registerNumber}`, size: 9 },
    ],
  });
  return { fileName: `registratie-${application.registerNumber}-${application.decidedOn}.pdf`, pdf };
}
