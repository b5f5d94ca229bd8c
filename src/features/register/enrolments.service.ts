import type { Db } from '../../db/database.ts';
import { actorLabel, recordAudit, signedInAccount, type ActorContext } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { message, type Message } from '../../platform/i18n.ts';
import { requirePermission } from '../../platform/policy.ts';
import { checkComment } from './approval.rules.ts';
import { enrolmentTransition } from './enrolment.rules.ts';
import { isRegisterNumber, normaliseRegisterNumber } from './register-number.rules.ts';
import { searchPublicRegister } from './public-register.service.ts';
import * as enrolments from './enrolments.repo.ts';
import * as repo from './registrations.repo.ts';
import type { RegistrationDeps } from './registrations.service.ts';
import { inTransaction } from '../../db/transaction.ts';
import * as links from './person-link.repo.ts';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type { StaffEnrolment } from './enrolments.repo.ts';
export type { EnrolmentEventLine } from './own-record.repo.ts';

async function requireStaff(ctx: ActorContext) {
  return requirePermission(ctx.actor, { action: 'enrolments.manage' });
}

async function enrolmentByNumber(db: Db, registerNumber: string) {
  const digits = normaliseRegisterNumber(registerNumber);
  const enrolment = digits && isRegisterNumber(digits) ? await enrolments.findEnrolment(db, { registerNumber: digits }) : undefined;
  if (!enrolment) throw AppError.notFound(message('register.error.notInRegister', { number: registerNumber }));
  return enrolment;
}

/** Register staff find enrolments by register number (digits) or name: the public register's search, behind their role; nothing asked, nothing found. */
export async function findEnrolmentsForStaff(deps: RegistrationDeps, ctx: ActorContext, zoek: string, page: number) {
  await requireStaff(ctx);
  if (!zoek) return null;
  return searchPublicRegister(deps.db, /^[\d\s-]+$/.test(zoek) ? { registernummer: zoek } : { naam: zoek }, page, 20);
}

/** One enrolment for register staff: the person, the status with its history, and the applications; reading it is audited. */
export async function getEnrolmentForStaff(deps: RegistrationDeps, ctx: ActorContext, registerNumber: string) {
  const via = await requireStaff(ctx);
  const enrolment = await enrolmentByNumber(deps.db, registerNumber);
  await recordAudit(deps.db, ctx, {
    action: 'enrolment.viewed',
    via,
    subjectAccountId: enrolment.accountId,
    subjectPersonId: enrolment.personId,
    after: { registerNumber: enrolment.registerNumber },
  });
  const [events, applications] = await Promise.all([
    enrolments.listEnrolmentEvents(deps.db, enrolment.id),
    repo.listApplicationsOfEnrolment(deps.db, enrolment.id),
  ]);
  return { enrolment, events, applications };
}

export type StaffChange = { reason: unknown; confirmed?: unknown };

const missingReasons = {
  doorhalen: 'register.error.strikeOffReasonMissing',
  herstellen: 'register.error.reinstateReasonMissing',
  ontkoppelen: 'register.error.unlinkReasonMissing',
  koppelen: 'register.error.linkReasonMissing',
} as const;

/** The reason register staff give, trimmed, and what is wrong with it (a text key), if anything: a comment's limits, its own words when empty. */
function checkReason(raw: unknown, what: keyof typeof missingReasons): { text: string; problem: Message | null } {
  const checked = checkComment(raw, 'toelichting');
  if (checked.ok) return { text: checked.text, problem: null };
  const empty = typeof raw !== 'string' || raw.trim() === '';
  return { text: '', problem: !empty ? checked.message : message(missingReasons[what]) };
}

function refuse(problems: { name: string; reason: Message }[]) {
  if (problems.length > 0) throw AppError.validation(problems, problems[0].reason);
}

/**
 * Register staff strike an enrolment off the register (doorhalen): with a reason, and only once they
 * confirmed, for the public register shows it at once. The professional is told by mail.
 */
export async function strikeOffEnrolment(deps: RegistrationDeps, ctx: ActorContext, registerNumber: string, change: StaffChange): Promise<void> {
  const via = await requireStaff(ctx);
  const enrolment = await enrolmentByNumber(deps.db, registerNumber);
  const { text: reason, problem } = checkReason(change.reason, 'doorhalen');
  refuse([
    ...(problem ? [{ name: 'reden', reason: problem }] : []),
    ...(change.confirmed === 'ja' ? [] : [{ name: 'bevestigd', reason: message('register.error.strikeOffConfirm') }]),
  ]);
  const step = enrolmentTransition(enrolment.status, 'doorhalen');
  if (!step.allowed) throw new AppError('conflict', step.reason);
  await inTransaction(deps.db, async (tx) => {
    const ok = await enrolments.moveEnrolment(tx, enrolment.id, enrolment.status, step.to, { byLabel: actorLabel(ctx), reason, now: new Date() });
    if (!ok) throw new AppError('conflict', message('register.error.enrolmentChanged'));
    await recordAudit(tx, ctx, {
      action: 'enrolment.struck-off',
      via,
      subjectAccountId: enrolment.accountId,
      before: { status: enrolment.status },
      after: { status: step.to, reason },
    });
    if (enrolment.personEmail) {
      await deps.mailer.queue(tx, {
        to: enrolment.personEmail,
        template: 'enrolment-struck-off',
        lang: 'nl',
        params: { name: enrolment.personName, registerNumber: enrolment.registerNumber, reason, link: `${deps.baseUrl}/mijn-register/registratie` },
      });
    }
  });
}

/** Register staff reverse a doorhaling (after an objection, or a mistake): back to the status it ended, with a reason. */
export async function reinstateEnrolment(deps: RegistrationDeps, ctx: ActorContext, registerNumber: string, change: StaffChange): Promise<void> {
  const via = await requireStaff(ctx);
  const enrolment = await enrolmentByNumber(deps.db, registerNumber);
  const { text: reason, problem } = checkReason(change.reason, 'herstellen');
  refuse(problem ? [{ name: 'reden', reason: problem }] : []);
  const step = enrolmentTransition(enrolment.status, 'herstellen', { before: await enrolments.statusBeforeStrikeOff(deps.db, enrolment.id) });
  if (!step.allowed) throw new AppError('conflict', step.reason);
  await inTransaction(deps.db, async (tx) => {
    const ok = await enrolments.moveEnrolment(tx, enrolment.id, enrolment.status, step.to, { byLabel: actorLabel(ctx), reason, now: new Date() });
    if (!ok) throw new AppError('conflict', message('register.error.enrolmentChanged'));
    await recordAudit(tx, ctx, {
      action: 'enrolment.reinstated',
      via,
      subjectAccountId: enrolment.accountId,
      before: { status: enrolment.status },
      after: { status: step.to, reason },
    });
  });
}

export type LinkChange = { reason: unknown; email?: unknown };

/** The unlink register staff ask for, checked, to repeat before it is made: the enrolment, its account, and the reason. */
export async function checkUnlink(deps: RegistrationDeps, ctx: ActorContext, registerNumber: string, change: LinkChange) {
  await requireStaff(ctx);
  const enrolment = await enrolmentByNumber(deps.db, registerNumber);
  if (!enrolment.accountId) throw new AppError('conflict', message('register.error.notLinked'));
  const { text: reason, problem } = checkReason(change.reason, 'ontkoppelen');
  refuse(problem ? [{ name: 'reden', reason: problem }] : []);
  return { enrolment, reason };
}

/**
 * Register staff unlink the account from an enrolment's person (decision 021): the account was linked
 * to the wrong person, say. With a reason, after the confirmation step; the person and their enrolment
 * keep everything, no account sees them until one is linked again. The account's holder is told by mail.
 */
export async function unlinkEnrolment(deps: RegistrationDeps, ctx: ActorContext, registerNumber: string, change: LinkChange): Promise<void> {
  const via = await requireStaff(ctx);
  const { enrolment, reason } = await checkUnlink(deps, ctx, registerNumber, change);
  const accountId = enrolment.accountId!;
  const mailIds = await inTransaction(deps.db, async (tx) => {
    if (!(await links.unlinkPerson(tx, enrolment.personId, accountId, signedInAccount(ctx).accountId, new Date())))
      throw new AppError('conflict', message('register.error.linkChanged'));
    await recordAudit(tx, ctx, {
      action: 'person.unlinked',
      via,
      subjectAccountId: accountId,
      subjectPersonId: enrolment.personId,
      reason,
      before: { account: accountId },
      after: { via: 'registerbeheer', registerNumber: enrolment.registerNumber, reason },
    });
    if (!enrolment.accountEmail) return [];
    return [
      await deps.mailer.queue(tx, {
        to: enrolment.accountEmail,
        template: 'person-unlinked',
        lang: 'nl',
        params: {
          name: enrolment.accountName ?? enrolment.accountEmail,
          registerNumber: enrolment.registerNumber,
          reason,
          link: `${deps.baseUrl}/mijn-register`,
        },
      }),
    ];
  });
  await deps.mailer.deliver(deps.db, mailIds);
}

/**
 * The link register staff ask for, checked, to repeat before it is made: the enrolment, the account with
 * that address, and the reason. Only an enrolment without an account, and a confirmed account without a
 * person or enrolment of its own, whose sign-in vouched for no other BSN than the person's. Looking the
 * account up is logged: its name is personal data.
 */
export async function checkLink(deps: RegistrationDeps, ctx: ActorContext, registerNumber: string, change: LinkChange) {
  const via = await requireStaff(ctx);
  const enrolment = await enrolmentByNumber(deps.db, registerNumber);
  if (enrolment.accountId) throw new AppError('conflict', message('register.error.stillLinked'));
  const email = typeof change.email === 'string' ? change.email.trim().toLowerCase() : '';
  const { text: reason, problem } = checkReason(change.reason, 'koppelen');
  const problems: { name: string; reason: Message }[] = [];
  const account = emailPattern.test(email) && email.length <= 254 ? await enrolments.findLinkableAccount(deps.db, email, enrolment.personId) : undefined;
  if (!emailPattern.test(email)) problems.push({ name: 'email', reason: message('register.error.linkEmailInvalid') });
  else if (!account) problems.push({ name: 'email', reason: message('register.error.linkEmailUnknown') });
  else if (!account.verified) problems.push({ name: 'email', reason: message('register.error.linkAccountUnverified') });
  else if (account.taken) problems.push({ name: 'email', reason: message('register.error.linkAccountTaken') });
  else if (account.otherBsn) problems.push({ name: 'email', reason: message('register.error.linkOtherBsn') });
  if (problem) problems.push({ name: 'reden', reason: problem });
  refuse(problems);
  await recordAudit(deps.db, ctx, {
    action: 'account.viewed',
    via,
    subjectAccountId: account!.id,
    after: { for: 'koppelen', registerNumber: enrolment.registerNumber },
  });
  return { enrolment, account: account!, reason };
}

/** Register staff link an enrolment's person to an account (decision 021), with a reason, after the confirmation step; its holder is told by mail. */
export async function linkEnrolment(deps: RegistrationDeps, ctx: ActorContext, registerNumber: string, change: LinkChange): Promise<void> {
  const via = await requireStaff(ctx);
  const { enrolment, account, reason } = await checkLink(deps, ctx, registerNumber, change);
  const mailIds = await inTransaction(deps.db, async (tx) => {
    if (!(await links.linkPersonToAccount(tx, enrolment.personId, account.id, new Date(), true)))
      throw new AppError('conflict', message('register.error.linkChanged'));
    await recordAudit(tx, ctx, {
      action: 'person.linked',
      via,
      subjectAccountId: account.id,
      subjectPersonId: enrolment.personId,
      reason,
      after: { via: 'registerbeheer', registerNumber: enrolment.registerNumber, reason },
    });
    return [
      await deps.mailer.queue(tx, {
        to: account.email,
        template: 'person-linked',
        lang: 'nl',
        params: { name: account.displayName, registerNumber: enrolment.registerNumber, reason, link: `${deps.baseUrl}/mijn-register` },
      }),
    ];
  });
  await deps.mailer.deliver(deps.db, mailIds);
}
