import type { Db } from '../../db/database.ts';
import { actorLabel, recordAudit, recordAuditPerPerson, type ActorContext } from '../../platform/audit/audit.ts';
import type { OrganisationRef } from '../../platform/auth/roles.ts';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { requirePermission } from '../../platform/policy.ts';
import {
  amsterdamDateTime,
  amsterdamToUtc,
  attendanceOpen,
  checkRun,
  classifyLines,
  maxAttendanceLines,
  offeringOpenForRuns,
  runCancellable,
  type AttendanceOutcome,
  type CatalogueFilters,
  type NumberLine,
  type RunForm,
} from './catalogue.rules.ts';
import * as repo from './catalogue.repo.ts';
import { eventCalendar } from '../../platform/calendar/icalendar.ts';
import { uuidPattern as uuid } from '../../platform/ids/uuid-pattern.ts';
import { addDays, dutchToday } from '../../platform/dates/calendar.ts';
import { inTransaction } from '../../db/transaction.ts';

export type { CatalogueEntry, Offering, Participant, Run } from './catalogue.repo.ts';

export type CatalogueDeps = { db: Db; mailer: Mailer; baseUrl: string; now?: () => Date };

const nowOf = (deps: CatalogueDeps) => (deps.now ? deps.now() : new Date());

/** The organisations that offer: a provider (aanbieder) or a board (bestuur); any other kind or id is "not found". */
export function offeringOrganisation(soort: string, id: string): OrganisationRef {
  if ((soort !== 'aanbieder' && soort !== 'bestuur') || !uuid.test(id)) throw AppError.notFound();
  return { kind: soort, id: id.toLowerCase() };
}

async function authorise(ctx: ActorContext, action: 'offerings.submit' | 'attendance.record', organisation: OrganisationRef) {
  return requirePermission(ctx.actor, { action, organisation });
}

const notOurs = () => AppError.notFound(message('catalogue.error.notOurs'));

/** The organisation's own offering; another's, or an unknown id, is "not found". */
async function ownOffering(db: Db, organisation: OrganisationRef, offeringId: string) {
  const offering = uuid.test(offeringId) ? await repo.findOffering(db, offeringId) : undefined;
  if (!offering || offering.organisationKind !== organisation.kind || offering.organisationId !== organisation.id) throw notOurs();
  return offering;
}

async function runOf(db: Db, offeringId: string, runId: string) {
  const run = uuid.test(runId) ? await repo.findRun(db, runId) : undefined;
  if (!run || run.offeringId !== offeringId) throw AppError.notFound(message('runs.error.notOfOffering'));
  return run;
}

const notAccredited = () => new AppError('conflict', message('catalogue.error.notAccredited'));

export type Where = { soort: string; id: string; offeringId: string };

/** An accredited offering's runs, for its organisation's staff; whether new runs can be added, and why not. */
export async function getRuns(deps: CatalogueDeps, ctx: ActorContext, where: Where) {
  const organisation = offeringOrganisation(where.soort, where.id);
  await authorise(ctx, 'offerings.submit', organisation);
  const offering = await ownOffering(deps.db, organisation, where.offeringId);
  if (offering.status !== 'geaccrediteerd') throw notAccredited();
  const runs = await repo.listRuns(deps.db, offering.id);
  return { organisation, offering, runs, open: offeringOpenForRuns(offering, dutchToday(nowOf(deps))) };
}

/** Adds a run to an accredited offering within its validity. */
export async function addRun(deps: CatalogueDeps, ctx: ActorContext, where: Where, form: RunForm): Promise<string> {
  const organisation = offeringOrganisation(where.soort, where.id);
  const via = await authorise(ctx, 'offerings.submit', organisation);
  const offering = await ownOffering(deps.db, organisation, where.offeringId);
  const open = offeringOpenForRuns(offering, dutchToday(nowOf(deps)));
  if (!open.open) throw new AppError('conflict', open.reason);
  const checked = checkRun(form, offering);
  if (!checked.ok)
    throw AppError.validation(
      checked.problems.map((p) => ({ name: p.field, reason: p.message })),
      checked.problems[0].message,
    );
  return inTransaction(deps.db, async (tx) => {
    const id = await repo.insertRun(tx, offering.id, checked.facts, actorLabel(ctx), nowOf(deps));
    await recordAudit(tx, ctx, {
      action: 'offering-run.added',
      via,
      subjectOrganisation: organisation,
      after: {
        offering: offering.id,
        run: id,
        startsAt: checked.facts.startsAt.toISOString(),
        online: checked.facts.online,
        province: checked.facts.province,
        capacity: checked.facts.capacity,
      },
    });
    return id;
  });
}

/** One run of the organisation's offering, to confirm its cancellation. */
export async function getRun(deps: CatalogueDeps, ctx: ActorContext, where: Where, runId: string) {
  const organisation = offeringOrganisation(where.soort, where.id);
  await authorise(ctx, 'offerings.submit', organisation);
  const offering = await ownOffering(deps.db, organisation, where.offeringId);
  return { organisation, offering, run: await runOf(deps.db, offering.id, runId) };
}

/** Cancels a run nobody attended yet, once confirmed. */
export async function cancelRun(deps: CatalogueDeps, ctx: ActorContext, where: Where, runId: string, confirmed: unknown): Promise<void> {
  const organisation = offeringOrganisation(where.soort, where.id);
  const via = await authorise(ctx, 'offerings.submit', organisation);
  const offering = await ownOffering(deps.db, organisation, where.offeringId);
  const run = await runOf(deps.db, offering.id, runId);
  const allowed = runCancellable(run);
  if (!allowed.ok) throw new AppError('conflict', allowed.reason);
  if (confirmed !== 'ja') throw AppError.validation([{ name: 'bevestigd', reason: message('runs.error.confirmCancel') }], message('runs.error.confirmCancel'));
  await inTransaction(deps.db, async (tx) => {
    if (!(await repo.cancelRun(tx, run.id, nowOf(deps)))) throw new AppError('conflict', message('runs.error.changedMeanwhile'));
    await recordAudit(tx, ctx, {
      action: 'offering-run.cancelled',
      via,
      subjectOrganisation: organisation,
      before: { offering: offering.id, run: run.id, startsAt: run.startsAt.toISOString() },
    });
  });
}

/** Whether the actor may record attendance of this run of the organisation's offering (not found, or forbidden, when not). */
export async function checkAttendanceAccess(deps: CatalogueDeps, ctx: ActorContext, where: Where, runId: string): Promise<void> {
  const organisation = offeringOrganisation(where.soort, where.id);
  await authorise(ctx, 'attendance.record', organisation);
  const offering = await ownOffering(deps.db, organisation, where.offeringId);
  await runOf(deps.db, offering.id, runId);
}

/** A run's attendance so far, for the staff who record it; reading the participants is audited. */
export async function getAttendance(deps: CatalogueDeps, ctx: ActorContext, where: Where, runId: string) {
  const organisation = offeringOrganisation(where.soort, where.id);
  const via = await authorise(ctx, 'attendance.record', organisation);
  const offering = await ownOffering(deps.db, organisation, where.offeringId);
  const run = await runOf(deps.db, offering.id, runId);
  const participants = await repo.listParticipants(deps.db, run.id);
  await recordAuditPerPerson(
    deps.db,
    ctx,
    { action: 'attendances.viewed', via, subjectOrganisation: organisation, after: { run: run.id } },
    participants.map((p) => p.personId),
  );
  return { organisation, offering, run, participants, open: attendanceOpen(run, nowOf(deps)) };
}

export type LineResult = NumberLine & { registerNumber: string | null; outcome: AttendanceOutcome; firstLine?: number };
export type AttendanceSource = 'pagina' | 'csv' | 'api';

/**
 * Records attendance of a run by register number. Valid lines are recorded; every other line gets its
 * reason (invalid check digits, unknown, struck off, twice in the submission). Someone recorded before
 * stays as they were (al-geregistreerd). Each new attendance puts the offering in the participant's
 * dossier as an activity with its accredited points, in one transaction, and the participant is mailed.
 */
async function record(
  deps: CatalogueDeps,
  ctx: ActorContext,
  via: Awaited<ReturnType<typeof authorise>>,
  offering: repo.Offering,
  run: repo.Run,
  lines: NumberLine[],
  source: AttendanceSource,
): Promise<LineResult[]> {
  const open = attendanceOpen(run, nowOf(deps));
  if (!open.open) throw new AppError('conflict', open.reason);
  if (offering.status !== 'geaccrediteerd') throw notAccredited();
  if (lines.length === 0)
    throw AppError.validation([{ name: 'registernummers', reason: message('attendance.error.noNumbers') }], message('attendance.error.noNumbers'));
  if (lines.length > maxAttendanceLines) {
    // as strings: the Dutch text has always shown 2000, not 2.000
    const reason = message('attendance.error.tooManyNumbers', { max: String(maxAttendanceLines), count: String(lines.length) });
    throw AppError.validation([{ name: 'registernummers', reason }], reason);
  }
  const organisation: OrganisationRef = { kind: offering.organisationKind as OrganisationRef['kind'], id: offering.organisationId };
  const classified = classifyLines(lines);
  const numbers = classified.flatMap((l) => (l.kind === 'number' ? [l.registerNumber] : []));
  const found = new Map((await repo.findEnrolmentsByNumbers(deps.db, numbers)).map((e) => [e.registerNumber, e]));
  const started = amsterdamDateTime(run.startsAt).date;
  const ended = amsterdamDateTime(run.endsAt).date;
  const byLabel = actorLabel(ctx, 'API-koppeling');
  const now = nowOf(deps);
  const { results, mailIds } = await inTransaction(deps.db, async (tx) => {
    const results: LineResult[] = [];
    const mailIds: string[] = [];
    for (const line of classified) {
      const base = { line: line.line, value: line.value };
      if (line.kind === 'problem') {
        results.push({ ...base, registerNumber: null, outcome: line.outcome, firstLine: line.firstLine });
        continue;
      }
      const enrolment = found.get(line.registerNumber);
      const outcome = (o: AttendanceOutcome) => results.push({ ...base, registerNumber: line.registerNumber, outcome: o });
      if (!enrolment) {
        outcome('onbekend');
        continue;
      }
      if (enrolment.status === 'doorgehaald') {
        outcome('doorgehaald');
        continue;
      }
      const attendanceId = await repo.insertAttendance(tx, { runId: run.id, enrolmentId: enrolment.id, source, byLabel, now });
      if (!attendanceId) {
        outcome('al-geregistreerd');
        continue;
      }
      const activityId = await repo.insertActivityForAttendance(tx, {
        attendanceId,
        enrolmentId: enrolment.id,
        offeringId: offering.id,
        startedOn: started,
        completedOn: ended,
        now,
      });
      await recordAudit(tx, ctx, {
        action: 'attendance.recorded',
        via,
        subjectAccountId: enrolment.accountId,
        subjectOrganisation: organisation,
        after: { offering: offering.id, run: run.id, activity: activityId, points: offering.accreditedPoints, source },
      });
      if (enrolment.email) {
        mailIds.push(
          await deps.mailer.queue(tx, {
            to: enrolment.email,
            template: 'attendance-recorded',
            lang: 'nl',
            params: {
              name: enrolment.name,
              title: offering.title,
              provider: offering.organisationName,
              points: offering.accreditedPoints ?? 0,
              hours: String(offering.studyLoadHours).replace('.', ','),
              link: `${deps.baseUrl}/mijn-register/dossier`,
            },
          }),
        );
      }
      outcome('geregistreerd');
    }
    return { results, mailIds };
  });
  await deps.mailer.deliver(deps.db, mailIds);
  return results;
}

/** Board or provider staff record attendance on the page: typed register numbers, or a file's. */
export async function recordAttendance(deps: CatalogueDeps, ctx: ActorContext, where: Where, runId: string, lines: NumberLine[], source: 'pagina' | 'csv') {
  const organisation = offeringOrganisation(where.soort, where.id);
  const via = await authorise(ctx, 'attendance.record', organisation);
  const offering = await ownOffering(deps.db, organisation, where.offeringId);
  const run = await runOf(deps.db, offering.id, runId);
  return record(deps, ctx, via, offering, run, lines, source);
}

/**
 * A provider's system records attendance with a token of scope presentie. The token's organisation
 * must own the offering: another organisation's offering is "not found", as if it did not exist.
 */
export async function recordAttendanceByApi(deps: CatalogueDeps, ctx: ActorContext, offeringId: string, runId: string, registerNumbers: string[]) {
  if (ctx.actor.type !== 'token') throw new AppError('unauthenticated');
  const offering = uuid.test(offeringId) ? await repo.findOffering(deps.db, offeringId) : undefined;
  const organisation = ctx.actor.organisation;
  if (!offering || offering.organisationKind !== organisation.kind || offering.organisationId !== organisation.id) {
    throw AppError.notFound(message('catalogue.error.notOfToken'));
  }
  const via = await authorise(ctx, 'attendance.record', organisation);
  const run = await runOf(deps.db, offering.id, runId);
  return record(
    deps,
    ctx,
    via,
    offering,
    run,
    registerNumbers.map((value, i) => ({ line: i + 1, value })),
    'api',
  );
}

// ─── the public catalogue ────────────────────────────────────────────────────────────────────────

export type CatalogueResult = {
  entries: (repo.CatalogueEntry & { runs: repo.Run[] })[];
  total: number;
  page: number;
  pageSize: number;
};

/** The runs shown with each offering in the list. */
export const runsPerEntry = 5;

/** The public catalogue: accredited offerings within their validity, filtered, a page at a time, with their upcoming runs. */
export async function searchCatalogue(
  deps: Pick<CatalogueDeps, 'db' | 'now'>,
  filters: CatalogueFilters,
  page: number,
  pageSize: number,
): Promise<CatalogueResult> {
  const now = deps.now ? deps.now() : new Date();
  const window = {
    now,
    from: filters.vanaf ? amsterdamToUtc(filters.vanaf, '00:00') : undefined,
    until: filters.tot ? amsterdamToUtc(nextDay(filters.tot), '00:00') : undefined,
  };
  const { entries, total } = await repo.searchCatalogue(deps.db, filters, dutchToday(now), window, page, pageSize);
  const runs = await repo.listUpcomingRuns(
    deps.db,
    entries.map((e) => e.id),
    now,
  );
  return {
    entries: entries.map((e) => ({ ...e, runs: runs.filter((r) => r.offeringId === e.id).slice(0, runsPerEntry) })),
    total,
    page,
    pageSize,
  };
}

const nextDay = (isoDate: string): string => addDays(isoDate, 1);

/** What the catalogue can be filtered on: the themes and competencies its offerings have. */
export async function getCatalogueFacets(deps: Pick<CatalogueDeps, 'db' | 'now'>) {
  return repo.catalogueFacets(deps.db, dutchToday(deps.now ? deps.now() : new Date()));
}

const notInCatalogue = () => AppError.notFound(message('catalogue.error.notInCatalogue'));

/** One offering of the catalogue with its upcoming runs; an offering outside the catalogue is "not found". */
export async function getCatalogueOffering(deps: Pick<CatalogueDeps, 'db' | 'now'>, id: string) {
  const now = deps.now ? deps.now() : new Date();
  const offering = uuid.test(id) ? await repo.findCatalogueOffering(deps.db, id, dutchToday(now)) : undefined;
  if (!offering) throw notInCatalogue();
  return { offering, runs: await repo.listUpcomingRuns(deps.db, [offering.id], now) };
}

export const offeringUrl = (baseUrl: string, offeringId: string) => `${baseUrl}/aanbod/${offeringId}`;
export const calendarPath = (offeringId: string, runId: string) => `/aanbod/${offeringId}/uitvoeringen/${runId}.ics`;

/** A run of a catalogue offering as an iCalendar file; a cancelled run, or one of another offering, is "not found". */
export async function getRunCalendar(
  deps: Pick<CatalogueDeps, 'db' | 'now' | 'baseUrl'>,
  offeringId: string,
  runId: string,
): Promise<{ fileName: string; text: string }> {
  const now = deps.now ? deps.now() : new Date();
  const offering = uuid.test(offeringId) ? await repo.findCatalogueOffering(deps.db, offeringId, dutchToday(now)) : undefined;
  if (!offering) throw notInCatalogue();
  const run = uuid.test(runId) ? await repo.findRun(deps.db, runId) : undefined;
  if (!run || run.offeringId !== offering.id || run.cancelledAt) throw AppError.notFound(message('runs.error.gone'));
  const host = new URL(deps.baseUrl).hostname;
  const location = run.online ? 'Online' : [run.place, run.province].filter(Boolean).join(', ');
  const points = offering.accreditedPoints === null ? '' : ` ${offering.accreditedPoints} punten.`;
  const text = eventCalendar({
    uid: `${run.id}@${host}`,
    stamp: now,
    start: run.startsAt,
    end: run.endsAt,
    summary: offering.title,
    description: `${offering.organisationName}.${points} ${offeringUrl(deps.baseUrl, offering.id)}`,
    location,
    url: offeringUrl(deps.baseUrl, offering.id),
  });
  return { fileName: `uitvoering-${amsterdamDateTime(run.startsAt).date}.ics`, text };
}

/** The offering runs the account was recorded as attending, with who recorded it, for their AVG download. */
export async function exportOwnAttendances(db: Db, accountId: string) {
  return (await repo.listAttendancesOfAccount(db, accountId)).map((a) => ({
    aanbod: a.offering,
    aanbieder: a.provider,
    begon: a.startsAt.toISOString(),
    vastgelegdVia: a.source,
    vastgelegdDoor: a.recordedByLabel,
    vastgelegdOp: a.recordedAt.toISOString(),
  }));
}
