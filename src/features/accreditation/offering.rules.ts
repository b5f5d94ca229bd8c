import { parseDate } from '../../platform/dates/calendar.ts';
import { activityKinds, type ActivityKind } from '../dossier/index.ts';
import { addYears } from '../../platform/dates/calendar.ts';
import { message, type Message, type MessageKey } from '../../platform/i18n.ts';

/**
 * An offering (aanbod) a provider or board submits to the Commissie Accreditatie, from submission to
 * the commission's decision. Pure: what a form may hold, and where each step takes an offering.
 */

// ─── what an offering is ─────────────────────────────────────────────────────────────────────────

/** The dossier's activity kinds a participant gets, less informal learning (no provider offers that). */
export type OfferingKind = Exclude<ActivityKind, 'informeel-leren'>;
export const offeringKinds: readonly OfferingKind[] = activityKinds.filter((k): k is OfferingKind => k !== 'informeel-leren');

export const offeringFormats = ['klassikaal', 'online', 'hybride'] as const;
export type OfferingFormat = (typeof offeringFormats)[number];

export const providerKinds = ['aanbieder', 'lerarenopleiding'] as const;
export type ProviderKind = (typeof providerKinds)[number];

export const offeringLimits = { title: 200, description: 5000, goals: 3000, hours: 2000, priceEuros: 100_000, name: 200, message: 2000, minMessage: 5 };

/** The accreditation: 10 to 100 points, valid at most six years (domain.md section 4). */
export const accreditationLimits = { minPoints: 10, maxPoints: 100, validityYears: 6 };

/** The reference framework's names to choose from: its current version's themes and competencies. */
export type FrameworkChoice = { version: number; themes: string[]; competencies: string[] };

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const trimmed = (text: string) => text.trim();

/** A problem at a field, as a text key: the page says it in the reader's language. */
export type Problem<F extends string> = { field: F; message: Message };

/**
 * A problem's message. Numbers go in as text, so that the Dutch reads "2000" as it always did (the
 * translator would write "2.000").
 */
const says = (key: MessageKey, params?: Record<string, string | number>): Message =>
  message(key, params && Object.fromEntries(Object.entries(params).map(([name, value]) => [name, String(value)])));
export type Checked<T, F extends string> = { ok: true; value: T } | { ok: false; problems: Problem<F>[] };

// ─── providers ───────────────────────────────────────────────────────────────────────────────────

export type ProviderForm = { naam: string; soort: string; email: string; website: string };
export type ProviderFacts = { name: string; kind: ProviderKind; contactEmail: string; website: string | null };

/** A provider as register staff typed it; every problem at its field, as a text key. (A name already taken is the service's to find.) */
export function checkProvider(form: ProviderForm): Checked<ProviderFacts, keyof ProviderForm> {
  const problems: Problem<keyof ProviderForm>[] = [];
  const name = trimmed(form.naam).replace(/\s+/g, ' ');
  if (name.length < 2 || name.length > offeringLimits.name)
    problems.push({ field: 'naam', message: says('accreditation.error.providerName', { max: offeringLimits.name }) });
  const kind = (providerKinds as readonly string[]).includes(form.soort) ? (form.soort as ProviderKind) : null;
  if (!kind) problems.push({ field: 'soort', message: says('accreditation.error.providerKind') });
  const email = trimmed(form.email).toLowerCase();
  if (!emailPattern.test(email) || email.length > 254) problems.push({ field: 'email', message: says('accreditation.error.providerEmail') });
  const website = trimmed(form.website);
  if (website && !isWebAddress(website)) problems.push({ field: 'website', message: says('accreditation.error.providerWebsite') });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { name, kind: kind!, contactEmail: email, website: website || null } };
}

function isWebAddress(text: string): boolean {
  if (text.length > 300) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

// ─── the offering as submitted ───────────────────────────────────────────────────────────────────

/** The form as posted: every field a string, themes and competencies lists. */
export type OfferingForm = {
  titel: string;
  omschrijving: string;
  leerdoelen: string;
  soort: string;
  vorm: string;
  themas: string[];
  competenties: string[];
  studielast: string;
  primairProces: string;
  master: string;
  prijs: string;
  contactNaam: string;
  contactEmail: string;
};
export type OfferingField = keyof OfferingForm;

export type OfferingFacts = {
  title: string;
  description: string;
  learningGoals: string;
  activityKind: OfferingKind;
  format: OfferingFormat;
  themes: string[];
  competencies: string[];
  studyLoadHours: number;
  primaryProcess: boolean;
  master: boolean;
  priceCents: number;
  contactName: string;
  contactEmail: string;
};

export const emptyOfferingForm: OfferingForm = {
  titel: '',
  omschrijving: '',
  leerdoelen: '',
  soort: '',
  vorm: '',
  themas: [],
  competenties: [],
  studielast: '',
  primairProces: '',
  master: '',
  prijs: '',
  contactNaam: '',
  contactEmail: '',
};

/** Hours in halves or tenths ("2,5"); null when it is not such a number. */
export function parseHours(text: string): number | null {
  const value = trimmed(text).replace(',', '.');
  if (!/^\d{1,4}(\.\d)?$/.test(value)) return null;
  return Number(value);
}

/** Euros as people write them ("250", "249,50", "€ 1250"), in cents; null when it is not an amount. */
export function parseEuros(text: string): number | null {
  const value = trimmed(text).replace(/^€\s*/, '').replace(',', '.');
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(value)) return null;
  return Math.round(Number(value) * 100);
}

/** Cents as the form shows them again: "249,50", "250". */
export function eurosText(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2).replace('.', ',');
}

/**
 * An offering as the provider typed it, against the current framework's themes and competencies;
 * every problem at its field, as a text key.
 */
export function checkOffering(form: OfferingForm, framework: FrameworkChoice): Checked<OfferingFacts, OfferingField> {
  const problems: Problem<OfferingField>[] = [];
  const problem = (field: OfferingField, key: MessageKey, params?: Record<string, string | number>) => problems.push({ field, message: says(key, params) });
  const title = trimmed(form.titel).replace(/\s+/g, ' ');
  if (title.length < 2 || title.length > offeringLimits.title) problem('titel', 'accreditation.error.title', { max: offeringLimits.title });
  const description = trimmed(form.omschrijving);
  if (description.length < 20) problem('omschrijving', 'accreditation.error.descriptionTooShort');
  else if (description.length > offeringLimits.description)
    problem('omschrijving', 'accreditation.error.tooLong', { max: offeringLimits.description, length: description.length });
  const learningGoals = trimmed(form.leerdoelen);
  if (learningGoals.length < 10) problem('leerdoelen', 'accreditation.error.goalsTooShort');
  else if (learningGoals.length > offeringLimits.goals)
    problem('leerdoelen', 'accreditation.error.tooLong', { max: offeringLimits.goals, length: learningGoals.length });
  const kind = (offeringKinds as readonly string[]).includes(form.soort) ? (form.soort as OfferingKind) : null;
  if (!kind) problem('soort', 'accreditation.error.kind');
  const format = (offeringFormats as readonly string[]).includes(form.vorm) ? (form.vorm as OfferingFormat) : null;
  if (!format) problem('vorm', 'accreditation.error.format');
  const themes = [...new Set(form.themas)];
  if (themes.length === 0) problem('themas', 'accreditation.error.themesRequired');
  else if (themes.some((t) => !framework.themes.includes(t))) problem('themas', 'accreditation.error.themesFromFramework', { version: framework.version });
  const competencies = [...new Set(form.competenties)];
  if (competencies.some((c) => !framework.competencies.includes(c)))
    problem('competenties', 'accreditation.error.competenciesFromFramework', { version: framework.version });
  const hours = parseHours(form.studielast);
  if (hours === null || hours <= 0 || hours > offeringLimits.hours) {
    problem('studielast', 'accreditation.error.hours', { max: offeringLimits.hours });
  }
  const priceCents = parseEuros(form.prijs);
  if (priceCents === null || priceCents > offeringLimits.priceEuros * 100) {
    problem('prijs', 'accreditation.error.price', { max: offeringLimits.priceEuros });
  }
  const contactName = trimmed(form.contactNaam).replace(/\s+/g, ' ');
  if (contactName.length < 2 || contactName.length > offeringLimits.name)
    problem('contactNaam', 'accreditation.error.contactName', { max: offeringLimits.name });
  const contactEmail = trimmed(form.contactEmail).toLowerCase();
  if (!emailPattern.test(contactEmail) || contactEmail.length > 254) problem('contactEmail', 'accreditation.error.contactEmail');
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      title,
      description,
      learningGoals,
      activityKind: kind!,
      format: format!,
      themes,
      competencies,
      studyLoadHours: hours!,
      primaryProcess: form.primairProces === 'ja',
      master: form.master === 'ja',
      priceCents: priceCents!,
      contactName,
      contactEmail,
    },
  };
}

/** The stored offering as the form shows it. */
export function formOfOffering(o: OfferingFacts): OfferingForm {
  return {
    titel: o.title,
    omschrijving: o.description,
    leerdoelen: o.learningGoals,
    soort: o.activityKind,
    vorm: o.format,
    themas: o.themes,
    competenties: o.competencies,
    studielast: String(o.studyLoadHours).replace('.', ','),
    primairProces: o.primaryProcess ? 'ja' : '',
    master: o.master ? 'ja' : '',
    prijs: eurosText(o.priceCents),
    contactNaam: o.contactName,
    contactEmail: o.contactEmail,
  };
}

const fieldsCompared: [OfferingField, (o: OfferingFacts) => string][] = [
  ['titel', (o) => o.title],
  ['omschrijving', (o) => o.description],
  ['leerdoelen', (o) => o.learningGoals],
  ['soort', (o) => o.activityKind],
  ['vorm', (o) => o.format],
  ['themas', (o) => [...o.themes].sort().join('|')],
  ['competenties', (o) => [...o.competencies].sort().join('|')],
  ['studielast', (o) => String(o.studyLoadHours)],
  ['primairProces', (o) => String(o.primaryProcess)],
  ['master', (o) => String(o.master)],
  ['prijs', (o) => String(o.priceCents)],
  ['contactNaam', (o) => o.contactName],
  ['contactEmail', (o) => o.contactEmail],
];

/** How a history line names a field an answer changed (history lines are Dutch, like every stored reason). */
export const offeringFieldNames: Record<OfferingField, string> = {
  titel: 'titel',
  omschrijving: 'omschrijving',
  leerdoelen: 'leerdoelen',
  soort: 'soort activiteit',
  vorm: 'vorm',
  themas: "thema's",
  competenties: 'basiscompetenties',
  studielast: 'studielast',
  primairProces: 'primair proces',
  master: 'geaccrediteerde master',
  prijs: 'prijs',
  contactNaam: 'contactpersoon',
  contactEmail: 'e-mailadres contactpersoon',
};

/** Which fields an answer changed, by their form names, in form order. */
export function changedFields(before: OfferingFacts, after: OfferingFacts): OfferingField[] {
  return fieldsCompared.filter(([, value]) => value(before) !== value(after)).map(([field]) => field);
}

// ─── messages and the decision ───────────────────────────────────────────────────────────────────

/** A question or answer: 5 to 2000 characters. `whenEmpty`: what to ask for when nothing was written. */
export function checkMessage(raw: string, whenEmpty: MessageKey): { ok: true; text: string } | { ok: false; message: Message } {
  const text = trimmed(raw);
  if (text.length === 0) return { ok: false, message: says(whenEmpty) };
  if (text.length < offeringLimits.minMessage) return { ok: false, message: says('accreditation.error.messageTooShort', { min: offeringLimits.minMessage }) };
  if (text.length > offeringLimits.message)
    return { ok: false, message: says('accreditation.error.tooLong', { max: offeringLimits.message, length: text.length }) };
  return { ok: true, text };
}

export type DecisionForm = { besluit: string; punten: string; themas: string[]; geldigVanaf: string; geldigTot: string; motivering: string };
export type DecisionField = keyof DecisionForm;

export type Decision =
  | { kind: 'geaccrediteerd'; points: number; themes: string[]; validFrom: string; validUntil: string; motivation: string }
  | { kind: 'afgewezen'; motivation: string };

/** The end of the longest validity: six years after it starts. */
export const latestValidUntil = (validFrom: string) => addYears(validFrom, accreditationLimits.validityYears);

/** What the decision form shows before the member fills it in: valid from today for six years, the themes asked. */
export function defaultDecisionForm(today: string, askedThemes: string[]): DecisionForm {
  return { besluit: '', punten: '', themas: askedThemes, geldigVanaf: today, geldigTot: latestValidUntil(today), motivering: '' };
}

/**
 * The commission's decision: accredit with 10–100 points, themes from the framework (at least one), a
 * validity of at most six years that has not ended yet; or reject. Always with a motivation. An empty
 * "valid from" is today; an empty "valid until" is six years later.
 */
export function checkDecision(form: DecisionForm, context: { themes: string[]; today: string }): Checked<Decision, DecisionField> {
  const problems: Problem<DecisionField>[] = [];
  const problem = (field: DecisionField, key: MessageKey, params?: Record<string, string | number>) => problems.push({ field, message: says(key, params) });
  const motivation = checkMessage(form.motivering, 'accreditation.error.motivationEmpty');
  if (!motivation.ok) problems.push({ field: 'motivering', message: motivation.message });
  if (form.besluit !== 'accrediteren' && form.besluit !== 'afwijzen') {
    problem('besluit', 'accreditation.error.decisionChoose');
    return { ok: false, problems };
  }
  if (form.besluit === 'afwijzen') return motivation.ok ? { ok: true, value: { kind: 'afgewezen', motivation: motivation.text } } : { ok: false, problems };
  const pointsText = trimmed(form.punten);
  const points = /^\d{1,3}$/.test(pointsText) ? Number(pointsText) : NaN;
  if (!Number.isInteger(points) || points < accreditationLimits.minPoints || points > accreditationLimits.maxPoints) {
    problem('punten', 'accreditation.error.points', { min: accreditationLimits.minPoints, max: accreditationLimits.maxPoints });
  }
  const themes = [...new Set(form.themas)];
  if (themes.length === 0) problem('themas', 'accreditation.error.decisionThemesRequired');
  else if (themes.some((t) => !context.themes.includes(t))) problem('themas', 'accreditation.error.decisionThemesFromFramework');
  const validFrom = trimmed(form.geldigVanaf) ? parseDate(trimmed(form.geldigVanaf)) : context.today;
  if (!validFrom) problem('geldigVanaf', 'accreditation.error.startDate');
  const untilText = trimmed(form.geldigTot);
  const validUntil = untilText ? parseDate(untilText) : validFrom ? latestValidUntil(validFrom) : null;
  if (untilText && !validUntil) problem('geldigTot', 'accreditation.error.endDate');
  else if (validFrom && validUntil) {
    if (validUntil <= validFrom) problem('geldigTot', 'accreditation.error.endAfterStart');
    else if (validUntil > latestValidUntil(validFrom)) {
      problem('geldigTot', 'accreditation.error.validityTooLong', { years: accreditationLimits.validityYears, until: latestValidUntil(validFrom) });
    } else if (validUntil < context.today) problem('geldigTot', 'accreditation.error.endInPast');
  }
  if (problems.length > 0 || !motivation.ok) return { ok: false, problems };
  return { ok: true, value: { kind: 'geaccrediteerd', points, themes, validFrom: validFrom!, validUntil: validUntil!, motivation: motivation.text } };
}

// ─── the state machine ───────────────────────────────────────────────────────────────────────────

export const offeringStatuses = ['ingediend', 'in-behandeling', 'informatie-gevraagd', 'geaccrediteerd', 'afgewezen', 'ingetrokken'] as const;
export type OfferingStatus = (typeof offeringStatuses)[number];

/** Waiting for the commission or the provider: what the queue shows and a provider may withdraw. */
export const openStatuses: readonly OfferingStatus[] = ['ingediend', 'in-behandeling', 'informatie-gevraagd'];

export const isOfferingStatus = (value: unknown): value is OfferingStatus =>
  typeof value === 'string' && (offeringStatuses as readonly string[]).includes(value);

export type OfferingEvent = 'toewijzen' | 'informatie-vragen' | 'antwoorden' | 'accrediteren' | 'afwijzen' | 'intrekken';

export type OfferingTransition = { allowed: true; to: OfferingStatus } | { allowed: false; reason: Message };

const transitions: Record<OfferingStatus, Partial<Record<OfferingEvent, OfferingStatus>>> = {
  ingediend: { toewijzen: 'in-behandeling', intrekken: 'ingetrokken' },
  // register staff may give an offering in review to another member; the review goes on where it was
  'in-behandeling': {
    toewijzen: 'in-behandeling',
    'informatie-vragen': 'informatie-gevraagd',
    accrediteren: 'geaccrediteerd',
    afwijzen: 'afgewezen',
    intrekken: 'ingetrokken',
  },
  'informatie-gevraagd': { toewijzen: 'informatie-gevraagd', antwoorden: 'in-behandeling', intrekken: 'ingetrokken' },
  geaccrediteerd: {},
  afgewezen: {},
  ingetrokken: {},
};

/** Where `event` takes an offering in status `from`, or why not (a text key, for the person who tried). */
export function offeringTransition(from: OfferingStatus, event: OfferingEvent): OfferingTransition {
  const to = transitions[from][event];
  if (to) return { allowed: true, to };
  if (from === 'geaccrediteerd' || from === 'afgewezen') return { allowed: false, reason: says('accreditation.error.alreadyDecided') };
  if (from === 'ingetrokken') return { allowed: false, reason: says('accreditation.error.withdrawn') };
  switch (event) {
    case 'informatie-vragen':
      return from === 'ingediend'
        ? { allowed: false, reason: says('accreditation.error.assignFirst') }
        : { allowed: false, reason: says('accreditation.error.awaitingInformation') };
    case 'antwoorden':
      return { allowed: false, reason: says('accreditation.error.nothingToAnswer') };
    case 'accrediteren':
    case 'afwijzen':
      return from === 'ingediend'
        ? { allowed: false, reason: says('accreditation.error.assignFirst') }
        : { allowed: false, reason: says('accreditation.error.decideAfterAnswer') };
    default:
      return { allowed: false, reason: says('accreditation.error.stepNotAllowed') };
  }
}
