import { parseDate } from '../../platform/dates/calendar.ts';
import { message, type Message, type MessageKey } from '../../platform/i18n.ts';

/** What a professional can record as professional development (domain.md section 4). */
export const activityKinds = ['opleiding', 'cursus', 'studiedag', 'conferentie', 'intervisie', 'zelfstudie', 'informeel-leren'] as const;
export type ActivityKind = (typeof activityKinds)[number];

/**
 * The names an activity can carry: the themes and competencies of the reference framework's current
 * version, plus those the activity already has (a new version does not take them away).
 */
export type ActivityChoices = { themes: readonly string[]; competencies: readonly string[] };

export const activityLimits = { title: 200, provider: 200, text: 2000, hours: 2000 };

/** The form as posted: every field a string, the themes and competencies lists. */
export type ActivityForm = {
  soort: string;
  titel: string;
  aanbieder: string;
  begindatum: string;
  einddatum: string;
  uren: string;
  primairProces: string;
  themas: string[];
  competenties: string[];
  leerdoelen: string;
  reflectie: string;
  bewijs: string;
};

export type ActivityFacts = {
  kind: ActivityKind;
  title: string;
  provider: string | null;
  startedOn: string;
  completedOn: string;
  hours: number;
  primaryProcess: boolean;
  themes: string[];
  competencies: string[];
  learningGoals: string | null;
  reflection: string | null;
  evidenceId: string | null;
};

/** A problem at a field, as a text key: the page says it in the reader's language. */
export type ActivityProblem = { field: keyof ActivityForm; message: Message };

/**
 * Why the professional cannot change or remove an activity, if they cannot: it came from accredited
 * offering, assessors valued it afterwards, or a valuation is asked (withdrawing it frees the activity).
 */
export type ActivityLock = 'aanbod' | 'gewaardeerd' | 'waardering-aangevraagd';

export function lockOf(activity: { source: string; points: number | null }, valuationOpen: boolean): ActivityLock | null {
  if (activity.source !== 'eigen') return 'aanbod';
  if (activity.points !== null) return 'gewaardeerd';
  return valuationOpen ? 'waardering-aangevraagd' : null;
}

export const lockMessages: Record<ActivityLock, Message> = {
  aanbod: message('dossier.error.lockedOffering'),
  gewaardeerd: message('dossier.error.lockedValued'),
  'waardering-aangevraagd': message('dossier.error.lockedValuationOpen'),
};

const optional = (text: string) => (text.trim() ? text.trim() : null);

/**
 * An activity as the professional typed it; every problem at its field, as a text key. `today` is JJJJ-MM-DD.
 * Limits are given as text, not numbers, so that the Dutch reads "2000" as it always did (not "2.000").
 */
export function checkActivity(
  form: ActivityForm,
  today: string,
  choices: ActivityChoices,
): { ok: true; facts: ActivityFacts } | { ok: false; problems: ActivityProblem[] } {
  const problems: ActivityProblem[] = [];
  const problem = (field: keyof ActivityForm, key: MessageKey, params?: Record<string, string>) => problems.push({ field, message: message(key, params) });
  const kind = (activityKinds as readonly string[]).includes(form.soort) ? (form.soort as ActivityKind) : null;
  if (!kind) problem('soort', 'dossier.error.kind');
  const title = form.titel.trim();
  if (title.length < 2 || title.length > activityLimits.title) problem('titel', 'dossier.error.title', { max: String(activityLimits.title) });
  const provider = optional(form.aanbieder);
  if (provider && provider.length > activityLimits.provider) problem('aanbieder', 'dossier.error.providerTooLong', { max: String(activityLimits.provider) });
  const startedOn = parseDate(form.begindatum.trim());
  const completedOn = parseDate(form.einddatum.trim());
  if (!startedOn) problem('begindatum', 'dossier.error.startDate');
  if (!completedOn) problem('einddatum', 'dossier.error.endDate');
  else if (completedOn > today) problem('einddatum', 'dossier.error.endInFuture');
  else if (startedOn && completedOn < startedOn) problem('einddatum', 'dossier.error.endBeforeStart');
  if (startedOn && startedOn < '2000-01-01') problem('begindatum', 'dossier.error.startTooEarly');
  const hours = Number(form.uren.trim().replace(',', '.'));
  if (!form.uren.trim() || !Number.isFinite(hours) || hours <= 0 || hours > activityLimits.hours || Math.round(hours * 10) !== hours * 10) {
    problem('uren', 'dossier.error.hours', { max: String(activityLimits.hours) });
  }
  const themes = [...new Set(form.themas)];
  if (themes.some((t) => !choices.themes.includes(t))) problem('themas', 'dossier.error.themesFromList');
  const competencies = [...new Set(form.competenties)];
  if (competencies.some((c) => !choices.competencies.includes(c))) problem('competenties', 'dossier.error.competenciesFromList');
  const learningGoals = optional(form.leerdoelen);
  const reflection = optional(form.reflectie);
  if (learningGoals && learningGoals.length > activityLimits.text)
    problem('leerdoelen', 'dossier.error.textTooLong', { max: String(activityLimits.text), length: String(learningGoals.length) });
  if (reflection && reflection.length > activityLimits.text)
    problem('reflectie', 'dossier.error.textTooLong', { max: String(activityLimits.text), length: String(reflection.length) });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    facts: {
      kind: kind!,
      title,
      provider,
      startedOn: startedOn!,
      completedOn: completedOn!,
      hours,
      primaryProcess: form.primairProces === 'ja',
      themes,
      competencies,
      learningGoals,
      reflection,
      evidenceId: optional(form.bewijs),
    },
  };
}
