import type { Db } from '../../db/database.ts';
import { actorLabel, recordAudit, recordAuditPerPerson, signedInAccount, type ActorContext } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { formatDay, message, translateMessage, type Message } from '../../platform/i18n.ts';
import type { Mail, Mailer } from '../../platform/mail/mailer.ts';
import type { MailTemplate } from '../../platform/mail/templates.ts';
import { requirePermission } from '../../platform/policy.ts';
import { enrolmentTransition, type EnrolmentStatus } from './enrolment.rules.ts';
import * as enrolments from './enrolments.repo.ts';
import { addFirstEvent } from './registrations.repo.ts';
import { addDays, addMonths, dutchToday } from '../../platform/dates/calendar.ts';
import { ruleOfStoredVersion } from './renewal-rule.rules.ts';
import {
  checkPostponementDecision,
  checkPostponementRequest,
  checkRenewalForm,
  type PostponementDecisionForm,
  type PostponementForm,
  type Problem,
  type RenewalForm,
} from './reregistration-forms.rules.ts';
import * as repo from './reregistration.repo.ts';
import {
  describeProgress,
  evaluateReregistration,
  evaluateTotals,
  lapseBase,
  noticeDue,
  postponementLimit,
  reasonNotToApply,
  standingOn,
  type Evaluation,
  type NoticeKind,
  type Period,
  type ReregistrationRule,
  type Standing,
} from './reregistration.rules.ts';
import { uuidPattern as uuid } from '../../platform/ids/uuid-pattern.ts';
import { yieldToEventLoop } from '../../platform/yield.ts';
import { inTransaction } from '../../db/transaction.ts';

export type { Postponement, PostponementCase, Registration } from './reregistration.repo.ts';

export type ReregistrationDeps = { db: Db; mailer: Mailer; baseUrl: string; today?: () => string };

const todayOf = (deps: { today?: () => string }) => (deps.today ? deps.today() : dutchToday());
export const ownReregistrationPath = '/mijn-register/herregistratie';
export const ownPostponementPath = '/mijn-register/uitstel';

const refuse = <F extends string>(problems: Problem<F>[]) => {
  throw AppError.validation(
    problems.map((p) => ({ name: p.field, reason: p.message })),
    problems[0].message,
  );
};

// ─── the evaluation of one registration ─────────────────────────────────────────────────────────

/** A registration evaluated: its rule, period, what counted against what is needed, and where it stands. */
export type RegistrationProgress = {
  registration: repo.Registration;
  rule: ReregistrationRule;
  period: Period;
  evaluation: Evaluation;
  /** the progress in one sentence, in the reader's language once translated */
  sentence: Message;
  standing: Standing;
};

const ruleOf = (r: repo.Registration) => ruleOfStoredVersion(r, `${r.registerName} ${r.version}`);

async function progressOf(db: Db, registration: repo.Registration, asOf: string): Promise<RegistrationProgress> {
  const rule = ruleOf(registration);
  const period = { since: registration.since, until: registration.until };
  const evaluation = evaluateReregistration(rule, period, await repo.listActivityFacts(db, registration.enrolmentId), asOf);
  return {
    registration,
    rule,
    period,
    evaluation,
    sentence: describeProgress(evaluation, period),
    standing: standingOn(registration.until, asOf, registration.postponedUntil),
  };
}

/**
 * How far an enrolment is with re-registration as of `asOf`: its registration (the one that ends
 * last), evaluated under the rule of the register version it was decided under. Null when it was never registered.
 */
export async function progressOfEnrolment(db: Db, enrolmentId: string, asOf: string): Promise<RegistrationProgress | null> {
  const registration = await repo.latestRegistration(db, enrolmentId);
  return registration ? progressOf(db, registration, asOf) : null;
}

/** A herregistratie for the commission: the registration it renews evaluated as of `asOf`, and the period granting gives. */
export type RenewalEvaluation = RegistrationProgress & { periodStart: string; nextUntil: string | null };

export async function evaluateRenewal(db: Db, renewsId: string | null, asOf: string): Promise<RenewalEvaluation | null> {
  const renewed = renewsId ? await repo.findRegistration(db, renewsId) : undefined;
  if (!renewed) return null;
  const progress = await progressOf(db, renewed, asOf);
  return { ...progress, periodStart: addDays(renewed.until, 1), nextUntil: progress.evaluation.nextUntil };
}

/** Where a registration stands for the start page: what is still short (in the rule's unit), its end, and whether one can apply now. */
export type RenewalOutlook = { unit: Evaluation['unit']; met: boolean; short: number; until: string; standing: Standing; canApply: boolean };

/**
 * The start page's re-registration card: the enrolment's last registration against its rule, from the
 * database's sums (as the nightly run reads them), not from the dossier's activities one by one. Null
 * when the enrolment was never registered.
 */
export async function renewalOutlook(
  db: Db,
  enrolment: { id: string; struckOff: boolean; openApplication: boolean },
  asOf: string,
): Promise<RenewalOutlook | null> {
  const totals = await repo.registrationTotalsOf(db, enrolment.id, asOf);
  const version = totals && (await repo.listVersionRules(db)).find((v) => v.id === totals.versionId);
  if (!totals || !version) return null;
  const period = { since: totals.since, until: totals.until };
  const e = evaluateTotals(ruleOfStoredVersion(version, `${version.registerName} ${version.version}`), period, totals.totals);
  // hours on the primary process count towards the total too: what is missing is the larger of the two
  const short = Math.max(0, e.needed - e.counted, e.primary ? e.primary.needed - e.primary.counted : 0);
  const facts = { until: totals.until, postponedUntil: totals.postponedUntil, met: e.met, ...enrolment };
  return {
    unit: e.unit,
    met: e.met,
    short,
    until: totals.until,
    standing: standingOn(totals.until, asOf, totals.postponedUntil),
    canApply: reasonNotToApply(facts, asOf) === null,
  };
}

// ─── the professional asks for herregistratie ───────────────────────────────────────────────────

async function ownEnrolment(deps: ReregistrationDeps, ctx: ActorContext) {
  const account = signedInAccount(ctx);
  return { account, enrolment: await repo.findEnrolmentOfAccount(deps.db, account.accountId) };
}

/** What Mijn register shows about re-registration: the evaluation, open applications, postponements, and whether one can apply now. */
export async function getOwnReregistration(deps: ReregistrationDeps, ctx: ActorContext) {
  const { enrolment } = await ownEnrolment(deps, ctx);
  if (!enrolment) return { enrolled: false as const };
  const today = todayOf(deps);
  const progress = await progressOfEnrolment(deps.db, enrolment.id, today);
  const postponements = await repo.listPostponementsOfEnrolment(deps.db, enrolment.id);
  if (!progress) return { enrolled: true as const, progress: null, open: [], postponements, reason: message('register.error.notYetRegistered') };
  const open = await repo.openApplications(deps.db, enrolment.id, progress.registration.registerId);
  const reason = reasonNotToApply(
    {
      until: progress.registration.until,
      postponedUntil: progress.registration.postponedUntil,
      met: progress.evaluation.met,
      struckOff: enrolment.status === 'doorgehaald',
      openApplication: open.length > 0,
    },
    today,
  );
  return { enrolled: true as const, progress, open, postponements, reason };
}

/**
 * The professional asks for herregistratie: an application of the kind herregistratie for the same
 * title and level, under the register's current version, decided by the Commissie Registratie. Its
 * period runs on from the end of the registration it renews. Refused (with a text key) when the rule is not
 * met, when it is too early or too late, when an application is open, or when struck off.
 */
export async function applyForReregistration(deps: ReregistrationDeps, ctx: ActorContext, form: RenewalForm): Promise<string> {
  const { account, enrolment } = await ownEnrolment(deps, ctx);
  if (!enrolment) throw new AppError('conflict', message('register.error.enrolFirst'));
  const checked = checkRenewalForm(form);
  if (!checked.ok) refuse(checked.problems);
  const today = todayOf(deps);
  const progress = await progressOfEnrolment(deps.db, enrolment.id, today);
  if (!progress) throw new AppError('conflict', message('register.error.notRegistered'));
  const { registration, evaluation } = progress;
  const open = await repo.openApplications(deps.db, enrolment.id, registration.registerId);
  const reason = reasonNotToApply(
    {
      until: registration.until,
      postponedUntil: registration.postponedUntil,
      met: evaluation.met,
      struckOff: enrolment.status === 'doorgehaald',
      openApplication: open.length > 0,
    },
    today,
  );
  if (reason) throw new AppError('conflict', reason);
  const step = enrolmentTransition(enrolment.status as EnrolmentStatus, 'aanvragen');
  if (!step.allowed) throw new AppError('conflict', step.reason);
  const versionId = await repo.currentVersionId(deps.db, registration.registerId);
  const now = new Date();
  return inTransaction(deps.db, async (tx) => {
    // the form sent twice at once: the second waits for the first, then finds its application
    await repo.lockEnrolment(tx, enrolment.id);
    if ((await repo.openApplications(tx, enrolment.id, registration.registerId)).length > 0)
      throw new AppError('conflict', message('register.error.openApplication'));
    const id = await repo.insertRenewal(tx, {
      renews: registration,
      versionId,
      periodStart: addDays(registration.until, 1),
      motivation: (checked as { value: { motivation: string } }).value.motivation,
      now,
    });
    await addFirstEvent(tx, id, actorLabel(ctx), now);
    // the enrolment's history gets the line even when its status stays geregistreerd
    const moved = await enrolments.moveEnrolment(tx, enrolment.id, enrolment.status as EnrolmentStatus, step.to, {
      byLabel: actorLabel(ctx),
      reason: `${registration.registerName}: herregistratie aangevraagd`,
      now,
    });
    if (!moved) throw new AppError('conflict', message('register.error.ownEnrolmentChanged'));
    await recordAudit(tx, ctx, {
      action: 'reregistration.applied',
      subjectAccountId: account.accountId,
      after: { application: id, renews: registration.id, counted: evaluation.counted, needed: evaluation.needed, nextUntil: evaluation.nextUntil },
    });
    return id;
  });
}

// ─── uitstel ────────────────────────────────────────────────────────────────────────────────────

/** Why the professional cannot ask for uitstel now (a text key), or null. */
function reasonNotToPostpone(
  enrolment: repo.OwnEnrolment,
  progress: RegistrationProgress | null,
  postponements: repo.Postponement[],
  today: string,
): Message | null {
  if (enrolment.status === 'doorgehaald') return message('register.error.postponeStruckOff');
  if (!progress) return message('register.error.postponeNotRegistered');
  if (postponements.some((p) => p.status === 'aangevraagd')) return message('register.error.postponementOpen');
  if (progress.standing === 'herregistratie verlopen') return message('register.error.postponeLapsed');
  if (postponementLimit(progress.registration.until) < today) return message('register.error.postponeTooLate');
  return null;
}

export async function getOwnPostponement(deps: ReregistrationDeps, ctx: ActorContext) {
  const { enrolment } = await ownEnrolment(deps, ctx);
  if (!enrolment) return { enrolled: false as const };
  const today = todayOf(deps);
  const progress = await progressOfEnrolment(deps.db, enrolment.id, today);
  const postponements = await repo.listPostponementsOfEnrolment(deps.db, enrolment.id);
  return {
    enrolled: true as const,
    progress,
    postponements,
    reason: reasonNotToPostpone(enrolment, progress, postponements, today),
    limit: progress ? postponementLimit(progress.registration.until) : null,
  };
}

/** The professional asks for uitstel: a ground, an explanation, and until when; the Commissie Registratie decides. */
export async function requestPostponement(deps: ReregistrationDeps, ctx: ActorContext, form: PostponementForm): Promise<string> {
  const { account, enrolment } = await ownEnrolment(deps, ctx);
  if (!enrolment) throw new AppError('conflict', message('register.error.enrolFirstPostponement'));
  const today = todayOf(deps);
  const progress = await progressOfEnrolment(deps.db, enrolment.id, today);
  const reason = reasonNotToPostpone(enrolment, progress, await repo.listPostponementsOfEnrolment(deps.db, enrolment.id), today);
  if (reason) throw new AppError('conflict', reason);
  const checked = checkPostponementRequest(form, progress!.registration.until, today);
  if (!checked.ok) refuse(checked.problems);
  const request = (checked as { value: { ground: string; explanation: string; requestedUntil: string } }).value;
  return inTransaction(deps.db, async (tx) => {
    await repo.lockEnrolment(tx, enrolment.id);
    if ((await repo.listPostponementsOfEnrolment(tx, enrolment.id)).some((p) => p.status === 'aangevraagd'))
      throw new AppError('conflict', message('register.error.postponementOpen'));
    const id = await repo.insertPostponement(tx, { registrationId: progress!.registration.id, enrolmentId: enrolment.id, ...request, now: new Date() });
    await recordAudit(tx, ctx, {
      action: 'postponement.requested',
      subjectAccountId: account.accountId,
      after: { postponement: id, ground: request.ground, requestedUntil: request.requestedUntil },
    });
    return id;
  });
}

async function requireDecider(ctx: ActorContext) {
  return requirePermission(ctx.actor, { action: 'postponements.decide' });
}

/** The Commissie Registratie's queue of requests for uitstel, and the last decided. */
export async function getPostponementQueue(deps: ReregistrationDeps, ctx: ActorContext) {
  const via = await requireDecider(ctx);
  const queue = await repo.listPostponementQueue(deps.db);
  // the list names people and the ground of their request (illness, pregnancy, care): reading it is audited for each of them
  await recordAuditPerPerson(
    deps.db,
    ctx,
    { action: 'postponements.listed', via },
    [...queue.open, ...queue.decided].map((c) => c.personId),
  );
  return queue;
}

/** One request for the commission; its explanation is about someone's health or family: reading it is audited. */
export async function getPostponementForDecision(deps: ReregistrationDeps, ctx: ActorContext, id: string) {
  const via = await requireDecider(ctx);
  const request = uuid.test(id) ? await repo.findPostponement(deps.db, id) : undefined;
  if (!request) throw AppError.notFound(message('register.error.postponementNotFound'));
  await recordAudit(deps.db, ctx, {
    action: 'postponement.viewed',
    via,
    subjectAccountId: request.accountId,
    subjectPersonId: request.personId,
    after: { postponement: id },
  });
  return { request, limit: postponementLimit(request.validUntil) };
}

/**
 * A member of the Commissie Registratie grants uitstel until a date, or refuses it, with a motivation.
 * Granted, the registration's lapse windows count from that date; its next period still runs on from
 * the end of the period. The professional is told by mail.
 */
export async function decidePostponementRequest(deps: ReregistrationDeps, ctx: ActorContext, id: string, form: PostponementDecisionForm): Promise<void> {
  const via = await requireDecider(ctx);
  const request = uuid.test(id) ? await repo.findPostponement(deps.db, id) : undefined;
  if (!request) throw AppError.notFound(message('register.error.postponementNotFound'));
  if (request.status !== 'aangevraagd') throw new AppError('conflict', message('register.error.postponementDecided'));
  const checked = checkPostponementDecision(form, request.validUntil, todayOf(deps));
  if (!checked.ok) refuse(checked.problems);
  const decision = (checked as { value: { status: 'toegekend' | 'afgewezen'; grantedUntil: string | null; motivation: string } }).value;
  const mailIds: string[] = [];
  await inTransaction(deps.db, async (tx) => {
    if (!(await repo.decidePostponement(tx, id, { ...decision, byLabel: actorLabel(ctx), now: new Date() })))
      throw new AppError('conflict', message('register.error.postponementDecidedMeanwhile'));
    if (decision.grantedUntil) await repo.setPostponedUntil(tx, request.registrationId, decision.grantedUntil);
    await recordAudit(tx, ctx, {
      action: 'postponement.decided',
      via,
      subjectAccountId: request.accountId,
      after: { postponement: id, decision: decision.status, until: decision.grantedUntil },
    });
    if (request.personEmail) {
      mailIds.push(
        await deps.mailer.queue(tx, {
          to: request.personEmail,
          template: 'postponement-decision',
          lang: 'nl',
          params: {
            name: request.personName,
            register: request.registerName,
            motivation: decision.motivation,
            link: `${deps.baseUrl}${ownReregistrationPath}`,
            decision: decision.grantedUntil ? `uitstel toegekend tot en met ${formatDay('nl', decision.grantedUntil)}` : 'uitstel afgewezen',
          },
        }),
      );
    }
  });
  await deps.mailer.deliver(deps.db, mailIds);
}

// ─── the nightly run ────────────────────────────────────────────────────────────────────────────

const emptyStanding = (): Record<Standing, number> => ({ geregistreerd: 0, 'onder voorwaarden': 0, 'herregistratie verlopen': 0 });

export type NightlyEvaluation = {
  evaluated: number;
  /** the rule is met: they can re-register now */
  met: number;
  standing: Record<Standing, number>;
};

type Evaluated = { row: repo.RegistrationTotals; period: Period; evaluation: Evaluation };

/**
 * Every registered professional's last period against the rule of its register version, as of
 * `asOf`, a batch at a time. Each batch reads all activities once (a hash join, as a plain aggregate
 * would), so the batches are large: one pass up to a million professionals, about 200 bytes each in memory.
 */
async function evaluateInBatches(db: Db, asOf: string, batchSize: number, onBatch: (batch: Evaluated[]) => Promise<void>): Promise<NightlyEvaluation> {
  const rules = new Map((await repo.listVersionRules(db)).map((v) => [v.id, ruleOfStoredVersion(v, `${v.registerName} ${v.version}`)]));
  const result: NightlyEvaluation = { evaluated: 0, met: 0, standing: emptyStanding() };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const batch = await repo.registrationTotalsAfter(db, after, asOf, batchSize);
    const evaluated = batch.map((row) => {
      const period = { since: row.since, until: row.until };
      const evaluation = evaluateTotals(rules.get(row.versionId)!, period, row.totals);
      if (evaluation.met) result.met++;
      result.standing[standingOn(row.until, asOf, row.postponedUntil)]++;
      return { row, period, evaluation };
    });
    await onBatch(evaluated);
    await yieldToEventLoop();
    result.evaluated += batch.length;
    if (batch.length < batchSize) return result;
    // biome-ignore lint/complexity/useMathMinMax: enrolment ids are uuid strings, compared as text; Math.max would make them NaN
    after = batch.reduce((last, r) => (r.enrolmentId > last ? r.enrolmentId : last), after);
  }
}

/** The evaluation only: who can re-register, and who is onder voorwaarden or lapsed. */
export async function evaluateAllRegistrations(db: Db, asOf: string, batchSize = 1_000_000): Promise<NightlyEvaluation> {
  return evaluateInBatches(db, asOf, batchSize, async () => {});
}

export type NightlyRun = NightlyEvaluation & { notices: Record<NoticeKind, number>; mailed: number };

export type NightlyDeps = { db: Db; mailer: Mailer; baseUrl: string };

/** Notices are written and mailed this many at a time: three statements per chunk, never one per professional. */
const noticeChunk = 2_000;

const templateOf: Record<NoticeKind, MailTemplate> = {
  'herinnering-6': 'reregistration-reminder',
  'herinnering-2': 'reregistration-reminder',
  'onder-voorwaarden': 'reregistration-conditional',
  verlopen: 'reregistration-lapsed',
};

/**
 * The nightly re-registration run for `asOf`: evaluates everyone, then sends what is due. Reminders six
 * and two months before the end (not while a herregistratie is with the commission), the move to
 * onder voorwaarden when the end (or the postponement) has passed without a granted re-registration,
 * and to herregistratie verlopen six months later. Each notice once: it is written to
 * `reregistration_notices` (unique per registration, kind and period end) and mailed only when that
 * insert happened, so a repeated run sends nothing twice. A struck-off enrolment gets nothing.
 */
export async function runNightlyReregistration(deps: NightlyDeps, asOf: string, options: { batchSize?: number } = {}): Promise<NightlyRun> {
  const notices: Record<NoticeKind, number> = { 'herinnering-6': 0, 'herinnering-2': 0, 'onder-voorwaarden': 0, verlopen: 0 };
  let mailed = 0;
  const sendChunk = async (due: (Evaluated & { kind: NoticeKind })[]) => {
    const recipients = new Map(
      (
        await repo.noticeRecipients(
          deps.db,
          due.map((d) => d.row.registrationId),
        )
      ).map((r) => [r.registrationId, r]),
    );
    const pending = new Map<string, { due: (typeof due)[number]; to: repo.NoticeRecipient }>();
    const rows: repo.NoticeRow[] = [];
    for (const d of due) {
      const to = recipients.get(d.row.registrationId);
      if (!to || to.struckOff || (to.renewalOpen && d.kind.startsWith('herinnering'))) continue;
      const row = { id: repo.newId(), registrationId: d.row.registrationId, kind: d.kind, periodEnd: d.row.until, mailId: to.email ? repo.newId() : null };
      rows.push(row);
      pending.set(row.id, { due: d, to });
    }
    /** the mail of a notice, written only once its notice is new (a repeated run renders nothing) */
    const mailOf = (notice: repo.NoticeRow): (Mail & { id: string }) | undefined => {
      const { due: d, to } = pending.get(notice.id)!;
      if (!to.email || !notice.mailId) return undefined;
      const base = lapseBase(d.row.until, d.row.postponedUntil);
      const params = {
        name: to.name,
        register: to.registerName,
        level: `${to.title} ${to.level}`,
        until: base,
        deadline: addMonths(base, 6),
        progress: translateMessage('nl', describeProgress(d.evaluation, d.period)),
        link: `${deps.baseUrl}${d.kind === 'verlopen' ? '/mijn-register/registratie' : ownReregistrationPath}`,
      };
      return { id: notice.mailId, to: to.email, template: templateOf[d.kind], lang: 'nl', params };
    };
    const byId = new Map(rows.map((r) => [r.id, r]));
    const mailIds: string[] = [];
    await inTransaction(deps.db, async (tx) => {
      const now = new Date();
      const inserted = await repo.insertNotices(tx, rows, now);
      const mails = inserted.map((n) => mailOf(byId.get(n.id)!)).filter((m): m is Mail & { id: string } => m !== undefined);
      mailIds.push(...(await deps.mailer.queueMany(tx, mails)));
      for (const n of inserted) notices[n.kind]++;
    });
    mailed += mailIds.length;
    await deps.mailer.deliver(deps.db, mailIds);
  };
  // a notice stays due for weeks: those sent on an earlier night are skipped here (the insert's conflict rule still
  // guards a run beside this one); a period can lapse up to 21 months after it ended (12 months of uitstel, 9 of lapse)
  const recorded = await repo.recordedNoticeKeys(deps.db, addMonths(asOf, -24));
  const evaluation = await evaluateInBatches(deps.db, asOf, options.batchSize ?? 1_000_000, async (batch) => {
    const due = batch.flatMap((e) => {
      const kind = noticeDue(e.row.until, asOf, e.row.postponedUntil);
      return kind && !recorded.has(`${e.row.registrationId}|${kind}|${e.row.until}`) ? [{ ...e, kind }] : [];
    });
    for (let i = 0; i < due.length; i += noticeChunk) {
      // requests get their turn between chunks (on PGlite nothing else would let them in, decision 017)
      await yieldToEventLoop();
      await sendChunk(due.slice(i, i + noticeChunk));
    }
  });
  const run = { ...evaluation, notices, mailed };
  await recordAudit(deps.db, { actor: { type: 'system', name: 'herregistratie' } }, { action: 'reregistration.nightly-run', after: { asOf, ...run } });
  return run;
}

/** The professional's requests for uitstel, for their AVG download: the ground and explanation they gave, and the decision. */
export async function exportOwnPostponements(db: Db, accountId: string) {
  const enrolment = await repo.findEnrolmentOfAccount(db, accountId);
  const postponements = enrolment ? await repo.listPostponementsOfEnrolment(db, enrolment.id) : [];
  return postponements.map((p) => ({
    aangevraagdOp: p.createdAt.toISOString(),
    reden: p.ground,
    toelichting: p.explanation,
    gevraagdTot: p.requestedUntil,
    status: p.status,
    toegekendTot: p.grantedUntil,
    motivering: p.decisionMotivation,
    besloten: p.decidedAt?.toISOString() ?? null,
  }));
}
