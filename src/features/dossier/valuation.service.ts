import type { Db } from '../../db/database.ts';
import { actorLabel, recordAudit, signedInAccount, type ActorContext } from '../../platform/audit/audit.ts';
import { AppError, type InvalidParam } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { requirePermission } from '../../platform/policy.ts';
import * as repo from './valuation.repo.ts';
import { checkExplanation, checkMotivation, checkPoints, differLargely, mayAssess, mayRequestValuation, outcomeOf } from './valuation.rules.ts';
import { uuidPattern as uuid } from '../../platform/ids/uuid-pattern.ts';
import { inTransaction } from '../../db/transaction.ts';

export type { Assessment, QueueLine, ValuationRequest, ValuedActivity } from './valuation.repo.ts';

export type ValuationDeps = { db: Db; mailer: Mailer; baseUrl: string };

export const queuePageSize = 20;

const notOwn = () => AppError.notFound(message('dossier.error.notInDossier'));

async function ownActivity(db: Db, ctx: ActorContext, activityId: string) {
  const account = signedInAccount(ctx);
  const activity = uuid.test(activityId) ? await repo.findOwnActivity(db, account.accountId, activityId) : undefined;
  if (!activity) throw notOwn();
  return { account, activity };
}

/**
 * What the professional sees of the valuation of one of their activities: the newest request, and
 * once it is valued the points and both motivations (without the assessors' names).
 */
export async function getValuationOfActivity(db: Db, activityId: string) {
  const request = await repo.latestRequestOfActivity(db, activityId);
  if (!request) return null;
  const assessments = request.status === 'gewaardeerd' ? await repo.listAssessments(db, request.id) : [];
  return {
    status: request.status,
    explanation: request.explanation,
    points: request.points,
    createdAt: request.createdAt,
    decidedAt: request.decidedAt,
    motivations: assessments.map((a) => ({ points: a.points, motivation: a.motivation })),
    differLargely: differLargely(assessments.map((a) => a.points)),
  };
}

export type OwnValuation = NonNullable<Awaited<ReturnType<typeof getValuationOfActivity>>>;

/** The professional asks for an own activity without points to be valued afterwards, with an explanation. */
export async function requestValuation(deps: ValuationDeps, ctx: ActorContext, activityId: string, explanationText: unknown): Promise<void> {
  const { account, activity } = await ownActivity(deps.db, ctx, activityId);
  const explanation = checkExplanation(typeof explanationText === 'string' ? explanationText : '');
  const may = mayRequestValuation(activity, await repo.hasOpenRequest(deps.db, activity.id));
  if (!may.ok) throw new AppError('conflict', may.message);
  if (!explanation.ok) throw AppError.validation([{ name: 'toelichting', reason: explanation.message }], explanation.message);
  await inTransaction(deps.db, async (tx) => {
    // the activity locked: a change of it waits until the request is in, and then is refused
    const locked = await repo.lockActivity(tx, activity.id);
    const stillMay = locked ? mayRequestValuation(locked, false) : { ok: false as const, message: message('valuation.error.activityGone') };
    if (!stillMay.ok) throw new AppError('conflict', stillMay.message);
    const id = await repo.insertRequest(tx, { activityId: activity.id, enrolmentId: activity.enrolmentId, explanation: explanation.value, now: new Date() });
    if (!id) throw new AppError('conflict', message('valuation.error.alreadyRequested'));
    await recordAudit(tx, ctx, { action: 'valuation.requested', subjectAccountId: account.accountId, after: { request: id, activity: activity.id } });
  });
}

/** The professional withdraws their open request, after confirming; the activity can be changed again. */
export async function withdrawValuation(deps: ValuationDeps, ctx: ActorContext, activityId: string, confirmed: unknown): Promise<void> {
  const { account, activity } = await ownActivity(deps.db, ctx, activityId);
  if (!(await repo.hasOpenRequest(deps.db, activity.id))) throw new AppError('conflict', message('valuation.error.noOpenRequest'));
  if (confirmed !== 'ja')
    throw AppError.validation([{ name: 'intrekken', reason: message('valuation.error.confirmWithdraw') }], message('valuation.error.confirmWithdraw'));
  await inTransaction(deps.db, async (tx) => {
    const id = await repo.withdrawOpenRequest(tx, activity.id, new Date());
    if (!id) throw new AppError('conflict', message('valuation.error.decidedOrWithdrawn'));
    await recordAudit(tx, ctx, { action: 'valuation.withdrawn', subjectAccountId: account.accountId, after: { request: id, activity: activity.id } });
  });
}

async function requireAssessor(ctx: ActorContext) {
  return requirePermission(ctx.actor, { action: 'valuations.assess' });
}

/** Assessors: the open requests, oldest first, a page at a time. */
export async function getValuationQueue(deps: ValuationDeps, ctx: ActorContext, page: number) {
  await requireAssessor(ctx);
  const { lines, total } = await repo.listOpenRequests(deps.db, signedInAccount(ctx).accountId, page, queuePageSize);
  return { lines, total, page, pageSize: queuePageSize };
}

async function requestWithActivity(db: Db, id: string) {
  const request = uuid.test(id) ? await repo.findRequest(db, id) : undefined;
  const activity = request ? await repo.findActivity(db, request.activityId) : undefined;
  if (!request || !activity) throw AppError.notFound(message('valuation.error.requestNotFound'));
  return { request, activity };
}

/**
 * One request for an assessor: the activity as the professional recorded it and their explanation,
 * the valuations so far, and whether this assessor may value it. Reading it is audited.
 */
export async function getRequestForAssessment(deps: ValuationDeps, ctx: ActorContext, id: string) {
  const via = await requireAssessor(ctx);
  const assessorId = signedInAccount(ctx).accountId;
  const { request, activity } = await requestWithActivity(deps.db, id);
  const assessments = await repo.listAssessments(deps.db, request.id);
  await recordAudit(deps.db, ctx, {
    action: 'valuation.viewed',
    via,
    subjectAccountId: activity.accountId,
    after: { request: request.id, activity: activity.id },
  });
  const may = mayAssess({ status: request.status, professionalAccountId: activity.accountId }, assessorId, assessments);
  const points = assessments.map((a) => a.points);
  return {
    request,
    activity,
    assessments,
    mine: assessments.find((a) => a.assessorAccountId === assessorId),
    canAssess: may.ok,
    refusal: may.ok ? undefined : may.message,
    differLargely: differLargely(points),
  };
}

export type AssessmentForm = { punten: string; motivering: string };

/**
 * An assessor values a request: points (10 to 100) and a motivation. The second valuation decides:
 * the activity gets the rounded mean of the two, the request is gewaardeerd and the professional is
 * mailed. Valuations more than 30 points apart are flagged, and the mean still counts.
 */
export async function assessRequest(deps: ValuationDeps, ctx: ActorContext, id: string, form: AssessmentForm): Promise<{ decided: boolean }> {
  const via = await requireAssessor(ctx);
  const assessor = signedInAccount(ctx);
  const { request, activity } = await requestWithActivity(deps.db, id);
  const problems: InvalidParam[] = [];
  const points = checkPoints(form.punten);
  if (!points.ok) problems.push({ name: 'punten', reason: points.message });
  const motivation = checkMotivation(form.motivering);
  if (!motivation.ok) problems.push({ name: 'motivering', reason: motivation.message });
  const refuse = (assessments: repo.Assessment[], status = request.status) => {
    const may = mayAssess({ status, professionalAccountId: activity.accountId }, assessor.accountId, assessments);
    if (!may.ok) throw new AppError('conflict', may.message);
  };
  refuse(await repo.listAssessments(deps.db, request.id));
  if (!points.ok || !motivation.ok) throw AppError.validation(problems, problems[0].reason);
  const now = new Date();
  const result = await inTransaction(deps.db, async (tx): Promise<{ decided: boolean; mailId?: string }> => {
    // two assessors finishing at once: the second waits here, then sees the first's valuation
    const locked = await repo.lockRequest(tx, request.id);
    refuse(await repo.listAssessments(tx, request.id), locked?.status);
    const given = points.value;
    if (
      !(await repo.insertAssessment(tx, {
        requestId: request.id,
        assessorAccountId: assessor.accountId,
        assessorLabel: actorLabel(ctx),
        points: given,
        motivation: motivation.value,
        now,
      }))
    ) {
      throw new AppError('conflict', message('valuation.error.assessedByYou'));
    }
    await recordAudit(tx, ctx, { action: 'valuation.assessed', via, subjectAccountId: activity.accountId, after: { request: request.id, points: given } });
    const all = await repo.listAssessments(tx, request.id);
    const outcome = outcomeOf(all.map((a) => a.points));
    if (!outcome) return { decided: false };
    if (!(await repo.decideRequest(tx, request, outcome.points, now))) throw new AppError('conflict', message('valuation.error.withdrawnOrDecided'));
    await recordAudit(tx, ctx, {
      action: 'valuation.decided',
      via,
      subjectAccountId: activity.accountId,
      after: { request: request.id, activity: activity.id, points: outcome.points, valuations: all.map((a) => a.points), differLargely: outcome.differLargely },
    });
    const professional = await repo.professionalOf(tx, activity.enrolmentId);
    const mailId = professional?.email
      ? await deps.mailer.queue(tx, {
          to: professional.email,
          template: 'valuation-decided',
          lang: 'nl',
          params: { name: professional.name, title: activity.title, points: outcome.points, link: `${deps.baseUrl}/mijn-register/dossier/${activity.id}` },
        })
      : undefined;
    return { decided: true, mailId };
  });
  // sent once the valuation is committed, like every other mail
  if (result.mailId) await deps.mailer.deliver(deps.db, [result.mailId]);
  return { decided: result.decided };
}

/** The proof attached to a request's activity, for an assessor; each opening is audited. Its evidence id. */
export async function checkValuationEvidenceAccess(deps: ValuationDeps, ctx: ActorContext, id: string): Promise<string> {
  const via = await requireAssessor(ctx);
  const { request, activity } = await requestWithActivity(deps.db, id);
  // the proof serves the valuation: once it is decided or withdrawn, assessors have no more need of it
  if (request.status !== 'aangevraagd') throw AppError.notFound(message('valuation.error.evidenceClosed'));
  if (!activity.evidenceId) throw AppError.notFound(message('valuation.error.noEvidence'));
  await recordAudit(deps.db, ctx, {
    action: 'evidence.viewed',
    via,
    subjectAccountId: activity.accountId,
    after: { valuation: request.id, evidence: activity.evidenceId },
  });
  return activity.evidenceId;
}

/** Before the professional removes an activity: its withdrawn requests go with it. The number removed. */
export function removeWithdrawnValuations(tx: Db, activityId: string): Promise<number> {
  return repo.deleteWithdrawnRequests(tx, activityId);
}

/** Whether the activity has an open request: it cannot be changed or removed meanwhile. */
export function hasOpenValuation(db: Db, activityId: string): Promise<boolean> {
  return repo.hasOpenRequest(db, activityId);
}

/** The valuations the account gave as an assessor, for their AVG download: the activity's title, not whose it was. */
export async function exportAssessmentsBy(db: Db, accountId: string) {
  return (await repo.listAssessmentsBy(db, accountId)).map((a) => ({
    aanvraag: a.requestId,
    activiteit: a.activityTitle,
    punten: a.points,
    motivering: a.motivation,
    gegeven: a.createdAt.toISOString(),
  }));
}

/** The professional's requests, for their AVG download. */
export async function exportOwnValuations(db: Db, enrolmentId: string) {
  return (await repo.listRequestsOfEnrolment(db, enrolmentId)).map((r) => ({
    activiteit: r.activityId,
    status: r.status,
    toelichting: r.explanation,
    punten: r.points,
    aangevraagd: r.createdAt.toISOString(),
    besloten: r.decidedAt?.toISOString() ?? null,
  }));
}
