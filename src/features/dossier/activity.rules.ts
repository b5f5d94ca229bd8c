import { parseDate } from '../deliveries/delivery-format.rules.ts';
import { schoolLeaderThemes } from '../reregistration/reregistration.rules.ts';

/** What a professional can record as professional development (domain.md section 4). */
export const activityKinds = ['opleiding', 'cursus', 'studiedag', 'conferentie', 'intervisie', 'zelfstudie', 'informeel-leren'] as const;
export type ActivityKind = (typeof activityKinds)[number];

/** The themes an activity can be on: the professionaliseringsthema's, until the reference framework is data. */
export const activityThemes = schoolLeaderThemes;

export const activityLimits = { title: 200, provider: 200, text: 2000, hours: 2000 };

/** The form as posted: every field a string, the themes a list. */
export type ActivityForm = {
  soort: string; titel: string; aanbieder: string; begindatum: string; einddatum: string; uren: string;
  primairProces: string; themas: string[]; leerdoelen: string; reflectie: string; bewijs: string;
};

export type ActivityFacts = {
  kind: ActivityKind; title: string; provider: string | null; startedOn: string; completedOn: string; hours: number;
  primaryProcess: boolean; themes: string[]; learningGoals: string | null; reflection: string | null; evidenceId: string | null;
};

export type ActivityProblem = { field: keyof ActivityForm; message: string };

const optional = (text: string) => (text.trim() ? text.trim() : null);

/** An activity as the professional typed it; every problem at its field, in Dutch. `today` is JJJJ-MM-DD. */
export function checkActivity(form: ActivityForm, today: string): { ok: true; facts: ActivityFacts } | { ok: false; problems: ActivityProblem[] } {
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
  if (themes.some((t) => !activityThemes.includes(t))) problem('themas', 'Kies alleen thema\'s uit de lijst.');
  const learningGoals = optional(form.leerdoelen);
  const reflection = optional(form.reflectie);
  if (learningGoals && learningGoals.length > activityLimits.text) problem('leerdoelen', `Ten hoogste ${activityLimits.text} tekens; u schreef er ${learningGoals.length}.`);
  if (reflection && reflection.length > activityLimits.text) problem('reflectie', `Ten hoogste ${activityLimits.text} tekens; u schreef er ${reflection.length}.`);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    facts: {
      kind: kind!, title, provider, startedOn: startedOn!, completedOn: completedOn!, hours, primaryProcess: form.primairProces === 'ja',
      themes, learningGoals, reflection, evidenceId: optional(form.bewijs),
    },
  };
}
