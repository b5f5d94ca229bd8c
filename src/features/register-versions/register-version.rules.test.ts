import { describe, expect, it } from 'vitest';
import '../../../tests/support/texts.ts';
import { translateMessage } from '../../platform/i18n.ts';
import { checkRegisterVersion, levelsToText, type RegisterVersionForm } from './register-version.rules.ts';

/** The problems as a Dutch reader sees them. */
const dutch = (result: ReturnType<typeof checkRegisterVersion>) =>
  result.ok ? [] : result.problems.map((p) => ({ field: p.field, message: translateMessage('nl', p.message) }));

const rule = { minimumPunten: '60', perioden: '60:3, 80:4, 100:5, 120:6, 140:7', uren: '', urenPrimairProces: '', themas: '', masterVolstaat: '' };
const valid: RegisterVersionForm = {
  niveaus: 'RDO; niveau 1; Ten minste 15 ECTS basisbekwaam\nRDO; niveau 2; Ten minste 30 ECTS; vakbekwaam',
  cyclus: '5',
  eenheid: 'punten',
  ...rule,
  tarief: '45,50',
  toelichting: 'Nieuw tarief per 2027',
};

describe('a new version of a register', () => {
  it('is read from the form: levels one per line, the fee in cents', () => {
    expect(checkRegisterVersion(valid)).toEqual({
      ok: true,
      input: {
        levels: [
          { title: 'RDO', level: 'niveau 1', criteria: 'Ten minste 15 ECTS basisbekwaam' },
          { title: 'RDO', level: 'niveau 2', criteria: 'Ten minste 30 ECTS; vakbekwaam' },
        ],
        cycleYears: 5,
        renewalUnit: 'punten',
        renewalMinimum: 100,
        feeCents: 4550,
        note: 'Nieuw tarief per 2027',
        renewalRule: {
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
        },
      },
    });
  });

  it('writes levels back in the form they are typed', () => {
    const result = checkRegisterVersion(valid);
    expect(result.ok && levelsToText(result.input.levels)).toBe(
      'RDO; niveau 1; Ten minste 15 ECTS basisbekwaam\nRDO; niveau 2; Ten minste 30 ECTS; vakbekwaam',
    );
  });

  it('reports every problem at its field, as a text key', () => {
    expect(checkRegisterVersion({ ...rule, niveaus: 'RDO; niveau 1', cyclus: '0', eenheid: 'punten', tarief: '-1', toelichting: '' })).toEqual({
      ok: false,
      problems: [
        { field: 'niveaus', message: { key: 'registers.error.levelLine', params: { line: '1' } } },
        { field: 'cyclus', message: { key: 'registers.error.cycle' } },
        { field: 'tarief', message: { key: 'registers.error.fee' } },
        { field: 'toelichting', message: { key: 'registers.error.noteShort' } },
      ],
    });
  });

  it('reads as before in Dutch', () => {
    expect(dutch(checkRegisterVersion({ ...rule, niveaus: 'RDO; niveau 1', cyclus: '0', eenheid: 'ects', tarief: '-1', toelichting: '' }))).toEqual([
      { field: 'niveaus', message: 'Regel 1: schrijf "titel; niveau; toelatingseis".' },
      { field: 'cyclus', message: 'De cyclus is een heel aantal jaren, van 1 tot en met 10.' },
      { field: 'eenheid', message: "Kies punten, uren of thema's." },
      { field: 'tarief', message: 'Het tarief is een bedrag in euro, bijvoorbeeld 0 of 45,50.' },
      { field: 'toelichting', message: 'Schrijf waarom de regels veranderen (ten minste 5 tekens).' },
    ]);
  });

  it('reports a problem of the re-registration rule at its field', () => {
    expect(checkRegisterVersion({ ...valid, minimumPunten: 'veel' })).toMatchObject({ ok: false, problems: [{ field: 'minimumPunten' }] });
    expect(checkRegisterVersion({ ...valid, eenheid: 'uren', uren: '160', urenPrimairProces: '200' })).toMatchObject({
      ok: false,
      problems: [{ field: 'urenPrimairProces' }],
    });
  });

  it('refuses no levels, or a title and level twice', () => {
    expect(dutch(checkRegisterVersion({ ...valid, niveaus: '  ' }))).toEqual([{ field: 'niveaus', message: 'Geef ten minste één titel en niveau.' }]);
    expect(dutch(checkRegisterVersion({ ...valid, niveaus: 'RDO; master; a\nrdo; Master; b' }))).toEqual([
      { field: 'niveaus', message: 'Elke combinatie van titel en niveau komt één keer voor.' },
    ]);
  });
});
