import { z } from 'zod';
import { message, type Message } from '../../platform/i18n.ts';
import { ruleOfVersion, schoolLeaderThemes, schoolLeaderThemesRule, type ReregistrationRule } from './reregistration.rules.ts';

/**
 * A register version's re-registration rule as data (`register_versions.renewal_rule`): what register
 * staff type in the version form, checked, and what the engine reads back, validated again, for a
 * stored value is only trusted once it has the shape the engine expects.
 */

const whole = (min: number, max: number) => z.number().int().min(min).max(max);

export const reregistrationRuleSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('punten'),
    norm: z.object({ points: whole(1, 10_000), years: whole(1, 10) }),
    minimum: whole(1, 10_000),
    periods: z
      .array(z.object({ from: whole(1, 10_000), years: whole(1, 10) }))
      .min(1)
      .max(20),
  }),
  z.object({ kind: z.literal('uren'), years: whole(1, 10), minimumHours: whole(1, 10_000), minimumPrimaryHours: whole(0, 10_000) }),
  z.object({
    kind: z.literal('themas'),
    years: whole(1, 10),
    minimumThemes: whole(1, 50),
    themes: z.array(z.string().min(1).max(200)).min(1).max(50),
    masterSuffices: z.boolean(),
  }),
]);

export class InvalidStoredRuleError extends Error {}

/** A version as stored: the whole rule when there is one, else its unit and minimum (the versions before rules were data). */
export type StoredVersion = { renewalRule: unknown; renewalUnit: string; renewalMinimum: number; cycleYears: number };

/** The rule of a stored register version; a stored rule that is not a valid rule is an error, never guessed around. */
export function ruleOfStoredVersion(version: StoredVersion, versionLabel = ''): ReregistrationRule {
  if (version.renewalRule === null || version.renewalRule === undefined) {
    if (version.renewalUnit === 'themas') return { ...schoolLeaderThemesRule, years: version.cycleYears, minimumThemes: version.renewalMinimum };
    return ruleOfVersion({
      renewalUnit: version.renewalUnit === 'uren' ? 'uren' : 'punten',
      renewalMinimum: version.renewalMinimum,
      cycleYears: version.cycleYears,
    });
  }
  const parsed = reregistrationRuleSchema.safeParse(version.renewalRule);
  if (!parsed.success)
    throw new InvalidStoredRuleError(`De herregistratieregel van registerversie ${versionLabel} is ongeldig: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/** The rule's fields in the register version form, as typed. */
export type RuleForm = {
  eenheid: string;
  cyclus: string;
  /** punten: fewer than this is not enough */
  minimumPunten: string;
  /** punten: "60:3, 80:4, 100:5": from so many points, the next period lasts so many years */
  perioden: string;
  /** uren: the hours within the cycle, and those on the primary process */
  uren: string;
  urenPrimairProces: string;
  /** themas: how many of the themes, and whether an accredited master suffices */
  themas: string;
  masterVolstaat: string;
};

export type RuleField = keyof RuleForm;
export type RuleProblem = { field: RuleField; message: Message };

function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= min && n <= max ? n : null;
}

/** "60:3, 80:4, 100:5" (a semicolon, a space or a new line between them as well): ascending points, each with years. */
export function parsePeriods(text: string): { from: number; years: number }[] | Message {
  const parts = text
    .split(/[,;\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return message('register.error.periodsMissing');
  if (parts.length > 20) return message('register.error.periodsTooMany');
  const periods: { from: number; years: number }[] = [];
  for (const part of parts) {
    const match = /^(\d{1,5})\s*[:=]\s*(\d{1,2})$/.exec(part);
    if (!match) return message('register.error.periodInvalid', { part: part.slice(0, 20) });
    const [from, years] = [Number(match[1]), Number(match[2])];
    if (from < 1 || from > 10_000) return message('register.error.periodPointsRange', { from: String(from) });
    if (years < 1 || years > 10) return message('register.error.periodYearsRange', { from: String(from), years: String(years) });
    periods.push({ from, years });
  }
  for (let i = 1; i < periods.length; i++) {
    if (periods[i].from <= periods[i - 1].from) return message('register.error.periodsOrder');
    if (periods[i].years < periods[i - 1].years) return message('register.error.periodsShorter');
  }
  return periods;
}

export const periodsToText = (periods: { from: number; years: number }[]) => periods.map((p) => `${p.from}:${p.years}`).join(', ');

/**
 * Checks the rule fields of a new register version. The cycle is the norm's period for points, and
 * the period of the hours and themes rules. For points, the first period begins at the minimum and
 * one period lasts a whole cycle: its points are the norm.
 */
export function checkRuleForm(form: RuleForm, cycleYears: number | null): { ok: true; rule: ReregistrationRule } | { ok: false; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  const problem = (field: RuleField, text: Message) => problems.push({ field, message: text });
  switch (form.eenheid) {
    case 'punten': {
      const minimum = wholeNumber(form.minimumPunten, 1, 10_000);
      if (minimum === null) problem('minimumPunten', message('register.error.minimumPoints'));
      const periods = parsePeriods(form.perioden);
      if (!Array.isArray(periods)) problem('perioden', periods);
      else if (minimum !== null && periods[0].from !== minimum)
        problem('perioden', message('register.error.firstPeriodAtMinimum', { minimum: String(minimum) }));
      const norm = !Array.isArray(periods) || cycleYears === null ? undefined : periods.find((p) => p.years === cycleYears);
      if (Array.isArray(periods) && cycleYears !== null && !norm) {
        problem('perioden', message('register.error.periodsNorm', { years: String(cycleYears) }));
      }
      if (problems.length > 0 || cycleYears === null) return { ok: false, problems };
      return {
        ok: true,
        rule: { kind: 'punten', norm: { points: norm!.from, years: cycleYears }, minimum: minimum!, periods: periods as { from: number; years: number }[] },
      };
    }
    case 'uren': {
      const hours = wholeNumber(form.uren, 1, 10_000);
      if (hours === null) problem('uren', message('register.error.hoursRange'));
      const primary = wholeNumber(form.urenPrimairProces, 0, 10_000);
      if (primary === null) problem('urenPrimairProces', message('register.error.primaryHoursRange'));
      else if (hours !== null && primary > hours) problem('urenPrimairProces', message('register.error.primaryMoreThanTotal', { hours: String(hours) }));
      if (problems.length > 0 || cycleYears === null) return { ok: false, problems };
      return { ok: true, rule: { kind: 'uren', years: cycleYears, minimumHours: hours!, minimumPrimaryHours: primary! } };
    }
    case 'themas': {
      const themes = wholeNumber(form.themas, 1, schoolLeaderThemes.length);
      if (themes === null) problem('themas', message('register.error.themesRange', { max: String(schoolLeaderThemes.length) }));
      if (problems.length > 0 || cycleYears === null) return { ok: false, problems };
      return {
        ok: true,
        rule: { kind: 'themas', years: cycleYears, minimumThemes: themes!, themes: [...schoolLeaderThemes], masterSuffices: form.masterVolstaat === 'ja' },
      };
    }
    default:
      return { ok: false, problems: [{ field: 'eenheid', message: message('register.error.chooseUnit') }] };
  }
}

/** The rule as the form shows it, to start a new version from; the other kinds' fields get the domain's values. */
export function ruleToForm(rule: ReregistrationRule, cycleYears: number): RuleForm {
  const form: RuleForm = {
    eenheid: rule.kind,
    cyclus: String(cycleYears),
    minimumPunten: '60',
    perioden: '60:3, 80:4, 100:5, 120:6, 140:7',
    uren: '160',
    urenPrimairProces: '100',
    themas: '3',
    masterVolstaat: 'ja',
  };
  switch (rule.kind) {
    case 'punten':
      return { ...form, minimumPunten: String(rule.minimum), perioden: periodsToText(rule.periods) };
    case 'uren':
      return { ...form, uren: String(rule.minimumHours), urenPrimairProces: String(rule.minimumPrimaryHours) };
    case 'themas':
      return { ...form, themas: String(rule.minimumThemes), masterVolstaat: rule.masterSuffices ? 'ja' : '' };
  }
}

/** What the version's `renewal_unit` and `renewal_minimum` columns hold for a rule: its kind, and the norm, hours or themes per cycle. */
export function unitAndMinimumOf(rule: ReregistrationRule): { renewalUnit: ReregistrationRule['kind']; renewalMinimum: number } {
  switch (rule.kind) {
    case 'punten':
      return { renewalUnit: 'punten', renewalMinimum: rule.norm.points };
    case 'uren':
      return { renewalUnit: 'uren', renewalMinimum: rule.minimumHours };
    case 'themas':
      return { renewalUnit: 'themas', renewalMinimum: rule.minimumThemes };
  }
}
