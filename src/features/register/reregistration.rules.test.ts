import { describe, expect, it } from 'vitest';
import { readAs } from './texts.test-support.ts';
import { addDays, addMonths, addYears, isCalendarDate } from '../../platform/dates/calendar.ts';
import {
  describeProgress,
  evaluateReregistration,
  lapseBase,
  noticeDue,
  reasonAgainstPostponementDate,
  reasonNotToApply,
  remindersDue,
  ruleOfVersion,
  schoolLeaderPointsRule,
  schoolLeaderThemes,
  schoolLeaderThemesRule,
  standingOn,
  teacherHoursRule,
  type Activity,
} from './reregistration.rules.ts';

const period = { since: '2024-03-01', until: '2029-02-28' };
const asOf = '2028-12-01';
const pointsIn = (...points: number[]): Activity[] => points.map((p, i) => ({ date: `2025-0${(i % 9) + 1}-15`, points: p }));

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2028-02-29', 3, '2031-02-28'],
    ['2027-02-28', 1, '2028-02-28'],
    ['2026-12-31', 3, '2029-12-31'],
  ])('%s plus %i years is %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  it.each([
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2029-02-28', -6, '2028-08-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2027-01-31', -2, '2026-11-30'],
  ])('%s plus %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('knows a real date from one that only looks like it', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-13-01')).toBe(false);
  });
});

describe('the points rule (Schoolleidersregister PO)', () => {
  it.each([
    [59, false, null],
    [60, true, 3],
    [79, true, 3],
    [80, true, 4],
    [99, true, 4],
    [100, true, 5],
    [119, true, 5],
    [120, true, 6],
    [139, true, 6],
    [140, true, 7],
    [250, true, 7],
  ])('%i points: met %s, the next period %s years', (points, met, years) => {
    const result = evaluateReregistration(schoolLeaderPointsRule, period, pointsIn(points), asOf);
    expect(result).toMatchObject({ met, counted: points, needed: 60, toNorm: Math.max(0, 100 - points) });
    expect(result.nextUntil).toBe(years === null ? null : addYears(period.until, years));
  });

  it('adds up several activities, and counts only those since the (re)registration, up to the day of evaluation', () => {
    const activities: Activity[] = [
      { date: '2024-02-29', points: 50 }, // before the period
      { date: '2024-03-01', points: 30 }, // its first day counts
      { date: '2026-06-01', points: 30 },
      { date: '2028-12-02', points: 40 }, // after the day of evaluation
    ];
    expect(evaluateReregistration(schoolLeaderPointsRule, period, activities, asOf)).toMatchObject({ counted: 60, met: true });
  });

  it('a late re-registration does not move the next date: it runs from the end of the period, not from the day of applying', () => {
    const late = evaluateReregistration(schoolLeaderPointsRule, period, pointsIn(50, 50), '2029-05-01');
    expect(late.nextUntil).toBe('2034-02-28');
  });

  it('across a leap day: a period ending on 29 February runs to 28 February when the years land outside a leap year', () => {
    const leap = { since: '2023-03-01', until: '2028-02-29' };
    expect(evaluateReregistration(schoolLeaderPointsRule, leap, pointsIn(60), '2028-01-01').nextUntil).toBe('2031-02-28');
    expect(evaluateReregistration(schoolLeaderPointsRule, leap, pointsIn(80), '2028-01-01').nextUntil).toBe('2032-02-29');
  });
});

describe('the hours rule (Lerarenregister)', () => {
  const hours = (total: number, primary: number): Activity[] => [
    { date: '2025-01-10', hours: primary, primaryProcess: true },
    { date: '2026-01-10', hours: total - primary, primaryProcess: false },
  ];

  it.each([
    [160, 100, true],
    [160, 99, false],
    [159, 100, false],
    [200, 160, true],
    [300, 99, false],
  ])('%i hours of which %i on the primary process: met %s', (total, primary, met) => {
    const result = evaluateReregistration(teacherHoursRule, period, hours(total, primary), asOf);
    expect(result).toMatchObject({ met, counted: total, needed: 160, primary: { counted: primary, needed: 100 } });
    expect(result.nextUntil).toBe(met ? addYears(period.until, 4) : null);
  });
});

describe('the themes rule (Schoolleidersregister PO, earlier)', () => {
  const themes = (...names: string[]): Activity[] => names.map((t, i) => ({ date: `2026-0${i + 1}-01`, themes: [t] }));

  it.each([
    [[schoolLeaderThemes[0], schoolLeaderThemes[1]], false],
    [[schoolLeaderThemes[0], schoolLeaderThemes[1], schoolLeaderThemes[2]], true],
    [[schoolLeaderThemes[0], schoolLeaderThemes[0], schoolLeaderThemes[1]], false],
    [[schoolLeaderThemes[0], schoolLeaderThemes[1], 'Iets anders'], false],
  ])('themes %j: met %s', (names, met) => {
    expect(evaluateReregistration(schoolLeaderThemesRule, period, themes(...names), asOf).met).toBe(met);
  });

  it('an accredited master suffices on its own', () => {
    const result = evaluateReregistration(schoolLeaderThemesRule, period, [{ date: '2027-06-30', accreditedMaster: true }], asOf);
    expect(result).toMatchObject({ met: true, counted: 0, nextUntil: addYears(period.until, 4) });
  });
});

describe('standing and reminders', () => {
  it.each([
    ['2026-08-31', 'geregistreerd'],
    ['2026-09-01', 'onder voorwaarden'],
    ['2027-02-28', 'onder voorwaarden'],
    ['2027-03-01', 'herregistratie verlopen'],
  ])('a registration until 31 August 2026 is, on %s, %s', (today, standing) => {
    expect(standingOn('2026-08-31', today)).toBe(standing);
  });

  it('reminds six and two months before the end, each once, and not after it', () => {
    const until = '2029-02-28';
    expect(remindersDue(until, '2028-08-27', [])).toEqual([]);
    expect(remindersDue(until, '2028-08-28', [])).toEqual([6]);
    expect(remindersDue(until, '2028-12-28', [6])).toEqual([2]);
    expect(remindersDue(until, '2028-12-28', [])).toEqual([6, 2]);
    expect(remindersDue(until, '2029-01-15', [6, 2])).toEqual([]);
    expect(remindersDue(until, '2029-03-01', [])).toEqual([]);
  });
});

describe('the rule of a register version, and what the dossier says', () => {
  it('reads the unit and minimum the registers store', () => {
    expect(ruleOfVersion({ renewalUnit: 'punten', renewalMinimum: 100, cycleYears: 5 })).toEqual(schoolLeaderPointsRule);
    expect(ruleOfVersion({ renewalUnit: 'uren', renewalMinimum: 160, cycleYears: 4 })).toEqual(teacherHoursRule);
  });

  it('says in Dutch how far the professional is', () => {
    const short = evaluateReregistration(schoolLeaderPointsRule, period, pointsIn(25), asOf);
    expect(readAs(describeProgress(short, period))).toBe(
      'Nog 35 punten nodig voor herregistratie (ten minste 60); uw registratie loopt tot en met 28 februari 2029.',
    );
    const enough = evaluateReregistration(schoolLeaderPointsRule, period, pointsIn(45, 40), asOf);
    expect(readAs(describeProgress(enough, period))).toBe(
      '85 punten: genoeg voor herregistratie; de volgende periode loopt tot en met 28 februari 2033. Met nog 15 punten haalt u de norm.',
    );
    const hours = evaluateReregistration(teacherHoursRule, period, [{ date: '2025-01-01', hours: 120, primaryProcess: true }], asOf);
    expect(readAs(describeProgress(hours, period))).toBe('Nog 40 uren nodig; uw registratie loopt tot en met 28 februari 2029.');
    const primaryShort = evaluateReregistration(
      teacherHoursRule,
      period,
      [
        { date: '2025-01-01', hours: 170, primaryProcess: false },
        { date: '2025-02-01', hours: 90, primaryProcess: true },
      ],
      asOf,
    );
    expect(readAs(describeProgress(primaryShort, period))).toBe(
      'Nog 10 uren nodig, waarvan 10 op het primaire proces; uw registratie loopt tot en met 28 februari 2029.',
    );
  });

  it('says it in English to a reader in English', () => {
    const short = evaluateReregistration(schoolLeaderPointsRule, period, pointsIn(25), asOf);
    expect(readAs(describeProgress(short, period), 'en')).toBe(
      '35 more points needed for re-registration (at least 60); your registration runs until 28 February 2029 inclusive.',
    );
    const enough = evaluateReregistration(schoolLeaderPointsRule, period, pointsIn(45, 40), asOf);
    expect(readAs(describeProgress(enough, period), 'en')).toBe(
      '85 points: enough for re-registration; the next period runs until 28 February 2033 inclusive. With 15 more points you reach the norm.',
    );
    const hours = evaluateReregistration(teacherHoursRule, period, [{ date: '2025-01-01', hours: 120, primaryProcess: true }], asOf);
    expect(readAs(describeProgress(hours, period), 'en')).toBe('40 more hours needed; your registration runs until 28 February 2029 inclusive.');
  });
});

describe('uitstel, notices and when one can apply', () => {
  const until = '2026-08-31';

  it('counts the lapse windows from a granted postponement, not from the end of the period', () => {
    expect(standingOn(until, '2026-10-01', '2026-12-31')).toBe('geregistreerd');
    expect(standingOn(until, '2027-01-01', '2026-12-31')).toBe('onder voorwaarden');
    expect(standingOn(until, '2027-06-30', '2026-12-31')).toBe('onder voorwaarden');
    expect(standingOn(until, '2027-07-01', '2026-12-31')).toBe('herregistratie verlopen');
    expect(lapseBase(until, null)).toBe(until);
    expect(lapseBase(until, '2026-12-31')).toBe('2026-12-31');
  });

  it.each([
    ['2026-02-27', null, null],
    ['2026-02-28', null, 'herinnering-6'],
    ['2026-06-29', null, 'herinnering-6'],
    ['2026-06-30', null, 'herinnering-2'],
    ['2026-08-31', null, 'herinnering-2'],
    ['2026-09-01', null, 'onder-voorwaarden'],
    ['2026-11-30', null, 'onder-voorwaarden'],
    // later than three months: the move is no news any more; the next is verlopen
    ['2026-12-01', null, null],
    ['2027-03-01', null, 'verlopen'],
    ['2027-05-31', null, 'verlopen'],
    ['2027-06-01', null, null],
    // postponed until the end of the year: no lapse notice before it, reminders towards it
    ['2026-09-01', '2026-12-31', 'herinnering-6'],
    ['2026-11-01', '2026-12-31', 'herinnering-2'],
    ['2027-01-01', '2026-12-31', 'onder-voorwaarden'],
  ])('a registration until 31 August 2026 (postponed until %s) is due on %s: %s', (asOf, postponed, notice) => {
    expect(noticeDue(until, asOf, postponed)).toBe(notice);
  });

  const facts = { until, postponedUntil: null, met: true, struckOff: false, openApplication: false };
  it.each([
    [facts, '2026-08-01', null],
    [facts, '2025-08-31', null],
    [facts, '2025-08-30', 'U kunt herregistratie aanvragen vanaf 31 augustus 2025: twaalf maanden voor het einde van uw registratie.'],
    [facts, '2027-02-28', null],
    [facts, '2027-03-01', 'Uw herregistratie is verlopen: vraag opnieuw registratie aan.'],
    [{ ...facts, postponedUntil: '2026-12-31' }, '2027-03-01', null],
    [{ ...facts, met: false }, '2026-08-01', 'U voldoet nog niet aan de regel voor herregistratie.'],
    [{ ...facts, openApplication: true }, '2026-08-01', 'U hebt al een aanvraag in behandeling bij de Commissie Registratie.'],
    [
      { ...facts, struckOff: true },
      '2026-08-01',
      'Uw inschrijving is doorgehaald: herregistratie aanvragen kan niet. Neem contact op met het Beroepsregister Onderwijs.',
    ],
  ])('%j on %s: %s', (f, asOf, reason) => {
    expect(readAs(reasonNotToApply(f, asOf))).toBe(reason);
  });

  it('a postponement ends after the period, at most twelve months after it, and not in the past', () => {
    expect(reasonAgainstPostponementDate('2026-08-31', until, '2026-06-01')).toEqual({
      key: 'register.error.postponementAfterEnd',
      params: { until: '2026-08-31' },
    });
    expect(readAs(reasonAgainstPostponementDate('2026-08-31', until, '2026-06-01'))).toBe(
      'Uitstel loopt tot een datum na het einde van uw registratie (31 augustus 2026).',
    );
    expect(reasonAgainstPostponementDate('2026-09-01', until, '2026-06-01')).toBeNull();
    expect(reasonAgainstPostponementDate('2027-08-31', until, '2026-06-01')).toBeNull();
    expect(readAs(reasonAgainstPostponementDate('2027-09-01', until, '2026-06-01'))).toBe(
      'Uitstel kan tot ten hoogste twaalf maanden na het einde van de registratie: tot en met 31 augustus 2027.',
    );
    expect(readAs(reasonAgainstPostponementDate('2026-10-01', until, '2026-11-01'))).toBe('Uitstel loopt tot een datum die nog moet komen.');
  });

  it('the next period starts the day after the end, across months and leap days', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
