import type { Db } from '../../db/database.ts';
import { actorLabel, recordAudit, type ActorContext } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { message, type Message } from '../../platform/i18n.ts';
import { decide } from '../../platform/policy.ts';
import { checkComment } from './approval.rules.ts';
import { enrolmentTransition } from './enrolment.rules.ts';
import { isRegisterNumber, normaliseRegisterNumber } from './register-number.rules.ts';
import { searchPublicRegister } from './public-register.service.ts';
import * as enrolments from './enrolments.repo.ts';
import * as repo from './registrations.repo.ts';
import type { RegistrationDeps } from './registrations.service.ts';
import { inTransaction } from '../../db/transaction.ts';

export type { StaffEnrolment } from './enrolments.repo.ts';
export type { EnrolmentEventLine } from './own-record.repo.ts';

async function requireStaff(ctx: ActorContext) {
  const decision = await decide(ctx.actor, { action: 'enrolments.manage' });
  if (!decision.allowed) throw decision.reason === 'unauthenticated' ? new AppError('unauthenticated') : new AppError('forbidden');
  return decision.via;
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

/** The reason register staff give, trimmed, and what is wrong with it (a text key), if anything: a comment's limits, its own words when empty. */
function checkReason(raw: unknown, what: 'doorhalen' | 'herstellen'): { text: string; problem: Message | null } {
  const checked = checkComment(raw, 'toelichting');
  if (checked.ok) return { text: checked.text, problem: null };
  const empty = typeof raw !== 'string' || raw.trim() === '';
  const problem = !empty ? checked.message : message(what === 'doorhalen' ? 'register.error.strikeOffReasonMissing' : 'register.error.reinstateReasonMissing');
  return { text: '', problem };
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
