import { message, type Message } from '../../platform/i18n.ts';
import { addMonths, addYears } from '../../platform/dates/calendar.ts';

/**
 * The re-registration rules of domain.md section 3, as data, and the one pure engine that evaluates a
 * professional's activities against them. Dates are JJJJ-MM-DD.
 */

/** Schoolleidersregister PO (current): points; the total sets the next date. */
export type PointsRule = {
  kind: 'punten';
  /** the norm: this many points per so many years */
  norm: { points: number; years: number };
  /** fewer points than this since the last (re)registration is not enough */
  minimum: number;
  /** from how many points the next period lasts how many years; ascending, the first `from` is the minimum */
  periods: { from: number; years: number }[];
};

/** Lerarenregister (Registerleraar): hours within the period, part of them on the primary process. */
export type HoursRule = { kind: 'uren'; years: number; minimumHours: number; minimumPrimaryHours: number };

/** Schoolleidersregister PO (earlier): a number of the professionalisation themes, or an accredited master. */
export type ThemesRule = { kind: 'themas'; years: number; minimumThemes: number; themes: string[]; masterSuffices: boolean };

export type ReregistrationRule = PointsRule | HoursRule | ThemesRule;

export const schoolLeaderPointsRule: PointsRule = {
  kind: 'punten',
  norm: { points: 100, years: 5 },
  minimum: 60,
  periods: [
    { from: 60, years: 3 },
    { from: 80, years: 4 },
    { from: 100, years: 5 },
    { from: 120, years: 6 },
    { from: 140, years: 7 },
  ],
};

export const teacherHoursRule: HoursRule = { kind: 'uren', years: 4, minimumHours: 160, minimumPrimaryHours: 100 };

/** The eight professionaliseringsthema's of the Schoolleidersregister PO (the wildcard included). */
export const schoolLeaderThemes = [
  'Persoonlijk leiderschap',
  'Regie & strategie',
  'In relatie staan tot de omgeving',
  'Kennis- en kwaliteitsontwikkeling',
  'Omgaan met verschillen',
  'Leiding geven aan verandering',
  'Toekomstgericht onderwijs',
  'Wildcard',
];

export const schoolLeaderThemesRule: ThemesRule = { kind: 'themas', years: 4, minimumThemes: 3, themes: schoolLeaderThemes, masterSuffices: true };

/** One activity in a dossier, as far as the rules look at it. */
export type Activity = {
  /** when it was completed */
  date: string;
  points?: number;
  hours?: number;
  /** vakinhoudelijk, vakdidactisch or pedagogisch: the teachers' primary process */
  primaryProcess?: boolean;
  themes?: string[];
  /** an accredited master's programme, completed */
  accreditedMaster?: boolean;
};

/** The registration being renewed: from its (re)registration date to its end date (inclusive). */
export type Period = { since: string; until: string };

export type Evaluation = {
  met: boolean;
  unit: 'punten' | 'uren' | "thema's";
  /** what counts towards the rule, and what it asks */
  counted: number;
  needed: number;
  /** uren: the hours on the primary process, and the minimum for them */
  primary?: { counted: number; needed: number };
  /** punten: the points still missing to the norm (what a full period asks) */
  toNorm?: number;
  /** the end date of the next period if the rule is met now; a late re-registration does not move it */
  nextUntil: string | null;
};

/** The activities that count: completed from the (re)registration date up to and including `asOf`. */
const inWindow = (period: Period, asOf: string) => (a: Activity) => a.date >= period.since && a.date <= asOf;

/**
 * What the rules look at, summed over the activities that count. The nightly run has the database sum
 * these per professional (`reregistration.repo.ts`); a single dossier sums them here. Either way the
 * same `evaluateTotals` decides.
 */
export type Totals = { points: number; hours: number; primaryHours: number; themes: string[]; accreditedMaster: boolean };

export function totalsOf(activities: Activity[]): Totals {
  return {
    points: activities.reduce((sum, a) => sum + (a.points ?? 0), 0),
    hours: activities.reduce((sum, a) => sum + (a.hours ?? 0), 0),
    primaryHours: activities.filter((a) => a.primaryProcess).reduce((sum, a) => sum + (a.hours ?? 0), 0),
    themes: [...new Set(activities.flatMap((a) => a.themes ?? []))],
    accreditedMaster: activities.some((a) => a.accreditedMaster),
  };
}

/** Evaluates `rule` on the activities completed since the period began, as of `asOf` (the day of applying, or today). */
export function evaluateReregistration(rule: ReregistrationRule, period: Period, activities: Activity[], asOf: string): Evaluation {
  return evaluateTotals(rule, period, totalsOf(activities.filter(inWindow(period, asOf))));
}

/** Evaluates `rule` on the totals of the activities that count in `period`. */
export function evaluateTotals(rule: ReregistrationRule, period: Period, totals: Totals): Evaluation {
  switch (rule.kind) {
    case 'punten': {
      const counted = totals.points;
      const bracket = rule.periods.findLast((p) => counted >= p.from);
      const met = counted >= rule.minimum && bracket !== undefined;
      return {
        met,
        unit: 'punten',
        counted,
        needed: rule.minimum,
        toNorm: Math.max(0, rule.norm.points - counted),
        nextUntil: met ? addYears(period.until, bracket!.years) : null,
      };
    }
    case 'uren': {
      const met = totals.hours >= rule.minimumHours && totals.primaryHours >= rule.minimumPrimaryHours;
      return {
        met,
        unit: 'uren',
        counted: totals.hours,
        needed: rule.minimumHours,
        primary: { counted: totals.primaryHours, needed: rule.minimumPrimaryHours },
        nextUntil: met ? addYears(period.until, rule.years) : null,
      };
    }
    case 'themas': {
      const covered = totals.themes.filter((t) => rule.themes.includes(t)).length;
      const met = (rule.masterSuffices && totals.accreditedMaster) || covered >= rule.minimumThemes;
      return { met, unit: "thema's", counted: covered, needed: rule.minimumThemes, nextUntil: met ? addYears(period.until, rule.years) : null };
    }
  }
}

export type Standing = 'geregistreerd' | 'onder voorwaarden' | 'herregistratie verlopen';

/**
 * The date the lapse windows count from: the end of the period, or a granted postponement (uitstel).
 * The next period still runs on from the end of the period itself.
 */
export const lapseBase = (until: string, postponedUntil?: string | null) => (postponedUntil && postponedUntil > until ? postponedUntil : until);

/**
 * The public standing of a registration on `today`: six months onder voorwaarden after its end (or
 * after the postponement granted), then lapsed.
 */
export function standingOn(until: string, today: string, postponedUntil?: string | null): Standing {
  const base = lapseBase(until, postponedUntil);
  if (today <= base) return 'geregistreerd';
  return today <= addMonths(base, 6) ? 'onder voorwaarden' : 'herregistratie verlopen';
}

/** Reminders go this many months before the end of the period. */
export const reminderMonths = [6, 2];

/** The reminders due on `today` that were not sent yet (months before the end), most urgent last. */
export function remindersDue(until: string, today: string, sent: number[]): number[] {
  if (today > until) return [];
  return reminderMonths.filter((m) => !sent.includes(m) && today >= addMonths(until, -m));
}

export type NoticeKind = 'herinnering-6' | 'herinnering-2' | 'onder-voorwaarden' | 'verlopen';

/** A lapse is news for this long: the first run on an existing register does not mail everyone whose registration lapsed long ago. */
export const lapseNoticeMonths = 3;

/**
 * The one notice a registration is due on `asOf`, if any: the most urgent reminder before its end (a
 * run that missed the six-month one sends only the two-month one), the move to onder voorwaarden, or
 * the move to herregistratie verlopen. A postponement moves all of them to its date. Whether it was
 * sent before is the notices table's business (one row per registration, kind and period end).
 */
export function noticeDue(until: string, asOf: string, postponedUntil?: string | null): NoticeKind | null {
  const base = lapseBase(until, postponedUntil);
  if (asOf <= base) {
    const due = remindersDue(base, asOf, []);
    return due.length === 0 ? null : (`herinnering-${due.at(-1)}` as NoticeKind);
  }
  if (asOf <= addMonths(base, 6)) return asOf <= addMonths(base, lapseNoticeMonths) ? 'onder-voorwaarden' : null;
  return asOf <= addMonths(base, 6 + lapseNoticeMonths) ? 'verlopen' : null;
}

/** Herregistratie can be asked for from this many months before the end of the period. */
export const applyMonthsBefore = 12;

export type RenewalFacts = {
  until: string;
  postponedUntil: string | null;
  met: boolean;
  struckOff: boolean;
  openApplication: boolean;
};

/** Why the professional cannot ask for herregistratie now (a text key), or null when they can. */
export function reasonNotToApply(facts: RenewalFacts, asOf: string): Message | null {
  if (facts.struckOff) return message('register.error.applyStruckOff');
  if (facts.openApplication) return message('register.error.openApplication');
  const opens = addMonths(facts.until, -applyMonthsBefore);
  if (asOf < opens) return message('register.error.applyFrom', { date: opens });
  if (standingOn(facts.until, asOf, facts.postponedUntil) === 'herregistratie verlopen') {
    return message('register.error.applyLapsed');
  }
  if (!facts.met) return message('register.error.ruleNotMet');
  return null;
}

/** Postponement (uitstel): the grounds, and how far it may reach beyond the end of the period. */
export const postponementGrounds = ['ziekte', 'zwangerschap', 'mantelzorg', 'overig'] as const;
export type PostponementGround = (typeof postponementGrounds)[number];
export const postponementMaxMonths = 12;

/** The last date a postponement of a period ending `until` may reach. */
export const postponementLimit = (until: string) => addMonths(until, postponementMaxMonths);

/**
 * Why `date` cannot be the end of a postponement of the period ending `until` (a text key), or null.
 * `whose`: the professional reads "uw registratie", the commission "de registratie".
 */
export function reasonAgainstPostponementDate(date: string, until: string, today: string, whose: 'own' | 'theirs' = 'own'): Message | null {
  if (date <= until) return message(whose === 'own' ? 'register.error.postponementAfterEnd' : 'register.error.postponementAfterEndTheirs', { until });
  if (date > postponementLimit(until)) return message('register.error.postponementTooFar', { limit: postponementLimit(until) });
  if (date < today) return message('register.error.postponementPast');
  return null;
}

/**
 * The rule of a register version as the registers' pages store it today (a unit and a minimum over
 * the cycle): points with the Schoolleidersregister's periods, or hours with the Lerarenregister's
 * share on the primary process.
 */
export function ruleOfVersion(version: { renewalUnit: 'punten' | 'uren'; renewalMinimum: number; cycleYears: number }): ReregistrationRule {
  if (version.renewalUnit === 'punten') return { ...schoolLeaderPointsRule, norm: { points: version.renewalMinimum, years: version.cycleYears } };
  return { ...teacherHoursRule, years: version.cycleYears, minimumHours: version.renewalMinimum };
}

/**
 * How far the professional is, as one sentence (a text key), for the dossier page and the mails:
 * "Nog 35 punten nodig; …". The translator writes the numbers and days in the reader's language.
 */
export function describeProgress(e: Evaluation, period: Period): Message {
  const until = period.until;
  const next = e.nextUntil ?? period.until;
  switch (e.unit) {
    case 'punten':
      if (!e.met) return message('reregistration.progress.pointsShort', { short: e.needed - e.counted, needed: e.needed, until });
      if (e.toNorm) return message('reregistration.progress.pointsMetToNorm', { counted: e.counted, next, toNorm: e.toNorm });
      return message('reregistration.progress.pointsMet', { counted: e.counted, next });
    case 'uren': {
      if (e.met) return message('reregistration.progress.hoursMet', { counted: e.counted, primary: e.primary!.counted, next });
      // more primary-process hours count towards the total too: what is missing is the larger of the two
      const primaryShort = Math.max(0, e.primary!.needed - e.primary!.counted);
      const short = Math.max(e.needed - e.counted, primaryShort);
      if (primaryShort) return message('reregistration.progress.hoursShortPrimary', { short, primaryShort, until });
      return message('reregistration.progress.hoursShort', { short, until });
    }
    case "thema's":
      if (e.met) return message('reregistration.progress.themesMet', { next });
      return message('reregistration.progress.themesShort', { short: e.needed - e.counted, needed: e.needed, until });
  }
}
