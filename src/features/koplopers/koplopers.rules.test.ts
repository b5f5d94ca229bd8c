import { describe, expect, it } from 'vitest';
import {
  approvalPercent,
  checkApplicationAnswers,
  checkEstimateModel,
  checkMove,
  checkThreshold,
  directoryCodeOf,
  estimateEffort,
  mayComplete,
  modelToForm,
  parseActivities,
  parseHours,
  type ApplicationForm,
  type EstimateModel,
} from './koplopers.rules.ts';

const model: EstimateModel = {
  baseHours: 4,
  perTenTeachersHours: 1.5,
  deliveryHours: { invoerscherm: 6, bestand: 3, koppeling: 2 },
  grondslagenNotMappedHours: 8,
  activities: [
    { code: 'voorlichting-voor-leraren', name: 'Voorlichting voor leraren', nameEn: 'Information meeting for teachers', hours: 2 },
    { code: 'begeleid-goedkeuren', name: 'Begeleid goedkeuren', nameEn: 'Guided approval session', hours: 3 },
    { code: 'meedenksessie', name: 'Meedenksessie', nameEn: 'Co-design session', hours: 2.5 },
  ],
};

describe('the effort estimate', () => {
  it('adds a line per factor: base, teachers per started ten, delivery method, grondslagen not mapped, each chosen activity', () => {
    const estimate = estimateEffort(model, {
      teachers: 23,
      deliveryMethod: 'invoerscherm',
      grondslagenMapped: false,
      activities: ['meedenksessie', 'voorlichting-voor-leraren'],
    });
    expect(estimate.lines.map((l) => [l.factor, l.hours])).toEqual([
      ['base', 4],
      ['teachers', 4.5],
      ['delivery', 6],
      ['grondslagen', 8],
      ['activity', 2],
      ['activity', 2.5],
    ]);
    expect(estimate.lines[1].params).toEqual({ teachers: 23, groups: 3 });
    expect(estimate.totalHours).toBe(27);
  });

  it('counts teachers per started ten: 10 is one group, 11 two', () => {
    const hoursFor = (teachers: number) =>
      estimateEffort(model, { teachers, deliveryMethod: 'bestand', grondslagenMapped: true, activities: [] }).lines.find((l) => l.factor === 'teachers')?.hours;
    expect(hoursFor(1)).toBe(1.5);
    expect(hoursFor(10)).toBe(1.5);
    expect(hoursFor(11)).toBe(3);
    expect(hoursFor(100)).toBe(15);
  });

  it('leaves out the grondslagen line when they are mapped, and activities the model does not know', () => {
    const estimate = estimateEffort(model, { teachers: 5, deliveryMethod: 'koppeling', grondslagenMapped: true, activities: ['onbekend'] });
    expect(estimate.lines.map((l) => l.factor)).toEqual(['base', 'teachers', 'delivery']);
    expect(estimate.totalHours).toBe(7.5);
  });

  it('adds tenths without drift', () => {
    const tenths: EstimateModel = { ...model, baseHours: 0.1, perTenTeachersHours: 0.2, deliveryHours: { invoerscherm: 0.1, bestand: 0.1, koppeling: 0.1 } };
    expect(estimateEffort(tenths, { teachers: 30, deliveryMethod: 'bestand', grondslagenMapped: true, activities: [] }).totalHours).toBe(0.8);
  });
});

describe('the estimate model as staff type it', () => {
  it('reads hours with a comma or a point, at most one decimal, up to 200', () => {
    expect(parseHours('1,5')).toBe(1.5);
    expect(parseHours(' 12.0 ')).toBe(12);
    expect(parseHours('0')).toBe(0);
    for (const bad of ['', '-1', '1,25', 'twee', '201', '1e2']) expect(parseHours(bad), bad).toBeNull();
  });

  it('reads activities one a line, "Naam | Name | uren", and names the first wrong line', () => {
    expect(parseActivities('Voorlichting voor leraren | Information meeting | 2\n\nMeedenksessie|Co-design session|1,5')).toEqual([
      { code: 'voorlichting-voor-leraren', name: 'Voorlichting voor leraren', nameEn: 'Information meeting', hours: 2 },
      { code: 'meedenksessie', name: 'Meedenksessie', nameEn: 'Co-design session', hours: 1.5 },
    ]);
    expect(parseActivities('')).toEqual([]);
    expect(parseActivities('Alleen een naam')).toMatchObject({ key: 'koplopers.error.activityShape', params: { line: '1' } });
    expect(parseActivities('A | B | 2\nSessie | Session | veel')).toMatchObject({ key: 'koplopers.error.activityName', params: { line: '1' } });
    expect(parseActivities('Sessie | Session | veel')).toMatchObject({ key: 'koplopers.error.activityHours', params: { line: '1' } });
    expect(parseActivities('Meedenk-sessie | One | 1\nMeedenk sessie | Two | 2')).toMatchObject({
      key: 'koplopers.error.activityDuplicate',
      params: { line: '2', earlier: '1' },
    });
  });

  it('turns a model into its form and back unchanged, and refuses that as a new version', () => {
    const form = { ...modelToForm(model), toelichting: 'Niets nieuws' };
    const checked = checkEstimateModel(form);
    expect(checked).toEqual({ ok: true, model, note: 'Niets nieuws' });
    expect(checkEstimateModel(form, model)).toMatchObject({ ok: false, problems: [{ field: 'basis', message: { key: 'koplopers.error.sameAsCurrent' } }] });
  });

  it('puts every problem at its field', () => {
    const checked = checkEstimateModel({ ...modelToForm(model), basis: 'x', koppeling: '', activiteiten: 'kapot', toelichting: '' });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.map((p) => p.field)).toEqual(['basis', 'koppeling', 'activiteiten', 'toelichting']);
  });
});

describe('the application', () => {
  const offer = { suppliers: ['leverancier-1'], activities: ['voorlichting-voor-leraren', 'meedenksessie'] };
  const form: ApplicationForm = {
    school: 'x',
    zoekSchool: '',
    naam: '  Anna   de Wit ',
    email: 'Anna@School.NL',
    telefoon: '',
    leraren: '23',
    aanlevering: 'koppeling',
    leverancier: 'leverancier-1',
    grondslagen: 'nee',
    activiteiten: ['meedenksessie'],
  };

  it('takes the answers cleaned: the name without extra spaces, the address in lower case, the activities in the model order', () => {
    expect(checkApplicationAnswers({ ...form, activiteiten: ['meedenksessie', 'voorlichting-voor-leraren'] }, offer)).toEqual({
      ok: true,
      answers: {
        contactName: 'Anna de Wit',
        contactEmail: 'anna@school.nl',
        contactPhone: null,
        teachers: 23,
        deliveryMethod: 'koppeling',
        supplierId: 'leverancier-1',
        grondslagenMapped: false,
        activities: ['voorlichting-voor-leraren', 'meedenksessie'],
      },
    });
  });

  it('asks for a supplier only with a delivery by the supplier', () => {
    expect(checkApplicationAnswers({ ...form, aanlevering: 'bestand', leverancier: '' }, offer)).toMatchObject({ ok: true, answers: { supplierId: null } });
    expect(checkApplicationAnswers({ ...form, leverancier: 'iets-anders' }, offer)).toMatchObject({
      ok: false,
      problems: [{ field: 'leverancier', message: { key: 'koplopers.error.supplier' } }],
    });
  });

  it('refuses each wrong answer at its field', () => {
    const checked = checkApplicationAnswers(
      { ...form, naam: 'A', email: 'geen-adres', telefoon: 'bel me', leraren: '0', aanlevering: 'post', grondslagen: '', activiteiten: ['verzonnen'] },
      offer,
    );
    expect(checked.ok).toBe(false);
    if (!checked.ok)
      expect(checked.problems.map((p) => p.field)).toEqual(['naam', 'email', 'telefoon', 'leraren', 'aanlevering', 'grondslagen', 'activiteiten']);
  });

  it('recognises a BRIN or a vestigingscode typed in the school field', () => {
    expect(directoryCodeOf(' 12ab ')).toBe('12AB');
    expect(directoryCodeOf('12AB01')).toBe('12AB01');
    expect(directoryCodeOf('De Regenboog')).toBeNull();
    expect(directoryCodeOf('12AB0')).toBeNull();
  });
});

describe('the pipeline', () => {
  it('counts the approval share in whole percent, rounded down', () => {
    expect(approvalPercent(9, 10)).toBe(90);
    expect(approvalPercent(899, 1000)).toBe(89);
    expect(approvalPercent(0, 0)).toBeNull();
  });

  it('offers step 6 from the threshold on, never without delivered employments', () => {
    expect(mayComplete({ approved: 9, delivered: 10 }, 90)).toBe(true);
    expect(mayComplete({ approved: 89, delivered: 100 }, 90)).toBe(false);
    expect(mayComplete({ approved: 0, delivered: 0 }, 1)).toBe(false);
    expect(mayComplete(null, 1)).toBe(false);
  });

  it('moves a card to any other step, to 6 only when completable', () => {
    expect(checkMove(2, 4, false)).toEqual({ ok: true, to: 4 });
    expect(checkMove(5, 3, false)).toEqual({ ok: true, to: 3 });
    expect(checkMove(5, 6, true)).toEqual({ ok: true, to: 6 });
    expect(checkMove(5, 6, false)).toMatchObject({ ok: false, message: { key: 'koplopers.error.stepNotYetComplete' } });
    expect(checkMove(3, 3, true)).toMatchObject({ ok: false, message: { key: 'koplopers.error.stepSame' } });
    expect(checkMove(3, 7, true)).toMatchObject({ ok: false, message: { key: 'koplopers.error.stepUnknown' } });
  });

  it('reads a threshold as a whole percentage from 1 to 100', () => {
    expect(checkThreshold('85')).toEqual({ ok: true, percent: 85 });
    expect(checkThreshold(' 100 %')).toEqual({ ok: true, percent: 100 });
    for (const bad of ['0', '101', '85,5', 'veel', '']) expect(checkThreshold(bad).ok, bad).toBe(false);
  });
});
