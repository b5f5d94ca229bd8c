import { describe, expect, it } from 'vitest';
import { readAs } from './texts.test-support.ts';
import { checkRuleForm, InvalidStoredRuleError, parsePeriods, ruleOfStoredVersion, ruleToForm, unitAndMinimumOf, type RuleForm } from './renewal-rule.rules.ts';
import { schoolLeaderPointsRule, schoolLeaderThemes, teacherHoursRule } from './reregistration.rules.ts';

const form: RuleForm = {
  eenheid: 'punten',
  cyclus: '5',
  minimumPunten: '60',
  perioden: '60:3, 80:4, 100:5, 120:6, 140:7',
  uren: '160',
  urenPrimairProces: '100',
  themas: '3',
  masterVolstaat: 'ja',
};

describe('the points brackets as typed', () => {
  it.each([
    [
      '60:3, 80:4, 100:5',
      [
        { from: 60, years: 3 },
        { from: 80, years: 4 },
        { from: 100, years: 5 },
      ],
    ],
    [
      '60 : 3;80=4\n100:5,',
      [
        { from: 60, years: 3 },
        { from: 80, years: 4 },
        { from: 100, years: 5 },
      ],
    ],
  ])('%j', (text, periods) => {
    expect(parsePeriods(text)).toEqual(periods);
  });

  it.each([
    ['', 'Geef de perioden als punten:jaren, bijvoorbeeld 60:3, 80:4, 100:5.'],
    ['60-3', '"60-3" is geen periode: schrijf punten:jaren, bijvoorbeeld 80:4.'],
    ['60:3, 60:4', 'Zet de perioden op volgorde van punten, van weinig naar veel, elk aantal één keer.'],
    ['80:4, 60:3', 'Zet de perioden op volgorde van punten, van weinig naar veel, elk aantal één keer.'],
    ['60:5, 80:3', 'Meer punten geven nooit een kortere periode.'],
    ['60:0', '60:0: een periode duurt 1 tot en met 10 jaar.'],
    ['0:3', '0 punten: een periode begint bij 1 tot en met 10.000 punten.'],
  ])('refuses %j', (text, message) => {
    expect(readAs(parsePeriods(text))).toBe(message);
  });
});

describe('the rule fields of a register version', () => {
  it('reads points: the minimum, the brackets, and the norm as the bracket of a whole cycle', () => {
    expect(checkRuleForm(form, 5)).toEqual({ ok: true, rule: schoolLeaderPointsRule });
  });

  it('reads hours over the cycle, and themes with or without a master', () => {
    expect(checkRuleForm({ ...form, eenheid: 'uren' }, 4)).toEqual({ ok: true, rule: teacherHoursRule });
    expect(checkRuleForm({ ...form, eenheid: 'themas' }, 4)).toEqual({
      ok: true,
      rule: { kind: 'themas', years: 4, minimumThemes: 3, themes: schoolLeaderThemes, masterSuffices: true },
    });
    expect(checkRuleForm({ ...form, eenheid: 'themas', masterVolstaat: '' }, 4)).toMatchObject({ ok: true, rule: { masterSuffices: false } });
  });

  it('reports each problem at its field, only for the kind chosen', () => {
    expect(checkRuleForm({ ...form, minimumPunten: '50' }, 5)).toEqual({
      ok: false,
      problems: [{ field: 'perioden', message: { key: 'register.error.firstPeriodAtMinimum', params: { minimum: '50' } } }],
    });
    expect(readAs(checkRuleForm({ ...form, minimumPunten: '50' }, 5))).toEqual({
      ok: false,
      problems: [{ field: 'perioden', message: 'De eerste periode begint bij het minimum: 50 punten.' }],
    });
    expect(readAs(checkRuleForm({ ...form, perioden: '60:3, 80:4' }, 5))).toEqual({
      ok: false,
      problems: [{ field: 'perioden', message: 'Geef ook de punten voor een volle cyclus van 5 jaar (de norm), bijvoorbeeld 100:5.' }],
    });
    expect(readAs(checkRuleForm({ ...form, minimumPunten: 'zestig', perioden: 'x' }, 5))).toEqual({
      ok: false,
      problems: [
        { field: 'minimumPunten', message: 'Het minimum is een heel aantal punten, van 1 tot en met 10.000.' },
        { field: 'perioden', message: '"x" is geen periode: schrijf punten:jaren, bijvoorbeeld 80:4.' },
      ],
    });
    expect(readAs(checkRuleForm({ ...form, eenheid: 'uren', uren: '', urenPrimairProces: '-1' }, 4))).toEqual({
      ok: false,
      problems: [
        { field: 'uren', message: 'Het aantal uren is een heel getal van 1 tot en met 10.000.' },
        { field: 'urenPrimairProces', message: 'Het aantal uren op het primaire proces is een heel getal van 0 tot en met 10.000.' },
      ],
    });
    expect(checkRuleForm({ ...form, eenheid: 'uren', uren: '100', urenPrimairProces: '120' }, 4)).toMatchObject({
      ok: false,
      problems: [{ field: 'urenPrimairProces' }],
    });
    expect(readAs(checkRuleForm({ ...form, eenheid: 'themas', themas: '9' }, 4))).toEqual({
      ok: false,
      problems: [{ field: 'themas', message: "Het aantal thema's is een heel getal van 1 tot en met 8." }],
    });
    expect(readAs(checkRuleForm({ ...form, eenheid: 'ects' }, 4))).toEqual({
      ok: false,
      problems: [{ field: 'eenheid', message: "Kies punten, uren of thema's." }],
    });
    // the other kinds' fields do not count
    expect(checkRuleForm({ ...form, uren: 'veel', themas: '' }, 5)).toMatchObject({ ok: true });
  });

  it('writes a rule back into the form it is typed in', () => {
    expect(checkRuleForm(ruleToForm(schoolLeaderPointsRule, 5), 5)).toEqual({ ok: true, rule: schoolLeaderPointsRule });
    expect(checkRuleForm(ruleToForm(teacherHoursRule, 4), 4)).toEqual({ ok: true, rule: teacherHoursRule });
    expect(ruleToForm({ kind: 'themas', years: 4, minimumThemes: 2, themes: schoolLeaderThemes, masterSuffices: false }, 4)).toMatchObject({
      eenheid: 'themas',
      themas: '2',
      masterVolstaat: '',
    });
  });

  it('keeps the unit and minimum columns filled: the kind, and the norm, hours or themes', () => {
    expect(unitAndMinimumOf(schoolLeaderPointsRule)).toEqual({ renewalUnit: 'punten', renewalMinimum: 100 });
    expect(unitAndMinimumOf(teacherHoursRule)).toEqual({ renewalUnit: 'uren', renewalMinimum: 160 });
  });
});

describe('the rule of a stored version', () => {
  it('is the stored rule, validated', () => {
    expect(ruleOfStoredVersion({ renewalRule: teacherHoursRule, renewalUnit: 'uren', renewalMinimum: 1, cycleYears: 9 })).toEqual(teacherHoursRule);
  });

  it('is read from unit and minimum when none is stored (the versions before rules were data)', () => {
    expect(ruleOfStoredVersion({ renewalRule: null, renewalUnit: 'punten', renewalMinimum: 100, cycleYears: 5 })).toEqual(schoolLeaderPointsRule);
    expect(ruleOfStoredVersion({ renewalRule: null, renewalUnit: 'uren', renewalMinimum: 160, cycleYears: 4 })).toEqual(teacherHoursRule);
  });

  it('refuses a stored value that is not a rule', () => {
    expect(() =>
      ruleOfStoredVersion(
        { renewalRule: { kind: 'punten', minimum: 60 }, renewalUnit: 'punten', renewalMinimum: 100, cycleYears: 5 },
        'Schoolleidersregister PO 3',
      ),
    ).toThrow(InvalidStoredRuleError);
    expect(() => ruleOfStoredVersion({ renewalRule: { ...teacherHoursRule, years: 0 }, renewalUnit: 'uren', renewalMinimum: 160, cycleYears: 4 })).toThrow(
      /ongeldig/,
    );
  });
});
