import type { Db } from '../../db/database.ts';
import { recordAudit, signedInAccount, type ActorContext } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import { getActivityChoices } from '../framework/index.ts';
import { progressOfEnrolment } from '../register/index.ts';
import { exportOwnValuations, getValuationOfActivity, hasOpenValuation, removeWithdrawnValuations } from './valuation.service.ts';
import { checkActivity, lockMessages, lockOf, type ActivityForm } from './activity.rules.ts';
import * as repo from './dossier.repo.ts';
import { uuidPattern as uuid } from '../../platform/ids/uuid-pattern.ts';
import { dutchToday } from '../../platform/dates/calendar.ts';
import { inTransaction } from '../../db/transaction.ts';

export type { ActivityRecord, EvidenceChoice } from './dossier.repo.ts';

export type DossierDeps = { db: Db; today?: () => string };

const todayOf = (deps: DossierDeps) => (deps.today ? deps.today() : dutchToday());

async function ownEnrolment(deps: DossierDeps, ctx: ActorContext) {
  const account = signedInAccount(ctx);
  const enrolment = await repo.findEnrolmentOfAccount(deps.db, account.accountId);
  if (!enrolment) throw new AppError('conflict', message('dossier.error.enrolFirst'));
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
  const [activities, evidence, registration, choices] = await Promise.all([
    repo.listActivities(deps.db, enrolment.id),
    repo.listOwnEvidence(deps.db, enrolment.personId),
    progressOfEnrolment(deps.db, enrolment.id, todayOf(deps)),
    getActivityChoices(deps.db),
  ]);
  // the registration that ends last, under the rule of its register version (reregistration.service.ts)
  const progress = registration
    ? { registerName: registration.registration.registerName, sentence: registration.sentence, evaluation: registration.evaluation }
    : null;
  return { enrolled: true as const, activities, evidence, progress, choices };
}

/** `kept`: the names the activity already has, which it keeps after a new version of the reference framework. */
async function checkedFacts(deps: DossierDeps, personId: string, form: ActivityForm, kept?: { themes: string[]; competencies: string[] }) {
  const checked = checkActivity(form, todayOf(deps), await getActivityChoices(deps.db, kept));
  if (!checked.ok)
    throw AppError.validation(
      checked.problems.map((p) => ({ name: p.field, reason: p.message })),
      checked.problems[0].message,
    );
  const { evidenceId } = checked.facts;
  if (evidenceId && !(await repo.listOwnEvidence(deps.db, personId)).some((e) => e.id === evidenceId)) {
    const notOwn = message('dossier.error.evidenceNotOwn');
    throw AppError.validation([{ name: 'bewijs', reason: notOwn }], notOwn);
  }
  return checked.facts;
}

export async function addActivity(deps: DossierDeps, ctx: ActorContext, form: ActivityForm): Promise<string> {
  const { account, enrolment } = await ownEnrolment(deps, ctx);
  const facts = await checkedFacts(deps, enrolment.personId, form);
  return inTransaction(deps.db, async (tx) => {
    const id = await repo.insertActivity(tx, enrolment.id, facts, new Date());
    await recordAudit(tx, ctx, {
      action: 'activity.added',
      subjectAccountId: account.accountId,
      after: { activity: id, kind: facts.kind, hours: facts.hours },
    });
    return id;
  });
}

/**
 * One of the professional's own activities; another's, or an unknown id, is "not found". With it: why
 * it cannot be changed (if so), its valuation afterwards, and the names it can carry.
 */
export async function getOwnActivity(deps: DossierDeps, ctx: ActorContext, id: string) {
  const enrolment = await repo.findEnrolmentOfAccount(deps.db, signedInAccount(ctx).accountId);
  const activity = enrolment && uuid.test(id) ? await repo.findActivity(deps.db, id) : undefined;
  if (!enrolment || !activity || activity.enrolmentId !== enrolment.id) throw AppError.notFound(message('dossier.error.notInDossier'));
  const [evidence, valuation, choices] = await Promise.all([
    repo.listOwnEvidence(deps.db, enrolment.personId),
    getValuationOfActivity(deps.db, activity.id),
    getActivityChoices(deps.db, activity),
  ]);
  const lock = lockOf(activity, valuation?.status === 'aangevraagd');
  return { activity, personId: enrolment.personId, evidence, valuation, choices, lock };
}

/** Refuses with the reason when the activity cannot be changed; read again just before, since a valuation may have been asked meanwhile. */
async function refuseWhenLocked(deps: DossierDeps, activity: { id: string; source: string; points: number | null }) {
  const lock = lockOf(activity, await hasOpenValuation(deps.db, activity.id));
  if (lock) throw new AppError('conflict', lockMessages[lock]);
}

const changedMeanwhile = () => new AppError('conflict', message('dossier.error.changedMeanwhile'));

export async function changeActivity(deps: DossierDeps, ctx: ActorContext, id: string, form: ActivityForm): Promise<void> {
  const { activity, personId } = await getOwnActivity(deps, ctx, id);
  await refuseWhenLocked(deps, activity);
  const facts = await checkedFacts(deps, personId, form, activity);
  await inTransaction(deps.db, async (tx) => {
    if (!(await repo.updateActivity(tx, id, facts, new Date()))) throw changedMeanwhile();
    await recordAudit(tx, ctx, { action: 'activity.changed', subjectAccountId: signedInAccount(ctx).accountId, after: { activity: id } });
  });
}

/** Removes an own activity, only once the professional confirmed it. */
export async function removeActivity(deps: DossierDeps, ctx: ActorContext, id: string, confirmed: unknown): Promise<void> {
  const { activity } = await getOwnActivity(deps, ctx, id);
  await refuseWhenLocked(deps, activity);
  if (confirmed !== 'ja')
    throw AppError.validation([{ name: 'bevestigd', reason: message('dossier.error.confirmRemove') }], message('dossier.error.confirmRemove'));
  await inTransaction(deps.db, async (tx) => {
    // withdrawn requests for valuation go with the activity they were about
    const withdrawnValuations = await removeWithdrawnValuations(tx, id);
    if (!(await repo.deleteActivity(tx, id))) throw changedMeanwhile();
    await recordAudit(tx, ctx, {
      action: 'activity.removed',
      subjectAccountId: signedInAccount(ctx).accountId,
      before: { activity: id, title: activity.title, withdrawnValuations },
    });
  });
}

/** The dossier's part of the AVG export: every activity with all the professional recorded. */
export async function exportOwnDossier(db: Db, accountId: string) {
  const enrolment = await repo.findEnrolmentOfAccount(db, accountId);
  const [activities, valuations] = enrolment ? await Promise.all([repo.listActivities(db, enrolment.id), exportOwnValuations(db, enrolment.id)]) : [[], []];
  return activities.map((a) => ({
    soort: a.kind,
    naam: a.title,
    aanbieder: a.provider,
    begindatum: a.startedOn,
    einddatum: a.completedOn,
    uren: a.hours,
    primairProces: a.primaryProcess,
    themas: a.themes,
    competenties: a.competencies,
    leerdoelen: a.learningGoals,
    reflectie: a.reflection,
    bewijs: a.evidenceId,
    punten: a.points,
    herkomst: a.source,
    waarderingen: valuations.filter((v) => v.activiteit === a.id).map(({ activiteit: _, ...v }) => v),
  }));
}
