import { parseDate } from '../../platform/dates/calendar.ts';

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
  soort: string; titel: string; aanbieder: string; begindatum: string; einddatum: string; uren: string;
  primairProces: string; themas: string[]; competenties: string[]; leerdoelen: string; reflectie: string; bewijs: string;
};

export type ActivityFacts = {
  kind: ActivityKind; title: string; provider: string | null; startedOn: string; completedOn: string; hours: number;
  primaryProcess: boolean; themes: string[]; competencies: string[]; learningGoals: string | null; reflection: string | null; evidenceId: string | null;
};

export type ActivityProblem = { field: keyof ActivityForm; message: string };

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

export const lockMessages: Record<ActivityLock, string> = {
  aanbod: 'Deze activiteit komt uit geaccrediteerd aanbod: u kunt haar niet wijzigen of verwijderen.',
  gewaardeerd: 'Deze activiteit is achteraf gewaardeerd: u kunt haar niet meer wijzigen of verwijderen.',
  'waardering-aangevraagd': 'U hebt een waardering aangevraagd voor deze activiteit: trek de aanvraag in als u haar wilt wijzigen of verwijderen.',
};

const optional = (text: string) => (text.trim() ? text.trim() : null);

/** An activity as the professional typed it; every problem at its field, in Dutch. `today` is JJJJ-MM-DD. */
export function checkActivity(form: ActivityForm, today: string, choices: ActivityChoices): { ok: true; facts: ActivityFacts } | { ok: false; problems: ActivityProblem[] } {
  const problems: ActivityProblem[] = [];
  const problem = (field: keyof ActivityForm, message: string) => problems.push({ field, message });
  const kind = (activityKinds as readonly string[]).includes(form.soort) ? (form.soort as ActivityKind) : null;
  if (!kind) problem('soort', 'Kies wat voor activiteit het was.');
  const title = form.titel.trim();
  if (title.length < 2 || title.length > activityLimits.title) problem('titel', `Geef de activiteit een naam (2 tot ${activityLimits.title} tekens).`);
  const provider = optional(form.aanbieder);
  if (provider && provider.length > activityLimits.provider) problem('aanbieder', `Ten hoogste ${activityLimits.provider} tekens.`);
  const startedOn = parseDate(form.begindatum.trim());
  const completedOn = parseDate(form.einddatum.trim());
  if (!startedOn) problem('begindatum', 'Geef de begindatum als JJJJ-MM-DD of DD-MM-JJJJ.');
  if (!completedOn) problem('einddatum', 'Geef de einddatum als JJJJ-MM-DD of DD-MM-JJJJ.');
  else if (completedOn > today) problem('einddatum', 'Een activiteit telt mee als ze is afgerond: de einddatum ligt niet na vandaag.');
  else if (startedOn && completedOn < startedOn) problem('einddatum', 'De einddatum ligt niet vóór de begindatum.');
  if (startedOn && startedOn < '2000-01-01') problem('begindatum', 'De begindatum ligt na 1 januari 2000.');
  const hours = Number(form.uren.trim().replace(',', '.'));
  if (!form.uren.trim() || !Number.isFinite(hours) || hours <= 0 || hours > activityLimits.hours || Math.round(hours * 10) !== hours * 10) {
    problem('uren', `Geef het aantal uren: meer dan 0, ten hoogste ${activityLimits.hours}, in halve of tiende uren (bijvoorbeeld 2,5).`);
  }
  const themes = [...new Set(form.themas)];
  if (themes.some((t) => !choices.themes.includes(t))) problem('themas', 'Kies alleen thema\'s uit de lijst.');
  const competencies = [...new Set(form.competenties)];
  if (competencies.some((c) => !choices.competencies.includes(c))) problem('competenties', 'Kies alleen basiscompetenties uit de lijst.');
  const learningGoals = optional(form.leerdoelen);
  const reflection = optional(form.reflectie);
  if (learningGoals && learningGoals.length > activityLimits.text) problem('leerdoelen', `Ten hoogste ${activityLimits.text} tekens; u schreef er ${learningGoals.length}.`);
  if (reflection && reflection.length > activityLimits.text) problem('reflectie', `Ten hoogste ${activityLimits.text} tekens; u schreef er ${reflection.length}.`);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    facts: {
      kind: kind!, title, provider, startedOn: startedOn!, completedOn: completedOn!, hours, primaryProcess: form.primairProces === 'ja',
      themes, competencies, learningGoals, reflection, evidenceId: optional(form.bewijs),
    },
  };
}
