import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { AccountActor } from '../../platform/auth/actor.ts';
import { actorLabel, recordAudit, recordAuditPerAccount, type ActorContext } from '../../platform/audit/audit.ts';
import { calendarOf, type CalendarEvent } from '../../platform/calendar/icalendar.ts';
import { hashToken, randomToken, type Crypto } from '../../platform/crypto.ts';
import { spreadsheetLine } from '../../platform/csv/write.ts';
import { amsterdamDateTime } from '../../platform/dates/dutch-time.ts';
import { AppError } from '../../platform/errors.ts';
import { message, type Lang, type Message } from '../../platform/i18n.ts';
import { uuidPattern as uuid } from '../../platform/ids/uuid-pattern.ts';
import type { Mail, Mailer } from '../../platform/mail/mailer.ts';
import { requirePermission } from '../../platform/policy.ts';
import { getOrganisation, searchOrganisations } from '../organisations/index.ts';
import { eventWhen } from './event-format.ts';
import {
  checkEvent,
  checkRegistration,
  confirmHours,
  eventChangeable,
  movingUp,
  placeOrWait,
  registrationCancellable,
  registrationOpen,
  reminderWindow,
  type EventFilter,
  type EventForm,
  type FieldProblem,
  type RegistrationFacts,
  type RegistrationForm,
} from './events.rules.ts';
import * as repo from './events.repo.ts';

export type { Event, Registration } from './events.repo.ts';

export type EventDeps = { db: Db; mailer: Mailer; baseUrl: string; crypto: Pick<Crypto, 'sign' | 'verifySignature'>; now?: () => Date };

const nowOf = (deps: Pick<EventDeps, 'now'>) => (deps.now ? deps.now() : new Date());

/** Problems at the form's fields: the routes show them in the error summary, the values kept. */
export class FieldProblems extends Error {
  constructor(readonly problems: FieldProblem<string>[]) {
    super('the form has problems');
  }
}

const refuse = (field: string, text: Message) => new FieldProblems([{ field, message: text }]);
const notFound = () => AppError.notFound(message('events.error.notFound'));

// ─── paths and links ─────────────────────────────────────────────────────────────────────────────

export const eventsPath = '/bijeenkomsten';
export const eventPath = (id: string) => `${eventsPath}/${id}`;
export const eventCalendarPath = (id: string) => `${eventsPath}/${id}/agenda.ics`;
export const feedPath = '/bijeenkomsten.ics';
export const adminEventsPath = '/beheer/bijeenkomsten';
export const adminEventPath = (id: string) => `${adminEventsPath}/${id}`;
export const ownEventsPath = '/mijn-bijeenkomsten';
export const confirmPath = `${eventsPath}/aanmelding/bevestigen`;
export const cancelLinkPath = (registrationId: string) => `${eventsPath}/aanmelding/${registrationId}/afmelden`;

/** The signed code in a registration's cancel link: it works without signing in, for this registration only. */
const cancelCode = (deps: Pick<EventDeps, 'crypto'>, registrationId: string) => deps.crypto.sign(`event-registration:${registrationId}`);
const cancelUrl = (deps: Pick<EventDeps, 'crypto' | 'baseUrl'>, registrationId: string) =>
  `${deps.baseUrl}${cancelLinkPath(registrationId)}?code=${encodeURIComponent(cancelCode(deps, registrationId))}`;

// ─── mail ────────────────────────────────────────────────────────────────────────────────────────

type RegistrationMail = 'event-registered' | 'event-waiting' | 'event-moved-up' | 'event-reminder' | 'event-cancelled' | 'event-changed' | 'event-unregistered';

/** Where, for someone with a place: the place, or "Online" with the meeting link. */
const whereFor = (event: repo.Event) => (event.online ? `Online: ${event.onlineUrl ?? ''}` : (event.place ?? ''));
const asLang = (value: string): Lang => (value === 'en' ? 'en' : 'nl');

function registrationMail(
  deps: Pick<EventDeps, 'crypto' | 'baseUrl'>,
  template: RegistrationMail,
  event: repo.Event,
  r: Pick<repo.Registration, 'id' | 'name' | 'email' | 'lang'>,
  extra: Record<string, string | number> = {},
): Mail {
  const lang = asLang(r.lang);
  return {
    to: r.email,
    template,
    lang,
    params: {
      name: r.name,
      title: event.title,
      when: eventWhen(lang, event),
      where: whereFor(event),
      link: `${deps.baseUrl}${eventPath(event.id)}`,
      calendar: `${deps.baseUrl}${eventCalendarPath(event.id)}`,
      cancel: cancelUrl(deps, r.id),
      ...extra,
    },
  };
}

// ─── register staff ──────────────────────────────────────────────────────────────────────────────

async function requireEventStaff(ctx: ActorContext) {
  return requirePermission(ctx.actor, { action: 'events.manage' });
}

const eventOf = async (db: Db, id: string) => {
  const event = uuid.test(id) ? await repo.findEvent(db, id.toLowerCase()) : undefined;
  if (!event) throw notFound();
  return event;
};

export type EventPage = { events: repo.Event[]; total: number; page: number; pageSize: number };

/** Register staff: events of the period, cancelled ones included, a page at a time. */
export async function listEventsForStaff(deps: EventDeps, ctx: ActorContext, filter: EventFilter, page: number, pageSize: number): Promise<EventPage> {
  await requireEventStaff(ctx);
  const { events, total } = await repo.listEvents(deps.db, filter, nowOf(deps), { offset: (page - 1) * pageSize, limit: pageSize }, true);
  return { events, total, page, pageSize };
}

/** Register staff may open the new-event form. */
export async function checkEventStaff(ctx: ActorContext): Promise<void> {
  await requireEventStaff(ctx);
}

/** One event for register staff, with how many hold a place and wait (no personal data: that is the attendance list). */
export async function getEventForStaff(deps: EventDeps, ctx: ActorContext, id: string) {
  await requireEventStaff(ctx);
  const event = await eventOf(deps.db, id);
  return { event, changeable: eventChangeable(event, nowOf(deps)) };
}

const summaryOf = (e: Pick<repo.Event, 'kind' | 'title' | 'startsAt' | 'endsAt' | 'online' | 'place' | 'capacity' | 'audience'>) => ({
  kind: e.kind,
  title: e.title,
  startsAt: e.startsAt.toISOString(),
  endsAt: e.endsAt.toISOString(),
  online: e.online,
  place: e.place,
  capacity: e.capacity,
  audience: e.audience,
});

/** Register staff add an event. */
export async function createEvent(deps: EventDeps, ctx: ActorContext, form: EventForm): Promise<string> {
  const via = await requireEventStaff(ctx);
  const now = nowOf(deps);
  const checked = checkEvent(form, now);
  if (!checked.ok) throw new FieldProblems(checked.problems);
  return inTransaction(deps.db, async (tx) => {
    const id = await repo.insertEvent(tx, checked.facts, actorLabel(ctx), now);
    await recordAudit(tx, ctx, { action: 'event.created', via, after: { event: id, ...summaryOf(checked.facts) } });
    return id;
  });
}

/**
 * Moves the first of the waiting list up into the free places, in the caller's transaction (the event
 * locked), and queues their mails. Returns the mails' ids to deliver after the commit.
 */
async function fillFreePlaces(deps: EventDeps, tx: Db, ctx: ActorContext, event: repo.Event, now: Date): Promise<string[]> {
  if (event.cancelledAt || event.startsAt <= now) return [];
  const up = movingUp(event.capacity, event.placed, await repo.listWaiting(tx, event.id));
  if (up.length === 0) return [];
  await repo.placeFromWaitingList(
    tx,
    up.map((r) => r.id),
    now,
  );
  for (const r of up) {
    await recordAudit(tx, ctx, { action: 'event-registration.moved-up', subjectAccountId: r.accountId, after: { event: event.id, registration: r.id } });
  }
  return deps.mailer.queueMany(
    tx,
    up.map((r) => registrationMail(deps, 'event-moved-up', event, r)),
  );
}

/**
 * Register staff change an event that has not begun. The capacity may not go below the places taken; a
 * larger one moves the waiting list up. When the time or place changes, everyone with a place or on the
 * waiting list is told.
 */
export async function changeEvent(deps: EventDeps, ctx: ActorContext, id: string, form: EventForm): Promise<void> {
  const via = await requireEventStaff(ctx);
  const now = nowOf(deps);
  const mailIds = await inTransaction(deps.db, async (tx) => {
    const before = await repo.lockEvent(tx, (await eventOf(tx, id)).id);
    if (!before) throw notFound();
    const changeable = eventChangeable(before, now);
    if (!changeable.ok) throw new AppError('conflict', changeable.reason);
    const checked = checkEvent(form, now, before.placed);
    if (!checked.ok) throw new FieldProblems(checked.problems);
    await repo.updateEvent(tx, before.id, checked.facts, now);
    await recordAudit(tx, ctx, { action: 'event.changed', via, before: summaryOf(before), after: { event: before.id, ...summaryOf(checked.facts) } });
    const after = (await repo.findEvent(tx, before.id))!;
    const moved =
      before.startsAt.getTime() !== after.startsAt.getTime() ||
      before.endsAt.getTime() !== after.endsAt.getTime() ||
      before.online !== after.online ||
      before.place !== after.place ||
      before.onlineUrl !== after.onlineUrl;
    const told = moved
      ? await deps.mailer.queueMany(
          tx,
          (await repo.listRegistrations(tx, after.id, ['aangemeld', 'wachtlijst'])).map((r) => registrationMail(deps, 'event-changed', after, r)),
        )
      : [];
    return [...told, ...(await fillFreePlaces(deps, tx, ctx, after, now))];
  });
  await deps.mailer.deliver(deps.db, mailIds);
}

/** Register staff cancel an event that has not begun, once confirmed; everyone registered is told. */
export async function cancelEvent(deps: EventDeps, ctx: ActorContext, id: string, confirmed: unknown): Promise<void> {
  const via = await requireEventStaff(ctx);
  const now = nowOf(deps);
  const event = await eventOf(deps.db, id);
  const changeable = eventChangeable(event, now);
  if (!changeable.ok) throw new AppError('conflict', changeable.reason);
  if (confirmed !== 'ja') throw refuse('bevestigd', message('events.cancelEvent.error.confirm'));
  const mailIds = await inTransaction(deps.db, async (tx) => {
    await repo.lockEvent(tx, event.id);
    if (!(await repo.cancelEvent(tx, event.id, now))) throw new AppError('conflict', message('events.error.cancelled'));
    await recordAudit(tx, ctx, { action: 'event.cancelled', via, before: { event: event.id, ...summaryOf(event) } });
    const told = await repo.listRegistrations(tx, event.id, ['aangemeld', 'wachtlijst']);
    return deps.mailer.queueMany(
      tx,
      told.map((r) => registrationMail(deps, 'event-cancelled', event, r)),
    );
  });
  await deps.mailer.deliver(deps.db, mailIds);
}

/**
 * The attendance list of an event for register staff: who has a place (to mark present) and who waits,
 * with what they stated. Reading it is audited, per registrant with an account and once for the list.
 */
export async function getAttendanceList(deps: EventDeps, ctx: ActorContext, id: string, action = 'event-registrations.viewed') {
  const via = await requireEventStaff(ctx);
  const event = await eventOf(deps.db, id);
  const registrations = await repo.listRegistrations(deps.db, event.id, ['aangemeld', 'wachtlijst']);
  await inTransaction(deps.db, async (tx) => {
    const after = { event: event.id, registrations: registrations.map((r) => r.id) };
    await recordAudit(tx, ctx, { action, via, after });
    await recordAuditPerAccount(
      tx,
      ctx,
      { action, via, after: { event: event.id } },
      registrations.flatMap((r) => (r.accountId ? [r.accountId] : [])),
    );
  });
  return { event, placed: registrations.filter((r) => r.status === 'aangemeld'), waiting: registrations.filter((r) => r.status === 'wachtlijst') };
}

/** Register staff mark who was present (the ticked ones of those with a place; unticked ones are not, or no longer). */
export async function recordPresence(deps: EventDeps, ctx: ActorContext, id: string, present: string[]): Promise<{ marked: number; unmarked: number }> {
  const via = await requireEventStaff(ctx);
  const event = await eventOf(deps.db, id);
  if (event.cancelledAt) throw new AppError('conflict', message('events.error.cancelled'));
  const ids = present.filter((p) => uuid.test(p)).map((p) => p.toLowerCase());
  return inTransaction(deps.db, async (tx) => {
    const changed = await repo.setPresence(tx, event.id, ids, actorLabel(ctx), nowOf(deps));
    await recordAudit(tx, ctx, { action: 'event-attendance.recorded', via, after: { event: event.id, present: ids, ...changed } });
    return changed;
  });
}

/**
 * The attendance list as CSV for a spreadsheet (`;`, a BOM, formulas defused): everyone with a place and
 * everyone waiting, with what they stated and whether they were present. The download is audited.
 */
export async function exportAttendanceCsv(deps: EventDeps, ctx: ActorContext, id: string): Promise<{ fileName: string; text: string }> {
  const { event, placed, waiting } = await getAttendanceList(deps, ctx, id, 'event-registrations.exported');
  const lines = [
    `\uFEFF${spreadsheetLine(['naam', 'e-mailadres', 'rol', 'school', 'brin', 'bestuursnummer', 'omgeving', 'status', 'wachtlijstplaats', 'aanwezig'])}`,
    ...[...placed, ...waiting].map((r) =>
      spreadsheetLine([
        r.name,
        r.email,
        r.role,
        r.schoolName ?? '',
        r.brin ?? '',
        r.boardNumber ?? '',
        r.setting ?? '',
        r.status,
        r.status === 'wachtlijst' ? waiting.indexOf(r) + 1 : '',
        r.presentAt ? 'ja' : 'nee',
      ]),
    ),
  ];
  return { fileName: `aanmeldingen-${amsterdamDateTime(event.startsAt).date}.csv`, text: lines.join('') };
}

// ─── the public list, pages, API and calendar ────────────────────────────────────────────────────

/** The public list: events of the period that are not cancelled, a page at a time. */
export async function searchEvents(deps: Pick<EventDeps, 'db' | 'now'>, filter: EventFilter, page: number, pageSize: number): Promise<EventPage> {
  const { events, total } = await repo.listEvents(deps.db, filter, nowOf(deps), { offset: (page - 1) * pageSize, limit: pageSize });
  return { events, total, page, pageSize };
}

/** One event for anyone (a cancelled one too: a registrant's link still shows what became of it), and whether registering is open. */
export async function getPublicEvent(deps: Pick<EventDeps, 'db' | 'now'>, id: string) {
  const event = await eventOf(deps.db, id);
  return { event, open: registrationOpen(event, nowOf(deps)) };
}

const product = '-//Beroepsregister Onderwijs//Bijeenkomsten//NL';

function calendarEventOf(deps: Pick<EventDeps, 'baseUrl'>, event: repo.Event, stamp: Date): CalendarEvent {
  const host = new URL(deps.baseUrl).hostname;
  const url = `${deps.baseUrl}${eventPath(event.id)}`;
  return {
    uid: `bijeenkomst-${event.id}@${host}`,
    stamp,
    start: event.startsAt,
    end: event.endsAt,
    summary: event.title,
    description: [event.description, url].filter(Boolean).join('\n\n'),
    location: event.online ? 'Online' : (event.place ?? ''),
    url,
    cancelled: event.cancelledAt !== null,
  };
}

/** One event as an iCalendar file (a cancelled one says so, so a calendar that has it updates). */
export async function getEventCalendar(deps: Pick<EventDeps, 'db' | 'now' | 'baseUrl'>, id: string): Promise<{ fileName: string; text: string }> {
  const event = await eventOf(deps.db, id);
  const text = calendarOf([calendarEventOf(deps, event, nowOf(deps))], { product });
  return { fileName: `bijeenkomst-${amsterdamDateTime(event.startsAt).date}.ics`, text };
}

/** The most events the feed holds: a year of weekly sessions, several times over. */
export const feedLimit = 500;

/** The feed of all events that have not ended (cancelled ones as cancelled), to subscribe to. */
export async function getEventFeed(deps: Pick<EventDeps, 'db' | 'now' | 'baseUrl'>): Promise<string> {
  const now = nowOf(deps);
  const events = await repo.listEventsForFeed(deps.db, now, feedLimit);
  return calendarOf(
    events.map((e) => calendarEventOf(deps, e, now)),
    { product, name: 'Bijeenkomsten Beroepsregister Onderwijs' },
  );
}

// ─── registering ─────────────────────────────────────────────────────────────────────────────────

export type SchoolChoice = { id: string; label: string };

/** The school as typed matches several in the directory: the form asks which (nothing is saved). */
export class SchoolChoiceNeeded extends Error {
  constructor(readonly candidates: SchoolChoice[]) {
    super('choose a school');
  }
}

const schoolCandidates = 8;
const schoolLabel = (e: { name: string; place: string | null; code: string }) => `${e.name}${e.place ? `, ${e.place}` : ''} (${e.code})`;

/** The directory's school for what was typed or chosen: open, and one. */
async function resolveSchool(db: Db, school: RegistrationFacts['school']): Promise<string | null> {
  if (!school) return null;
  if ('id' in school) {
    const found = uuid.test(school.id) ? await getOrganisation(db, school.id).catch(() => undefined) : undefined;
    if (found?.kind !== 'school') throw refuse('school', message('events.register.error.schoolNotFound'));
    if (found.school.closedAt) throw refuse('school', message('events.register.error.schoolClosed', { school: found.school.name }));
    return found.school.id;
  }
  const text = school.text.slice(0, 200);
  const { entries } = await searchOrganisations(db, { zoek: text, soort: 'school', inclusiefGesloten: true, page: 1, pageSize: 50 });
  const code = entries.find((e) => e.code.toUpperCase() === text.toUpperCase());
  const open = entries.filter((e) => !e.closed);
  const only = code ?? (open.length === 1 ? open[0] : entries.length === 1 ? entries[0] : undefined);
  if (only) {
    if (only.closed) throw refuse('school', message('events.register.error.schoolClosed', { school: only.name }));
    return only.id;
  }
  if (open.length === 0) throw refuse('school', message('events.register.error.schoolNotFound'));
  throw new SchoolChoiceNeeded(open.slice(0, schoolCandidates).map((e) => ({ id: e.id, label: schoolLabel(e) })));
}

export type RegisterOutcome =
  | { kind: 'mailed'; email: string }
  | { kind: 'aangemeld'; registrationId: string }
  | { kind: 'wachtlijst'; registrationId: string; position: number };

const registeredTwice = () => refuse('email', message('events.register.error.twice'));

/**
 * Registers for an event. Signed in: at once, with the account's address (a place, or the waiting list
 * when the event is full, said plainly). Otherwise by e-mail: a link is mailed (48 hours), and only the
 * link gives the place. A second registration of the same address is refused at its field.
 */
export async function registerForEvent(deps: EventDeps, ctx: ActorContext, eventId: string, form: RegistrationForm, lang: Lang): Promise<RegisterOutcome> {
  const account = ctx.actor.type === 'account' ? ctx.actor : undefined;
  const now = nowOf(deps);
  const event = await eventOf(deps.db, eventId);
  const open = registrationOpen(event, now);
  if (!open.open) throw new AppError('conflict', open.reason);
  const checked = checkRegistration(form, account);
  if (!checked.ok) throw new FieldProblems(checked.problems);
  const facts = checked.facts;
  const schoolId = await resolveSchool(deps.db, facts.school);
  const base = { eventId: event.id, name: facts.name, email: facts.email, role: facts.role, schoolId, setting: facts.setting, lang, now };
  const after = { event: event.id, role: facts.role, school: schoolId, setting: facts.setting };
  if (!account) {
    const token = randomToken();
    const mailId = await inTransaction(deps.db, async (tx) => {
      await repo.expireUnconfirmed(tx, event.id, facts.email, now);
      const id = await repo.insertRegistration(tx, {
        ...base,
        accountId: null,
        status: 'onbevestigd',
        confirmTokenHash: hashToken(token),
        confirmExpiresAt: new Date(now.getTime() + confirmHours * 3600_000),
      });
      if (!id) throw registeredTwice();
      await recordAudit(tx, ctx, { action: 'event-registration.requested', after: { registration: id, ...after } });
      return deps.mailer.queue(tx, {
        to: facts.email,
        template: 'event-confirm-link',
        lang,
        params: {
          name: facts.name,
          title: event.title,
          when: eventWhen(lang, event),
          link: `${deps.baseUrl}${confirmPath}?token=${encodeURIComponent(token)}`,
          hours: confirmHours,
        },
      });
    });
    await deps.mailer.deliver(deps.db, [mailId]);
    return { kind: 'mailed', email: facts.email };
  }
  const { outcome, mailIds } = await inTransaction(deps.db, async (tx) => {
    const locked = (await repo.lockEvent(tx, event.id))!;
    await repo.expireUnconfirmed(tx, event.id, facts.email, now);
    const status = placeOrWait(locked.capacity, locked.placed, locked.waiting);
    const id = await repo.insertRegistration(tx, { ...base, accountId: account.accountId, status, confirmTokenHash: null, confirmExpiresAt: null });
    if (!id) throw registeredTwice();
    await recordAudit(tx, ctx, { action: 'event-registration.created', subjectAccountId: account.accountId, after: { registration: id, status, ...after } });
    return placed(deps, tx, locked, { id, eventId: event.id, name: facts.name, email: facts.email, lang }, status);
  });
  await deps.mailer.deliver(deps.db, mailIds);
  return outcome;
}

/** After a registration got its status: its outcome and its mail (place with the cancel link, or the waiting list with its position). */
async function placed(
  deps: EventDeps,
  tx: Db,
  event: repo.Event,
  r: { id: string; eventId: string; name: string; email: string; lang: string },
  status: 'aangemeld' | 'wachtlijst',
): Promise<{ outcome: RegisterOutcome; mailIds: string[] }> {
  if (status === 'aangemeld') {
    return {
      outcome: { kind: 'aangemeld', registrationId: r.id },
      mailIds: [await deps.mailer.queue(tx, registrationMail(deps, 'event-registered', event, r))],
    };
  }
  const position = await repo.waitingPosition(tx, r);
  return {
    outcome: { kind: 'wachtlijst', registrationId: r.id, position },
    mailIds: [await deps.mailer.queue(tx, registrationMail(deps, 'event-waiting', event, r, { position }))],
  };
}

/** The confirmation link's registration, for the page with the button (nothing changes yet). */
export async function describeConfirmLink(deps: EventDeps, token: string) {
  const registration = token ? await repo.findByConfirmToken(deps.db, hashToken(token), nowOf(deps)) : undefined;
  if (!registration) throw new AppError('bad_request', message('events.confirm.error.link'));
  return { registration, event: (await repo.findEvent(deps.db, registration.eventId))! };
}

/** The mailed link is used (POST): the registration gets a place, or the waiting list when the event filled meanwhile. */
export async function confirmRegistration(deps: EventDeps, ctx: ActorContext, token: string): Promise<{ outcome: RegisterOutcome; event: repo.Event }> {
  const now = nowOf(deps);
  const found = token ? await repo.findByConfirmToken(deps.db, hashToken(token), now) : undefined;
  if (!found) throw new AppError('bad_request', message('events.confirm.error.link'));
  const { outcome, mailIds, event } = await inTransaction(deps.db, async (tx) => {
    const event = (await repo.lockEvent(tx, found.eventId))!;
    const open = registrationOpen(event, now);
    if (!open.open) throw new AppError('conflict', open.reason);
    const status = placeOrWait(event.capacity, event.placed, event.waiting);
    if (!(await repo.confirmRegistration(tx, found.id, status, now))) throw new AppError('bad_request', message('events.confirm.error.link'));
    await recordAudit(tx, ctx, { action: 'event-registration.confirmed', after: { event: event.id, registration: found.id, status } });
    return { ...(await placed(deps, tx, event, found, status)), event };
  });
  await deps.mailer.deliver(deps.db, mailIds);
  return { outcome, event };
}

// ─── cancelling a registration ───────────────────────────────────────────────────────────────────

/** A registration and its event from the cancel link in its mails; a wrong code is "not found", as if it did not exist. */
export async function getRegistrationByLink(deps: EventDeps, registrationId: string, code: string) {
  const registration = uuid.test(registrationId) ? await repo.findRegistration(deps.db, registrationId.toLowerCase()) : undefined;
  if (!registration || !code || !deps.crypto.verifySignature(`event-registration:${registration.id}`, code)) {
    throw AppError.notFound(message('events.cancel.error.link'));
  }
  const event = (await repo.findEvent(deps.db, registration.eventId))!;
  return { registration, event, cancellable: registrationCancellable(registration, event, nowOf(deps)) };
}

/** Cancels, frees the place, and moves the waiting list up, in one transaction; the registrant and whoever moves up are mailed. */
async function cancel(deps: EventDeps, ctx: ActorContext, registration: repo.Registration) {
  const now = nowOf(deps);
  const mailIds = await inTransaction(deps.db, async (tx) => {
    const event = (await repo.lockEvent(tx, registration.eventId))!;
    const allowed = registrationCancellable(registration, event, now);
    if (!allowed.ok) throw new AppError('conflict', allowed.reason);
    if (!(await repo.cancelRegistration(tx, registration.id, now))) throw new AppError('conflict', message('events.cancel.error.notLive'));
    await recordAudit(tx, ctx, {
      action: 'event-registration.cancelled',
      subjectAccountId: registration.accountId,
      after: { event: event.id, registration: registration.id, was: registration.status },
    });
    const told = registration.status === 'onbevestigd' ? [] : [await deps.mailer.queue(tx, registrationMail(deps, 'event-unregistered', event, registration))];
    return [...told, ...(await fillFreePlaces(deps, tx, ctx, (await repo.findEvent(tx, event.id))!, now))];
  });
  await deps.mailer.deliver(deps.db, mailIds);
}

/** Cancel from the mail's link, once confirmed on the page. */
export async function cancelByLink(deps: EventDeps, ctx: ActorContext, registrationId: string, code: string): Promise<repo.Event> {
  const { registration, event } = await getRegistrationByLink(deps, registrationId, code);
  await cancel(deps, ctx, registration);
  return event;
}

const ownerOf = (actor: AccountActor) => ({ accountId: actor.accountId, email: actor.email });
const signedIn = (ctx: ActorContext): AccountActor => {
  if (ctx.actor.type !== 'account') throw new AppError('unauthenticated');
  return ctx.actor;
};

/** The signed-in person's registrations (with their account, or by e-mail with its address), with their waiting positions. */
export async function listOwnRegistrations(deps: EventDeps, ctx: ActorContext) {
  const actor = signedIn(ctx);
  const now = nowOf(deps);
  const registrations = await repo.listOwnRegistrations(deps.db, ownerOf(actor));
  return Promise.all(
    registrations.map(async (r) => ({
      ...r,
      position: r.status === 'wachtlijst' ? await repo.waitingPosition(deps.db, r) : null,
      cancellable: registrationCancellable(r, r.event, now).ok,
    })),
  );
}

/** One of the person's own registrations; anyone else's is "not found". */
export async function getOwnRegistration(deps: EventDeps, ctx: ActorContext, registrationId: string) {
  const actor = signedIn(ctx);
  const registration = uuid.test(registrationId) ? await repo.findRegistration(deps.db, registrationId.toLowerCase()) : undefined;
  if (!registration || (registration.accountId !== actor.accountId && registration.email !== actor.email.toLowerCase())) {
    throw AppError.notFound(message('events.cancel.error.notYours'));
  }
  const event = (await repo.findEvent(deps.db, registration.eventId))!;
  return { registration, event, cancellable: registrationCancellable(registration, event, nowOf(deps)) };
}

export async function cancelOwnRegistration(deps: EventDeps, ctx: ActorContext, registrationId: string): Promise<repo.Event> {
  const { registration, event } = await getOwnRegistration(deps, ctx, registrationId);
  await cancel(deps, ctx, registration);
  return event;
}

// ─── the reminder ────────────────────────────────────────────────────────────────────────────────

/**
 * The reminders two days ahead (events.rules.ts `reminderDue`): each registration is marked in the
 * same transaction that queues its mail, so a second run, or two at once, never sends a second one.
 */
export async function sendReminders(deps: EventDeps): Promise<{ mailed: number }> {
  const now = nowOf(deps);
  const mailIds = await inTransaction(deps.db, async (tx) => {
    const due = await repo.takeDueReminders(tx, reminderWindow(now), now);
    const events = new Map<string, repo.Event>();
    for (const id of new Set(due.map((r) => r.eventId))) events.set(id, (await repo.findEvent(tx, id))!);
    return deps.mailer.queueMany(
      tx,
      due.map((r) => registrationMail(deps, 'event-reminder', events.get(r.eventId)!, r)),
    );
  });
  await deps.mailer.deliver(deps.db, mailIds);
  return { mailed: mailIds.length };
}

// ─── for other features ──────────────────────────────────────────────────────────────────────────

/**
 * The hook for the diverse groups (issue 21, part 4) and the feedback (part 5): an event's confirmed
 * registrations (those with a place), with what the registrant stated (role, school setting) and the
 * directory ids of their school and its board, never invented: null where they gave no school.
 */
export async function listConfirmedRegistrants(db: Db, eventId: string) {
  if (!uuid.test(eventId)) return [];
  return (await repo.listRegistrations(db, eventId.toLowerCase(), ['aangemeld'])).map((r) => ({
    registrationId: r.id,
    accountId: r.accountId,
    name: r.name,
    email: r.email,
    lang: asLang(r.lang),
    role: r.role,
    setting: r.setting,
    schoolId: r.schoolId,
    schoolName: r.schoolName,
    brin: r.brin,
    boardId: r.boardId,
    boardNumber: r.boardNumber,
    present: r.presentAt !== null,
  }));
}

/** An event's facts for another feature (the kind, whether feedback is anonymous); undefined when there is none. */
export async function findEventById(db: Db, id: string) {
  return uuid.test(id) ? repo.findEvent(db, id.toLowerCase()) : undefined;
}

/** The ids of the person's event registrations (by account, or by e-mail with the account's address): for the groups in their AVG download. */
export async function listOwnRegistrationIds(db: Db, owner: { accountId: string; email: string }): Promise<string[]> {
  return (await repo.listOwnRegistrations(db, owner)).map((r) => r.id);
}

/** Events not cancelled that ended between `from` and `until` (the feedback invitations, part 5). */
export async function listEndedEvents(db: Db, from: Date, until: Date) {
  return repo.listEndedEvents(db, from, until);
}

/** The person's event registrations for their AVG download (by account, or by e-mail with the account's address). */
export async function exportOwnEventRegistrations(db: Db, owner: { accountId: string; email: string }) {
  return (await repo.listOwnRegistrations(db, owner)).map((r) => ({
    bijeenkomst: r.event.title,
    soort: r.event.kind,
    begint: r.event.startsAt.toISOString(),
    naam: r.name,
    email: r.email,
    rol: r.role,
    school: r.brin ? { brin: r.brin, naam: r.schoolName } : null,
    omgeving: r.setting,
    status: r.status,
    aangemeldOp: r.createdAt.toISOString(),
    bevestigdOp: r.confirmedAt?.toISOString() ?? null,
    plaatsSinds: r.placedAt?.toISOString() ?? null,
    afgemeldOp: r.cancelledAt?.toISOString() ?? null,
    herinnerdOp: r.remindedAt?.toISOString() ?? null,
    aanwezig: r.presentAt?.toISOString() ?? null,
  }));
}
