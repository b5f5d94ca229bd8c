import { describe, expect, it } from 'vitest';
import { addTexts, translateMessage, type Message } from '../../platform/i18n.ts';
import { allowedNames, checkFrameworkVersion, codeOf, itemsToText, parseItems, type FrameworkVersionForm } from './framework.rules.ts';
import { frameworkEn } from './framework.texts.en.ts';
import { frameworkNl } from './framework.texts.nl.ts';

addTexts('framework', { nl: frameworkNl, en: frameworkEn });
const dutch = (value: unknown) => translateMessage('nl', value as Message);

const v1Themes = [
  'Persoonlijk leiderschap',
  'Regie & strategie',
  'In relatie staan tot de omgeving',
  'Kennis- en kwaliteitsontwikkeling',
  'Omgaan met verschillen',
  'Leiding geven aan verandering',
  'Toekomstgericht onderwijs',
  'Wildcard',
];
const v1Codes = [
  'persoonlijk-leiderschap',
  'regie-en-strategie',
  'in-relatie-staan-tot-de-omgeving',
  'kennis-en-kwaliteitsontwikkeling',
  'omgaan-met-verschillen',
  'leiding-geven-aan-verandering',
  'toekomstgericht-onderwijs',
  'wildcard',
];

const valid: FrameworkVersionForm = {
  beroepsstandaard: 'De beroepsstandaard voor schoolleiders beschrijft wat een schoolleider kent en kan.',
  competenties: 'Visiegestuurd werken\nHogere-orde denken: analyseren, oordelen en verbinden',
  themas: `${v1Themes.join('\n')}\nPedagogisch leiderschap`,
  toelichting: 'Pedagogisch leiderschap is een thema geworden.',
};

describe('the code of a framework item', () => {
  it('is the name slugged, as migration 0017 coded version 1', () => {
    expect(v1Themes.map(codeOf)).toEqual(v1Codes);
    expect(codeOf('Hogere-orde denken')).toBe('hogere-orde-denken');
  });

  it('drops diacritics and stray punctuation', () => {
    expect(codeOf('  Ëën   coöperatief (2027)! ')).toBe('een-cooperatief-2027');
    expect(codeOf('&')).toBe('en');
    expect(codeOf('!!!')).toBe('');
  });
});

describe('items, one per line', () => {
  const what = 'themes';

  it('reads names and "name: description", skipping empty lines and extra spaces', () => {
    expect(parseItems('  Regie   & strategie \r\n\n Wildcard: een eigen keuze  ', what)).toEqual([
      { code: 'regie-en-strategie', name: 'Regie & strategie' },
      { code: 'wildcard', name: 'Wildcard', description: 'een eigen keuze' },
    ]);
  });

  it('keeps a colon without a space in the name', () => {
    expect(parseItems('Lezen 2:0', what)).toEqual([{ code: 'lezen-2-0', name: 'Lezen 2:0' }]);
  });

  it('writes items back as they are typed', () => {
    const items = parseItems('Regie & strategie\nWildcard: een eigen keuze', what);
    expect(Array.isArray(items) && itemsToText(items)).toBe('Regie & strategie\nWildcard: een eigen keuze');
  });

  it('refuses with a text key and its parameters', () => {
    expect(parseItems('Goed\nX', what)).toEqual({ key: 'framework.error.lineNameShort', params: { line: '2' } });
    expect(parseItems('', 'competencies')).toEqual({ key: 'framework.error.competenciesNone' });
  });

  it.each([
    ['', 'Geef ten minste één thema, één per regel.'],
    ['\n  \n', 'Geef ten minste één thema, één per regel.'],
    ['Goed\nX', 'Regel 2: geef een naam van ten minste 2 tekens, met letters of cijfers.'],
    ['Goed\n!!!', 'Regel 2: geef een naam van ten minste 2 tekens, met letters of cijfers.'],
    [`${'a'.repeat(101)}`, 'Regel 1: een naam heeft ten hoogste 100 tekens.'],
    [`Goed: ${'b'.repeat(501)}`, 'Regel 1: een beschrijving heeft ten hoogste 500 tekens.'],
    ['Regie & strategie\nWildcard\nRegie en Strategie', 'Regel 3 ("Regie en Strategie") is dezelfde als regel 1: elke naam komt één keer voor.'],
    [Array.from({ length: 31 }, (_, i) => `Thema ${i}`).join('\n'), "Ten hoogste 30 thema's."],
  ])('refuses %j', (text, message) => {
    expect(dutch(parseItems(text, what))).toBe(message);
  });
});

describe('a new version of the reference framework', () => {
  it('is read from the form', () => {
    const result = checkFrameworkVersion(valid);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input.competencies).toEqual([
      { code: 'visiegestuurd-werken', name: 'Visiegestuurd werken' },
      { code: 'hogere-orde-denken', name: 'Hogere-orde denken', description: 'analyseren, oordelen en verbinden' },
    ]);
    expect(result.input.themes.map((t) => t.code)).toEqual([...v1Codes, 'pedagogisch-leiderschap']);
    expect(result.input.note).toBe('Pedagogisch leiderschap is een thema geworden.');
  });

  it('reports every problem at its field, as a text key that reads as before in Dutch', () => {
    const result = checkFrameworkVersion({ beroepsstandaard: 'Te kort', competenties: '', themas: 'Wildcard\nwildcard', toelichting: 'x' });
    expect(result).toEqual({
      ok: false,
      problems: [
        { field: 'beroepsstandaard', message: { key: 'framework.error.standardShort' } },
        { field: 'competenties', message: { key: 'framework.error.competenciesNone' } },
        { field: 'themas', message: { key: 'framework.error.lineDuplicate', params: { line: '2', name: 'wildcard', earlier: '1' } } },
        { field: 'toelichting', message: { key: 'framework.error.noteShort' } },
      ],
    });
    expect(result.ok ? [] : result.problems.map((p) => dutch(p.message))).toEqual([
      'Beschrijf de beroepsstandaard (ten minste 20 tekens).',
      'Geef ten minste één basiscompetentie, één per regel.',
      'Regel 2 ("wildcard") is dezelfde als regel 1: elke naam komt één keer voor.',
      'Schrijf waarom het referentiekader verandert (ten minste 5 tekens).',
    ]);
  });

  it('refuses a text that is too long, saying how long it was', () => {
    const result = checkFrameworkVersion({ ...valid, beroepsstandaard: 'x'.repeat(5001), toelichting: 'y'.repeat(1001) });
    expect(result.ok ? [] : result.problems.map((p) => [p.field, dutch(p.message)])).toEqual([
      ['beroepsstandaard', 'Ten hoogste 5000 tekens; u schreef er 5001.'],
      ['toelichting', 'Ten hoogste 1000 tekens.'],
    ]);
  });

  it('refuses a version equal to the current one, whatever the note', () => {
    const result = checkFrameworkVersion(valid);
    if (!result.ok) throw new Error('valid form');
    const again = checkFrameworkVersion({ ...valid, beroepsstandaard: `  ${valid.beroepsstandaard}\n`, toelichting: 'Nog een keer' }, result.input);
    expect(again).toEqual({ ok: false, problems: [{ field: 'beroepsstandaard', message: { key: 'framework.error.sameAsCurrent' } }] });
    expect(again.ok ? '' : dutch(again.problems[0].message)).toContain('gelijk aan de huidige');
    expect(checkFrameworkVersion({ ...valid, themas: v1Themes.join('\n') }, result.input).ok).toBe(true);
  });
});

describe('the names an activity may carry', () => {
  it("are the current version's, and the ones it has kept from an earlier version", () => {
    const current = [
      { code: 'a', name: 'Pedagogisch leiderschap' },
      { code: 'b', name: 'Wildcard' },
    ];
    expect(allowedNames(current)).toEqual(['Pedagogisch leiderschap', 'Wildcard']);
    expect(allowedNames(current, ['Regie & strategie', 'Wildcard'])).toEqual(['Pedagogisch leiderschap', 'Wildcard', 'Regie & strategie']);
  });
});
