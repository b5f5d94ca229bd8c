import type { Db } from '../../db/database.ts';
import { actorLabel, recordAudit, type ActorContext } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import { requirePermission } from '../../platform/policy.ts';
import { checkReminderDays } from '../register/index.ts';
import { checkRegisterVersion, type FieldProblem, type RegisterVersionForm } from './register-version.rules.ts';
import * as repo from './registers.repo.ts';
import { inTransaction } from '../../db/transaction.ts';

export type { RegisterDetail, RegisterSummary, RegisterVersion } from './registers.repo.ts';

async function requireRegisterStaff(ctx: ActorContext) {
  return requirePermission(ctx.actor, { action: 'registers.manage' });
}

export async function listRegisters(db: Db, ctx: ActorContext) {
  await requireRegisterStaff(ctx);
  return repo.listRegisters(db);
}

export async function getRegister(db: Db, ctx: ActorContext, code: string) {
  await requireRegisterStaff(ctx);
  const register = /^[a-z-]{1,50}$/.test(code) ? await repo.findRegister(db, code) : undefined;
  if (!register) throw AppError.notFound(message('registers.error.notFound'));
  return register;
}

export class RegisterVersionProblems extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super('register version has problems');
  }
}

/**
 * Register staff change a register's rules: a new version, never an edit, so decisions already made
 * keep the rules they were made under. `basedOn` is the version the form showed: if someone else
 * added one meanwhile, nothing is saved and the staff member sees the newer one first.
 */
export async function addRegisterVersion(db: Db, ctx: ActorContext, code: string, basedOn: number, form: RegisterVersionForm): Promise<number> {
  const via = await requireRegisterStaff(ctx);
  const register = await getRegister(db, ctx, code);
  const checked = checkRegisterVersion(form);
  if (!checked.ok) throw new RegisterVersionProblems(checked.problems);
  const label = actorLabel(ctx, 'registerbeheer');
  return inTransaction(db, async (tx) => {
    const version = await repo.insertVersion(tx, register.id, basedOn, checked.input, label, new Date());
    if (version === null) throw new AppError('conflict', message('registers.error.stale'));
    await recordAudit(tx, ctx, { action: 'register.version-added', via, after: { register: code, version, ...checked.input } });
    return version;
  });
}

/**
 * Register staff set after how many days a professional who has not checked a delivery is reminded,
 * the first and the second time. A setting, not a rule: changed in place, audited with before and after.
 */
export async function setReminderDays(db: Db, ctx: ActorContext, code: string, form: { eersteHerinnering: string; tweedeHerinnering: string }) {
  const via = await requireRegisterStaff(ctx);
  const register = await getRegister(db, ctx, code);
  const checked = checkReminderDays(form.eersteHerinnering, form.tweedeHerinnering);
  if (!checked.ok) throw AppError.validation(checked.problems.map((p) => ({ name: p.field, reason: p.message })));
  const days = { first: checked.first, second: checked.second };
  if (days.first === register.reminderDays.first && days.second === register.reminderDays.second) return days;
  await inTransaction(db, async (tx) => {
    await repo.setReminderDays(tx, register.id, days);
    await recordAudit(tx, ctx, {
      action: 'register.reminder-days-changed',
      via,
      before: { register: code, ...register.reminderDays },
      after: { register: code, ...days },
    });
  });
  return days;
}
