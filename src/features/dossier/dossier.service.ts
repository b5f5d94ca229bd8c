import type { Db } from '../../db/database.ts';
import { recordAudit, signedInAccount, type ActorContext } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { describeProgress, evaluateReregistration, ruleOfVersion } from '../reregistration/reregistration.rules.ts';
import { checkActivity, type ActivityForm } from './activity.rules.ts';
import * as repo from './dossier.repo.ts';

export type { ActivityRecord, EvidenceChoice } from './dossier.repo.ts';

export type DossierDeps = { db: Db; today?: () => string };

const todayOf = (deps: DossierDeps) => (deps.today ? deps.today() : new Date().toISOString().slice(0, 10));
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function ownEnrolment(deps: DossierDeps, ctx: ActorContext) {
  const account = signedInAccount(ctx);
  const enrolment = await repo.findEnrolmentOfAccount(deps.db, account.accountId);
  if (!enrolment) throw new AppError('conflict', 'Schrijf u eerst in op Mijn register; daarna houdt u hier uw professionalisering bij.');
  return { account, enrolment };
}

/**
 * The professional's dossier: their activities, their diplomas and certificates to attach as proof,
 * and, once registered, how far they are with the re-registration rule of their register version.
 */
export async function getDossier(deps: DossierDeps, ctx: ActorContext) {
  const account = signedInAccount(ctx);
  const enrolment = await repo.findEnrolmentOfAccount(deps.db, account.accountId);
  if (!enrolment) return { enrolled: false as const };
  const [activities, evidence, period] = await Promise.all([
    repo.listActivities(deps.db, enrolment.id), repo.listOwnEvidence(deps.db, enrolment.personId), repo.lastRegistrationPeriod(deps.db, enrolment.id),
  ]);
  const progress = period
    ? (() => {
        const window = { since: period.since, until: period.until };
        const evaluation = evaluateReregistration(ruleOfVersion(period), window, activities.map((a) => ({ ...a, date: a.completedOn, points: a.points ?? 0 })), todayOf(deps));
        return { registerName: period.registerName, sentence: describeProgress(evaluation, window), evaluation };
      })()
    : null;
  return { enrolled: true as const, activities, evidence, progress };
}

async function checkedFacts(deps: DossierDeps, personId: string, form: ActivityForm) {
  const checked = checkActivity(form, todayOf(deps));
  if (!checked.ok) throw AppError.validation(checked.problems.map((p) => ({ name: p.field, reason: p.message })), checked.problems[0].message);
  const { evidenceId } = checked.facts;
  if (evidenceId && !(await repo.listOwnEvidence(deps.db, personId)).some((e) => e.id === evidenceId)) {
    throw AppError.validation([{ name: 'bewijs', reason: 'Kies als bewijs een van uw eigen diploma\'s of certificaten.' }], 'Kies als bewijs een van uw eigen diploma\'s of certificaten.');
  }
  return checked.facts;
}

export async function addActivity(deps: DossierDeps, ctx: ActorContext, form: ActivityForm): Promise<string> {
  const { account, enrolment } = await ownEnrolment(deps, ctx);
  const facts = await checkedFacts(deps, enrolment.personId, form);
  return deps.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const id = await repo.insertActivity(tx, enrolment.id, facts, new Date());
    await recordAudit(tx, ctx, { action: 'activity.added', subjectAccountId: account.accountId, after: { activity: id, kind: facts.kind, hours: facts.hours } });
    return id;
  });
}

/** One of the professional's own activities; another's, or an unknown id, is "not found". */
export async function getOwnActivity(deps: DossierDeps, ctx: ActorContext, id: string) {
  const enrolment = await repo.findEnrolmentOfAccount(deps.db, signedInAccount(ctx).accountId);
  const activity = enrolment && uuid.test(id) ? await repo.findActivity(deps.db, id) : undefined;
  if (!enrolment || !activity || activity.enrolmentId !== enrolment.id) throw AppError.notFound('Deze activiteit staat niet in uw dossier.');
  return { activity, personId: enrolment.personId, evidence: await repo.listOwnEvidence(deps.db, enrolment.personId) };
}

const fixed = () => new AppError('conflict', 'Deze activiteit komt uit geaccrediteerd aanbod: u kunt haar niet wijzigen of verwijderen.');

export async function changeActivity(deps: DossierDeps, ctx: ActorContext, id: string, form: ActivityForm): Promise<void> {
  const { activity, personId } = await getOwnActivity(deps, ctx, id);
  if (activity.source !== 'eigen') throw fixed();
  const facts = await checkedFacts(deps, personId, form);
  await deps.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    if (!(await repo.updateActivity(tx, id, facts, new Date()))) throw fixed();
    await recordAudit(tx, ctx, { action: 'activity.changed', subjectAccountId: signedInAccount(ctx).accountId, after: { activity: id } });
  });
}

/** Removes an own activity, only once the professional confirmed it. */
export async function removeActivity(deps: DossierDeps, ctx: ActorContext, id: string, confirmed: unknown): Promise<void> {
  const { activity } = await getOwnActivity(deps, ctx, id);
  if (activity.source !== 'eigen') throw fixed();
  if (confirmed !== 'ja') throw AppError.validation([{ name: 'bevestigd', reason: 'Bevestig dat u deze activiteit wilt verwijderen.' }], 'Bevestig dat u deze activiteit wilt verwijderen.');
  await deps.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    if (!(await repo.deleteActivity(tx, id))) throw fixed();
    await recordAudit(tx, ctx, { action: 'activity.removed', subjectAccountId: signedInAccount(ctx).accountId, before: { activity: id, title: activity.title } });
  });
}

/** The dossier's part of the AVG export: every activity with all the professional recorded. */
export async function exportOwnDossier(db: Db, accountId: string) {
  const enrolment = await repo.findEnrolmentOfAccount(db, accountId);
  const activities = enrolment ? await repo.listActivities(db, enrolment.id) : [];
  return activities.map((a) => ({
    soort: a.kind, naam: a.title, aanbieder: a.provider, begindatum: a.startedOn, einddatum: a.completedOn, uren: a.hours, primairProces: a.primaryProcess,
    themas: a.themes, leerdoelen: a.learningGoals, reflectie: a.reflection, bewijs: a.evidenceId, punten: a.points, herkomst: a.source,
  }));
}
