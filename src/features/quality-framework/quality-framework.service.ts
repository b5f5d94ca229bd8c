import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { actorLabel, recordAudit, type ActorContext } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import { requirePermission } from '../../platform/policy.ts';
import * as repo from './quality-framework.repo.ts';
import { checkQualityFramework, type QualityFrameworkForm, type QualityFrameworkProblem, type QualityGuarantee } from './quality-framework.rules.ts';

export type { QualityFrameworkSummary, QualityFrameworkVersion } from './quality-framework.repo.ts';

/** The public page: the current version (none yet on a fresh installation) and every version with its note. */
export async function getQualityFrameworkOverview(db: Db) {
  const [current, versions] = await Promise.all([repo.currentVersion(db), repo.listVersions(db)]);
  return { current, versions };
}

/** One version, as it was; an unknown number is "not found". */
export async function getQualityFrameworkVersion(db: Db, version: string) {
  const found = /^\d{1,6}$/.test(version) ? await repo.findVersion(db, Number(version)) : undefined;
  if (!found) throw AppError.notFound(message('qualityFramework.error.versionNotFound'));
  return { version: found, current: (await repo.currentVersion(db))?.version ?? found.version };
}

/** The current version's number, 0 when there is none (the register office's start card). */
export async function currentQualityFrameworkNumber(db: Db): Promise<number> {
  return (await repo.currentVersion(db))?.version ?? 0;
}

// reference data like the referentiekader: the same register staff keep it
async function requireStaff(ctx: ActorContext) {
  return requirePermission(ctx.actor, { action: 'framework.manage' });
}

export async function getQualityFrameworkForStaff(db: Db, ctx: ActorContext) {
  await requireStaff(ctx);
  return getQualityFrameworkOverview(db);
}

export class QualityFrameworkProblems extends Error {
  constructor(readonly problems: QualityFrameworkProblem[]) {
    super('quality framework version has problems');
  }
}

/**
 * Register staff make a new version from the current one (or the first), with a note why; an old version never
 * changes. `basedOn` is the version the form showed (0: none): if someone else added one meanwhile, nothing is saved.
 */
export async function addQualityFrameworkVersion(db: Db, ctx: ActorContext, basedOn: number, form: QualityFrameworkForm): Promise<number> {
  const via = await requireStaff(ctx);
  const current = await repo.currentVersion(db);
  const stale = () => new AppError('conflict', message('qualityFramework.error.stale'));
  if (basedOn !== (current?.version ?? 0)) throw stale();
  const checked = checkQualityFramework(form, current);
  if (!checked.ok) throw new QualityFrameworkProblems(checked.problems);
  return inTransaction(db, async (tx) => {
    const version = await repo.insertVersion(tx, basedOn, checked.input, actorLabel(ctx, 'registerbeheer'), new Date());
    if (version === null) throw stale();
    await recordAudit(tx, ctx, {
      action: 'quality-framework.version-added',
      via,
      after: { version, title: checked.input.title, note: checked.input.note, guarantees: checked.input.guarantees.map((g) => g.code) },
    });
    return version;
  });
}

/**
 * The demo's first version: neutral names only, titled as demo content. The official text of the Kwaliteitskader
 * is not in the product's sources; staff enter it as a new version (decision 032). Nothing when a version exists.
 */
export async function seedDemoQualityFramework(db: Db): Promise<number> {
  if (await repo.currentVersion(db)) return 0;
  const counts = [3, 2, 3, 2, 3];
  const guarantees: QualityGuarantee[] = counts.map((n, i) => ({
    code: `W${i + 1}`,
    name: `Waarborg ${i + 1}`,
    characteristics: Array.from({ length: n }, (_, j) => ({ code: `W${i + 1}.${j + 1}`, text: `Kenmerk ${i + 1}.${j + 1}` })),
  }));
  const added = await repo.insertVersion(
    db,
    0,
    {
      title: 'Demo-inhoud: niet de officiële tekst van het Kwaliteitskader',
      guarantees,
      note: 'Demo-inhoud met neutrale namen. De officiële tekst van het Kwaliteitskader Samen Opleiden & Inductie staat niet in deze demo: registerbeheer voert die in als nieuwe versie.',
    },
    'Demodata',
    new Date(),
  );
  return added ?? 0;
}
