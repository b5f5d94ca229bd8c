import { addDays, dutchToday, parseDate } from '../../platform/dates/calendar.ts';
import { amsterdamToUtc, parseTime } from '../../platform/dates/dutch-time.ts';
import { message, type Message } from '../../platform/i18n.ts';

/** The kinds of event the register office organises (seed 000 and 001). */
export const eventKinds = ['voorlichting', 'meedenksessie', 'verkennend-gesprek'] as const;
export type EventKind = (typeof eventKinds)[number];

/** The roles an event is for ("leraren, HR-medewerkers, school- en teamleiders", seed 000), and boards. */
export const audienceRoles = ['leraar', 'hr-medewerker', 'schoolleider', 'teamleider', 'bestuurder'] as const;
/** The roles a registrant can state: the audience's, or another. */
export const registrantRoles = [...audienceRoles, 'anders'] as const;
export type RegistrantRole = (typeof registrantRoles)[number];
/** Roles that work at a school: their school is asked for; the others may leave it out. */
export const rolesWithSchool: readonly RegistrantRole[] = ['leraar', 'schoolleider', 'teamleider'];

/** The school's surroundings as the registrant states them (issue 21: city, town or village). */
export const schoolSettings = ['stad', 'dorp', 'platteland'] as const;
export type SchoolSetting = (typeof schoolSettings)[number];

export const registrationStatuses = ['onbevestigd', 'aangemeld', 'wachtlijst', 'afgemeld', 'verlopen'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];
/** A registration that still counts: it holds a place, waits for one, or waits for its link. */
export const liveStatuses: readonly RegistrationStatus[] = ['onbevestigd', 'aangemeld', 'wachtlijst'];

export const eventLimits = { title: 200, description: 5000, place: 300, url: 500, capacityMin: 1, capacityMax: 1000, name: 200, email: 254 };

/** How long a mailed confirmation link works. */
export const confirmHours = 48;
/** The reminder goes this many days ahead. */
export const reminderDays = 2;

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T => (values as readonly string[]).includes(value);

// ─── an event ────────────────────────────────────────────────────────────────────────────────────

/** The event form as posted: every field a string, the audience a list. */
export type EventForm = {
  soort: string;
  titel: string;
  beschrijving: string;
  doelgroep: string[];
  datum: string;
  begintijd: string;
  eindtijd: string;
  vorm: string;
  plaats: string;
  link: string;
  capaciteit: string;
  anoniem: string;
};

export type EventFacts = {
  kind: EventKind;
  title: string;
  description: string;
  audience: string[];
  startsAt: Date;
  endsAt: Date;
  online: boolean;
  place: string | null;
  onlineUrl: string | null;
  capacity: number;
  anonymousFeedback: boolean;
};

export type FieldProblem<F extends string> = { field: F; message: Message };
export type Checked<T, F extends string> = { ok: true; facts: T } | { ok: false; problems: FieldProblem<F>[] };

/**
 * An event as typed by register staff: a kind, a title, an audience of at least one role, one day with a
 * start and an end time in Dutch time that has not begun, at a place or online (with a https link), and
 * 1 to 1,000 places. `placed`: how many hold a place already (when changing an event), which the
 * capacity may not go below. Every problem at its field.
 */
export function checkEvent(form: EventForm, now: Date, placed = 0): Checked<EventFacts, keyof EventForm> {
  const problems: FieldProblem<keyof EventForm>[] = [];
  const problem = (field: keyof EventForm, text: Message) => problems.push({ field, message: text });
  if (!isOneOf(eventKinds, form.soort)) problem('soort', message('events.error.kind'));
  const title = form.titel.trim();
  if (title.length < 3 || title.length > eventLimits.title) problem('titel', message('events.error.title', { max: eventLimits.title }));
  const description = form.beschrijving.trim();
  if (description.length > eventLimits.description) problem('beschrijving', message('events.error.description', { max: eventLimits.description }));
  const audience = [...new Set(form.doelgroep)];
  if (audience.length === 0 || !audience.every((r) => isOneOf(audienceRoles, r))) problem('doelgroep', message('events.error.audience'));
  const date = parseDate(form.datum.trim());
  const start = parseTime(form.begintijd);
  const end = parseTime(form.eindtijd);
  const today = dutchToday(now);
  if (!date) problem('datum', message('events.error.date'));
  else if (date < today) problem('datum', message('events.error.pastDate'));
  if (!start) problem('begintijd', message('events.error.startTime'));
  else if (date && date === today && amsterdamToUtc(date, start) <= now) problem('begintijd', message('events.error.pastTime'));
  if (!end) problem('eindtijd', message('events.error.endTime'));
  else if (start && end <= start) problem('eindtijd', message('events.error.endBeforeStart'));
  if (form.vorm !== 'locatie' && form.vorm !== 'online') problem('vorm', message('events.error.format'));
  const online = form.vorm === 'online';
  const place = form.plaats.trim();
  const link = form.link.trim();
  if (form.vorm === 'locatie' && (place.length < 2 || place.length > eventLimits.place))
    problem('plaats', message('events.error.place', { max: eventLimits.place }));
  if (online && !isWebLink(link)) problem('link', message('events.error.link'));
  const capacityText = form.capaciteit.trim();
  const capacity = Number(capacityText);
  if (!/^\d+$/.test(capacityText) || capacity < eventLimits.capacityMin || capacity > eventLimits.capacityMax) {
    problem('capaciteit', message('events.error.capacity', { min: eventLimits.capacityMin, max: eventLimits.capacityMax }));
  } else if (capacity < placed) problem('capaciteit', message('events.error.capacityBelowPlaced', { count: placed }));
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    facts: {
      kind: form.soort as EventKind,
      title,
      description,
      audience: audienceRoles.filter((r) => audience.includes(r)),
      startsAt: amsterdamToUtc(date!, start!),
      endsAt: amsterdamToUtc(date!, end!),
      online,
      place: online ? null : place,
      onlineUrl: online ? link : null,
      capacity,
      anonymousFeedback: form.anoniem === 'ja',
    },
  };
}

/** An https (or http) address without spaces, as a meeting link must be. */
export function isWebLink(value: string): boolean {
  if (value.length > eventLimits.url || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

type EventState = { startsAt: Date; cancelledAt: Date | null };

/** Whether the event can still be changed or cancelled by staff: not cancelled, not begun. */
export function eventChangeable(event: EventState, now: Date): { ok: true } | { ok: false; reason: Message } {
  if (event.cancelledAt) return { ok: false, reason: message('events.error.cancelled') };
  if (event.startsAt <= now) return { ok: false, reason: message('events.error.begun') };
  return { ok: true };
}

/** Whether people can register: not cancelled, not begun. */
export function registrationOpen(event: EventState, now: Date): { open: true } | { open: false; reason: Message } {
  if (event.cancelledAt) return { open: false, reason: message('events.register.closed.cancelled') };
  if (event.startsAt <= now) return { open: false, reason: message('events.register.closed.past') };
  return { open: true };
}

// ─── a registration ──────────────────────────────────────────────────────────────────────────────

/** The registration form as posted: the school as typed (a name, place or BRIN) and, once chosen, its id. */
export type RegistrationForm = { naam: string; email: string; rol: string; school: string; schoolId: string; omgeving: string };

export type RegistrationFacts = {
  name: string;
  email: string;
  role: RegistrantRole;
  /** what to look up in the directory: the chosen id, or the text typed; null when no school was given */
  school: { id: string } | { text: string } | null;
  setting: SchoolSetting | null;
};

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Lower case and trimmed: one address, one registration per event. */
export const normaliseEmail = (value: string) => value.trim().toLowerCase();

/**
 * What the registrant typed: a name, an e-mail address (the account's when signed in), a role, and for
 * a role at a school the school and its surroundings; a role without one may leave the school out, but
 * a school given needs its surroundings. Whether the school is in the directory is the service's question.
 */
export function checkRegistration(form: RegistrationForm, account?: { email: string }): Checked<RegistrationFacts, keyof RegistrationForm> {
  const problems: FieldProblem<keyof RegistrationForm>[] = [];
  const problem = (field: keyof RegistrationForm, text: Message) => problems.push({ field, message: text });
  const name = form.naam.trim();
  if (name.length < 2 || name.length > eventLimits.name) problem('naam', message('events.register.error.name'));
  const email = normaliseEmail(account ? account.email : form.email);
  if (!account && (!emailPattern.test(email) || email.length > eventLimits.email)) problem('email', message('events.register.error.email'));
  const role = form.rol;
  if (!isOneOf(registrantRoles, role)) problem('rol', message('events.register.error.role'));
  const schoolText = form.school.trim();
  const schoolId = form.schoolId.trim();
  const school = schoolId ? { id: schoolId } : schoolText ? { text: schoolText } : null;
  if (!school && isOneOf(registrantRoles, role) && rolesWithSchool.includes(role)) problem('school', message('events.register.error.schoolRequired'));
  const setting = form.omgeving;
  if (school && !isOneOf(schoolSettings, setting)) problem('omgeving', message('events.register.error.setting'));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, facts: { name, email, role: role as RegistrantRole, school, setting: school ? (setting as SchoolSetting) : null } };
}

/** A confirmed registration gets a place while there is one and nobody waits before it; else the waiting list. */
export function placeOrWait(capacity: number, placed: number, waiting: number): 'aangemeld' | 'wachtlijst' {
  return placed < capacity && waiting === 0 ? 'aangemeld' : 'wachtlijst';
}

/** Who moves up when places free: the first of the waiting list (in its order), as many as there are free places. */
export function movingUp<T>(capacity: number, placed: number, waitingInOrder: readonly T[]): T[] {
  return waitingInOrder.slice(0, Math.max(0, capacity - placed));
}

/** Whether a registrant may still cancel: a live registration of an event that has not begun. */
export function registrationCancellable(registration: { status: string }, event: EventState, now: Date): { ok: true } | { ok: false; reason: Message } {
  if (!liveStatuses.includes(registration.status as RegistrationStatus)) return { ok: false, reason: message('events.cancel.error.notLive') };
  if (event.startsAt <= now) return { ok: false, reason: message('events.cancel.error.begun') };
  return { ok: true };
}

/**
 * The reminders due now: events that begin before the end of the day after tomorrow (Dutch days) and
 * have not begun, for registrations confirmed before the two days ahead began (someone who registers
 * later has just had every detail in their confirmation).
 */
export function reminderWindow(now: Date): { from: Date; until: Date; days: number } {
  return { from: now, until: amsterdamToUtc(addDays(dutchToday(now), reminderDays + 1), '00:00'), days: reminderDays };
}

/** The same question for one registration (the SQL in the repo asks it for all): the pure form, tested. */
export function reminderDue(event: EventState, registration: { status: string; confirmedAt: Date | null; remindedAt: Date | null }, now: Date): boolean {
  const { from, until } = reminderWindow(now);
  if (event.cancelledAt || registration.status !== 'aangemeld' || registration.remindedAt || !registration.confirmedAt) return false;
  if (event.startsAt <= from || event.startsAt >= until) return false;
  return registration.confirmedAt.getTime() < event.startsAt.getTime() - reminderDays * 86_400_000;
}

// ─── the public list ─────────────────────────────────────────────────────────────────────────────

export const periods = ['komend', 'voorbij'] as const;
export type Period = (typeof periods)[number];

export type EventFilter = { kind: EventKind | null; period: Period };

/** The list's query as typed: an unknown kind or period is refused at its field, so a bad link says why. */
export function checkEventQuery(q: { soort: string; periode: string }): Checked<EventFilter, 'soort' | 'periode'> {
  const problems: FieldProblem<'soort' | 'periode'>[] = [];
  if (q.soort && !isOneOf(eventKinds, q.soort)) problems.push({ field: 'soort', message: message('events.error.kind') });
  if (q.periode && !isOneOf(periods, q.periode)) problems.push({ field: 'periode', message: message('events.list.error.period') });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, facts: { kind: (q.soort || null) as EventKind | null, period: (q.periode || 'komend') as Period } };
}
