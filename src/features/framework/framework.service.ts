import type { Db } from '../../db/database.ts';
import { actorLabel, recordAudit, type ActorContext } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import { requirePermission } from '../../platform/policy.ts';
import { allowedNames, checkFrameworkVersion, type FrameworkProblem, type FrameworkVersionForm } from './framework.rules.ts';
import * as repo from './framework.repo.ts';
import { inTransaction } from '../../db/transaction.ts';

export type { FrameworkVersion, FrameworkVersionSummary } from './framework.repo.ts';
export type { FrameworkItem } from './framework.rules.ts';

/**
 * The reference framework as it stands: the newest version. Other features take the themes and
 * competencies an activity or offering can be on from here.
 */
export function getCurrentFramework(db: Db) {
  return repo.currentVersion(db);
}

/**
 * The theme and competency names an activity can carry, in the framework's order: the current
 * version's, then those the activity already has that a newer version no longer lists (it keeps them).
 */
export async function getActivityChoices(db: Db, kept: { themes: readonly string[]; competencies: readonly string[] } = { themes: [], competencies: [] }) {
  const current = await repo.currentVersion(db);
  return {
    version: current.version,
    themes: allowedNames(current.themes, kept.themes),
    competencies: allowedNames(current.competencies, kept.competencies),
  };
}

export type ActivityChoices = Awaited<ReturnType<typeof getActivityChoices>>;

/** The public page: the current version, and every version with its note and date. */
export async function getFrameworkOverview(db: Db) {
  const [current, versions] = await Promise.all([repo.currentVersion(db), repo.listVersions(db)]);
  return { current, versions };
}

/** One version, as it was; an unknown number is "not found". */
export async function getFrameworkVersion(db: Db, version: string) {
  const number = /^\d{1,6}$/.test(version) ? Number(version) : NaN;
  const found = Number.isInteger(number) ? await repo.findVersion(db, number) : undefined;
  if (!found) throw AppError.notFound(message('framework.error.versionNotFound'));
  return { version: found, current: (await repo.currentVersion(db)).version };
}

async function requireFrameworkStaff(ctx: ActorContext) {
  return requirePermission(ctx.actor, { action: 'framework.manage' });
}

/** Register staff: the current version to start a new one from, and the versions before. */
export async function getFrameworkForStaff(db: Db, ctx: ActorContext) {
  await requireFrameworkStaff(ctx);
  return getFrameworkOverview(db);
}

export class FrameworkVersionProblems extends Error {
  constructor(readonly problems: FrameworkProblem[]) {
    super('framework version has problems');
  }
}

/**
 * Register staff make a new version of the reference framework from the current one, with a note why;
 * an old version is never changed, so activities and offerings keep the names they were given.
 * `basedOn` is the version the form showed: if someone else added one meanwhile, nothing is saved.
 */
export async function addFrameworkVersion(db: Db, ctx: ActorContext, basedOn: number, form: FrameworkVersionForm): Promise<number> {
  const via = await requireFrameworkStaff(ctx);
  const current = await repo.currentVersion(db);
  const stale = () => new AppError('conflict', message('framework.error.stale'));
  if (basedOn !== current.version) throw stale();
  const checked = checkFrameworkVersion(form, current);
  if (!checked.ok) throw new FrameworkVersionProblems(checked.problems);
  return inTransaction(db, async (tx) => {
    const version = await repo.insertVersion(tx, basedOn, checked.input, actorLabel(ctx, 'registerbeheer'), new Date());
    if (version === null) throw stale();
    const { input } = checked;
    await recordAudit(tx, ctx, {
      action: 'framework.version-added',
      via,
      after: { version, note: input.note, competencies: input.competencies.map((c) => c.code), themes: input.themes.map((t) => t.code) },
    });
    return version;
  });
}
