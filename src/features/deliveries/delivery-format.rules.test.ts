import { describe, expect, it } from 'vitest';
import { checkRow, DeliveryFileError, passesElfproef, planHeader, type Column } from './delivery-format.rules.ts';
import { parseDate } from '../../platform/dates/calendar.ts';
import { testDirectory as directory, validRow } from './delivery-format.test-support.ts';

// an address in capitals: the check writes it in lower case
const valid: Record<string, string> = { ...validRow, email: 'J.vanderBerg@school.nl' };

const header = [
  'bevoegd_gezag_nummer',
  'personeelsnummer',
  'bsn',
  'voorletters',
  'voornamen',
  'tussenvoegsel',
  'achternaam',
  'geboortedatum',
  'email',
  'instellingscode',
  'vestigingscode',
  'functie',
  'benoemingsgrondslag',
  'begindatum',
  'einddatum',
  'werktijdfactor',
  'mutatie',
];
const today = '2026-11-23';
const plan = (mode: 'volledig' | 'mutaties' = 'mutaties') => planHeader(header, mode);
const check = (changes: Partial<Record<Column, string>> = {}, mode: 'volledig' | 'mutaties' = 'mutaties') =>
  checkRow(
    header.map((h) => ({ ...valid, ...changes })[h] ?? ''),
    plan(mode),
    mode,
    directory,
    today,
  );
const errorsOf = (changes: Partial<Record<Column, string>>) =>
  check(changes)
    .messages.filter((m) => m.soort === 'fout')
    .map((m) => [m.kolom, m.melding]);

describe('the header row', () => {
  it('reads the columns case-insensitively and in any order', () => {
    const shuffled = planHeader(['ACHTERNAAM', 'Personeelsnummer', ...header.filter((h) => !['achternaam', 'personeelsnummer'].includes(h))], 'volledig');
    expect(shuffled.index.achternaam).toBe(0);
    expect(shuffled.index.personeelsnummer).toBe(1);
    expect(shuffled.warnings).toEqual(['De kolom mutatie telt niet mee in een volledige aanlevering.']);
  });

  it('rejects a file without a required column, naming it', () => {
    expect(() =>
      planHeader(
        header.filter((h) => h !== 'geboortedatum'),
        'volledig',
      ),
    ).toThrow(new DeliveryFileError('De kopregel mist de verplichte kolom(men): geboortedatum.'));
    expect(() =>
      planHeader(
        header.filter((h) => h !== 'mutatie'),
        'mutaties',
      ),
    ).toThrow(/mutatie/);
  });

  it('rejects a first line that is data instead of a header', () => {
    expect(() => planHeader(['20091', 'P001', 'Berg'], 'volledig')).toThrow(/geen kopregel/);
  });

  it('rejects a column named twice, and warns about unknown columns', () => {
    expect(() => planHeader([...header, 'BSN'], 'mutaties')).toThrow('De kolom bsn staat twee keer in de kopregel.');
    expect(planHeader([...header, 'salaris'], 'mutaties').warnings).toEqual(['Onbekende kolom(men) genegeerd: salaris.']);
  });
});

describe('a valid row', () => {
  it('is accepted and cleaned: e-mail lower-cased, werktijdfactor with a point, the employment key', () => {
    const checked = check();
    expect(checked.messages).toEqual([]);
    expect(checked.outcome).toBe('geaccepteerd');
    expect(checked.row).toMatchObject({
      staffNumber: 'P001',
      bsn: '111222333',
      email: 'j.vanderberg@school.nl',
      schoolId: 'school-32jk',
      locationId: 'loc-32jk00',
      fte: '0.8',
      birthDate: '1985-04-12',
      startDate: '2015-08-01',
      endDate: null,
      employmentKey: 'P001|32JK|32JK00|LERAAR',
      mutation: 'NIEUW',
    });
  });

  it('accepts DD-MM-JJJJ dates, a board number without its leading zero, and lower-case codes', () => {
    const checked = checkRow(
      header.map((h) => ({ ...valid, geboortedatum: '12-04-1985', instellingscode: '32jk', vestigingscode: '32jk00', functie: 'leraar' })[h] ?? ''),
      plan(),
      'mutaties',
      { ...directory, boardNumber: '02009' },
      today,
    );
    expect(checked.messages.map((m) => m.kolom)).toEqual(['bevoegd_gezag_nummer']); // 20091 is not 02009
    const padded = checkRow(
      header.map((h) => ({ ...valid, bevoegd_gezag_nummer: '2009' })[h] ?? ''),
      plan(),
      'mutaties',
      { ...directory, boardNumber: '02009' },
      today,
    );
    expect(padded.messages).toEqual([]);
  });
});

describe('each rule of the format', () => {
  it.each([
    [{ bevoegd_gezag_nummer: '' }, 'bevoegd_gezag_nummer', 'Het bevoegd-gezagnummer ontbreekt.'],
    [{ bevoegd_gezag_nummer: '2009A' }, 'bevoegd_gezag_nummer', '"2009A" is geen bevoegd-gezagnummer (5 cijfers).'],
    [{ bevoegd_gezag_nummer: '41039' }, 'bevoegd_gezag_nummer', 'Bevoegd gezag 41039 is niet het aanleverende bestuur (20091).'],
    [{ personeelsnummer: '' }, 'personeelsnummer', 'Het personeelsnummer ontbreekt.'],
    [{ personeelsnummer: 'x'.repeat(33) }, 'personeelsnummer', 'Het personeelsnummer is langer dan 32 tekens.'],
    [{ bsn: '11122233' }, 'bsn', 'Het BSN heeft 8 cijfers in plaats van 9. Lever voorloopnullen mee (zet de kolom in Excel op tekst).'],
    [{ bsn: '111222334' }, 'bsn', 'Het BSN klopt niet: het voldoet niet aan de elfproef.'],
    [{ bsn: '11122233X' }, 'bsn', 'Het BSN bestaat niet alleen uit cijfers.'],
    [{ voorletters: '' }, 'voorletters', 'De voorletters ontbreken.'],
    [{ voorletters: 'J1' }, 'voorletters', '"J1" zijn geen voorletters (bijvoorbeeld J.M.).'],
    [{ achternaam: '' }, 'achternaam', 'De achternaam ontbreekt.'],
    [{ geboortedatum: '' }, 'geboortedatum', 'De geboortedatum ontbreekt.'],
    [{ geboortedatum: '1985-02-30' }, 'geboortedatum', '"1985-02-30" is geen bestaande datum (JJJJ-MM-DD of DD-MM-JJJJ).'],
    [{ geboortedatum: '12/04/85' }, 'geboortedatum', '"12/04/85" is geen bestaande datum (JJJJ-MM-DD of DD-MM-JJJJ).'],
    [{ geboortedatum: '2012-01-01' }, 'geboortedatum', 'Met geboortedatum 2012-01-01 is deze persoon 14 jaar; verwacht is 15 tot 80.'],
    [{ geboortedatum: '1940-01-01' }, 'geboortedatum', 'Met geboortedatum 1940-01-01 is deze persoon 86 jaar; verwacht is 15 tot 80.'],
    [{ instellingscode: '' }, 'instellingscode', 'De instellingscode (BRIN) ontbreekt.'],
    [{ instellingscode: '3JKK' }, 'instellingscode', '"3JKK" is geen instellingscode (2 cijfers en 2 letters).'],
    [{ instellingscode: '00AA', vestigingscode: '' }, 'instellingscode', 'School 00AA hoort niet bij bevoegd gezag 20091 volgens de organisatiegids van DUO.'],
    [{ vestigingscode: '32JK0' }, 'vestigingscode', '"32JK0" is geen vestigingscode (BRIN en 2 cijfers, bijvoorbeeld 32JK00).'],
    [{ vestigingscode: '04AB00' }, 'vestigingscode', 'Vestiging 04AB00 hoort niet bij school 32JK.'],
    [{ vestigingscode: '32JK07' }, 'vestigingscode', 'Vestiging 32JK07 is geen vestiging van bevoegd gezag 20091 volgens DUO.'],
    [{ functie: '' }, 'functie', 'De functie ontbreekt.'],
    [
      { functie: 'DIRECTEUR' },
      'functie',
      '"DIRECTEUR" is geen functie uit de lijst: LERAAR, SCHOOLLEIDER, ADJUNCT_DIRECTEUR, INTERN_BEGELEIDER, LERAARONDERSTEUNER, OVERIG.',
    ],
    [{ benoemingsgrondslag: '' }, 'benoemingsgrondslag', 'De benoemingsgrondslag is verplicht bij functie LERAAR.'],
    [
      { benoemingsgrondslag: 'PABO' },
      'benoemingsgrondslag',
      '"PABO" is geen benoemingsgrondslag uit de lijst: BEVOEGD, ZIJINSTROOM, IN_OPLEIDING, ONBEVOEGD_TIJDELIJK, ONBEKEND.',
    ],
    [{ begindatum: '' }, 'begindatum', 'De begindatum ontbreekt.'],
    [{ begindatum: '31-06-2020' }, 'begindatum', '"31-06-2020" is geen bestaande datum (JJJJ-MM-DD of DD-MM-JJJJ).'],
    [{ begindatum: '2028-01-01' }, 'begindatum', 'Begindatum 2028-01-01 ligt niet tussen 1950 en een jaar na vandaag.'],
    [{ begindatum: '1999-01-01' }, 'begindatum', 'Begindatum 1999-01-01 ligt voor de vijftiende verjaardag.'],
    [{ einddatum: '2015-07-31' }, 'einddatum', 'Einddatum 2015-07-31 ligt voor begindatum 2015-08-01.'],
    [{ einddatum: '2040-01-01' }, 'einddatum', 'Einddatum 2040-01-01 ligt meer dan tien jaar vooruit.'],
    [{ werktijdfactor: 'acht' }, 'werktijdfactor', '"acht" is geen getal (bijvoorbeeld 0,8).'],
    [{ werktijdfactor: '1,6' }, 'werktijdfactor', 'Werktijdfactor 1,6 ligt niet tussen 0,0001 en 1,5.'],
    [{ werktijdfactor: '0' }, 'werktijdfactor', 'Werktijdfactor 0 ligt niet tussen 0,0001 en 1,5.'],
    [{ werktijdfactor: '0,123456' }, 'werktijdfactor', 'Werktijdfactor 0,123456 heeft meer dan 4 decimalen.'],
    [{ mutatie: '' }, 'mutatie', 'De mutatie ontbreekt (NIEUW, WIJZIGING of EINDE).'],
    [{ mutatie: 'ONTSLAG' }, 'mutatie', '"ONTSLAG" is geen mutatie: NIEUW, WIJZIGING of EINDE.'],
  ] as [Partial<Record<Column, string>>, Column, string][])('%o: an error in %s', (changes, column, message) => {
    expect(errorsOf(changes)).toEqual([[column, message]]);
    expect(check(changes).outcome).toBe('fout');
  });

  it('allows no benoemingsgrondslag for a function other than LERAAR, and no BSN, e-mail or location at all', () => {
    expect(check({ functie: 'SCHOOLLEIDER', benoemingsgrondslag: '', bsn: '', email: '', vestigingscode: '' }).messages).toEqual([]);
  });

  it('warns, without rejecting the row, about a closed school or location and an unusable e-mail address', () => {
    const closed = check({ vestigingscode: '32JK01', email: 'geen-adres' });
    expect(closed.outcome).toBe('waarschuwing');
    expect(closed.messages).toEqual([
      { kolom: 'email', melding: '"geen-adres" is geen geldig e-mailadres; er gaat geen uitnodiging naar toe.', soort: 'waarschuwing' },
      { kolom: 'vestigingscode', melding: 'Vestiging 32JK01 is volgens DUO gesloten.', soort: 'waarschuwing' },
    ]);
    expect(closed.row.email).toBeNull();
    expect(check({ instellingscode: '04AB', vestigingscode: '' }).messages).toEqual([
      { kolom: 'instellingscode', melding: 'School 04AB is volgens DUO gesloten.', soort: 'waarschuwing' },
    ]);
  });

  it('ends an EINDE without einddatum on the delivery date, with a warning', () => {
    const ended = check({ mutatie: 'einde' });
    expect(ended.row).toMatchObject({ mutation: 'EINDE', endDate: today });
    expect(ended.outcome).toBe('waarschuwing');
  });

  it('reports every problem of a row, not just the first', () => {
    expect(errorsOf({ bsn: '123', geboortedatum: 'gisteren', functie: 'JUF' }).map(([c]) => c)).toEqual(['bsn', 'geboortedatum', 'functie']);
  });

  it('reports a row with more or fewer fields than the header', () => {
    const short = checkRow(['20091', 'P001'], plan(), 'mutaties', directory, today);
    expect(short.messages[0]).toEqual({
      kolom: null,
      melding: 'De rij heeft 2 velden, de kopregel 17. Staat er een scheidingsteken of aanhalingsteken te veel of te weinig?',
      soort: 'fout',
    });
  });

  it('ignores the mutatie column in a full delivery', () => {
    expect(check({ mutatie: 'ONZIN' }, 'volledig').messages).toEqual([]);
  });
});

describe('BSN elfproef and dates', () => {
  it.each([
    ['111222333', true],
    ['123456782', true],
    ['012345672', true],
    ['123456789', false],
    ['000000000', false],
    ['12345678', false],
  ])('%s passes: %s', (bsn, passes) => expect(passesElfproef(bsn)).toBe(passes));

  it.each([
    ['2024-02-29', '2024-02-29'],
    ['29-02-2024', '2024-02-29'],
    ['1-2-2020', '2020-02-01'],
    ['01.02.2020', '2020-02-01'],
    ['2023-02-29', null],
    ['2020-13-01', null],
    ['20200101', null],
  ])('%s reads as %s', (text, iso) => expect(parseDate(text)).toBe(iso));
});

describe('lengths before patterns (issue 17)', () => {
  it('reports a 5 MB voorletters as too long, without running a pattern over it', () => {
    const started = performance.now();
    expect(errorsOf({ voorletters: 'J.'.repeat(2.5 * 1024 * 1024) })).toEqual([['voorletters', 'Dit veld is langer dan 200 tekens.']]);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('reports every overlong field of a row, and a long e-mail address stays a warning', () => {
    expect(errorsOf({ achternaam: 'x'.repeat(201), geboortedatum: '1'.repeat(300) })).toEqual([
      ['achternaam', 'Dit veld is langer dan 200 tekens.'],
      ['geboortedatum', 'Dit veld is langer dan 200 tekens.'],
    ]);
    expect(check({ email: `${'a'.repeat(200)}@school.nl` }).outcome).toBe('waarschuwing');
  });
});
