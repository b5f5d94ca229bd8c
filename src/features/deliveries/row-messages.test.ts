import { createHmac } from 'node:crypto';
import { formatDay } from '../../platform/i18n.ts';
import { describe, expect, it } from 'vitest';
import { guardAgainstBsnInClear } from './bsn-in-clear.rules.ts';
import { checkRow, columns, planHeader, type Column, type Message } from './delivery-format.rules.ts';
import { recogniseRowMessage, rowMessage, translateRowMessage, type RowMessageKey } from './row-messages.ts';
import { rowMessagesEn } from './row-messages.texts.en.ts';
import { rowMessagesNl } from './row-messages.texts.nl.ts';
import { translator } from '../../../tests/support/texts.ts';
import { testDirectory as directory, validRow as valid } from './delivery-format.test-support.ts';

/**
 * Every message a single row can get, word for word: the terugmelding is part of the contract with
 * software suppliers (docs/aanleverformaat.md), so moving the texts into the catalogue must not change
 * a byte of them. The English rendering of each is checked in the same table.
 */

const today = '2026-11-23';
const header = planHeader([...columns], 'mutaties');
const keyedHash = (value: string) => createHmac('sha256', 'test key').update(value).digest('base64url');

/** The messages of one row with `changes`, as the check of a file gives them (the format, then no BSN in clear). */
function messagesOf(changes: Partial<Record<Column, string>>, extra: string[] = []): Message[] {
  const record = [...columns.map((c) => changes[c] ?? valid[c]), ...extra];
  return guardAgainstBsnInClear(checkRow(record, header, 'mutaties', directory, today), record, header, keyedHash).messages;
}

/** [the row's changes, the column, the message in Dutch as the contract has it] */
const cases: [Partial<Record<Column, string>>, Column | null, string][] = [
  [{ voorletters: 'J'.repeat(201) }, 'voorletters', 'Dit veld is langer dan 200 tekens.'],
  [{ bevoegd_gezag_nummer: '' }, 'bevoegd_gezag_nummer', 'Het bevoegd-gezagnummer ontbreekt.'],
  [{ bevoegd_gezag_nummer: 'ABC' }, 'bevoegd_gezag_nummer', '"ABC" is geen bevoegd-gezagnummer (5 cijfers).'],
  [{ bevoegd_gezag_nummer: '12345' }, 'bevoegd_gezag_nummer', 'Bevoegd gezag 12345 is niet het aanleverende bestuur (20091).'],
  [{ personeelsnummer: '' }, 'personeelsnummer', 'Het personeelsnummer ontbreekt.'],
  [{ personeelsnummer: 'X'.repeat(33) }, 'personeelsnummer', 'Het personeelsnummer is langer dan 32 tekens.'],
  [{ bsn: '12a' }, 'bsn', 'Het BSN bestaat niet alleen uit cijfers.'],
  [{ bsn: '1234' }, 'bsn', 'Het BSN heeft 4 cijfers in plaats van 9. Lever voorloopnullen mee (zet de kolom in Excel op tekst).'],
  [{ bsn: '123456789' }, 'bsn', 'Het BSN klopt niet: het voldoet niet aan de elfproef.'],
  [{ voorletters: '' }, 'voorletters', 'De voorletters ontbreken.'],
  [{ voorletters: '12' }, 'voorletters', '"12" zijn geen voorletters (bijvoorbeeld J.M.).'],
  [{ achternaam: '' }, 'achternaam', 'De achternaam ontbreekt.'],
  [{ geboortedatum: '' }, 'geboortedatum', 'De geboortedatum ontbreekt.'],
  [{ geboortedatum: '1985-02-30' }, 'geboortedatum', '"1985-02-30" is geen bestaande datum (JJJJ-MM-DD of DD-MM-JJJJ).'],
  [{ geboortedatum: '2020-01-01' }, 'geboortedatum', 'Met geboortedatum 2020-01-01 is deze persoon 6 jaar; verwacht is 15 tot 80.'],
  [{ email: 'nope' }, 'email', '"nope" is geen geldig e-mailadres; er gaat geen uitnodiging naar toe.'],
  [{ instellingscode: '', vestigingscode: '' }, 'instellingscode', 'De instellingscode (BRIN) ontbreekt.'],
  [{ instellingscode: 'X1', vestigingscode: '' }, 'instellingscode', '"X1" is geen instellingscode (2 cijfers en 2 letters).'],
  [{ instellingscode: '99ZZ', vestigingscode: '' }, 'instellingscode', 'School 99ZZ hoort niet bij bevoegd gezag 20091 volgens de organisatiegids van DUO.'],
  [{ instellingscode: '04AB', vestigingscode: '' }, 'instellingscode', 'School 04AB is volgens DUO gesloten.'],
  [{ vestigingscode: 'X' }, 'vestigingscode', '"X" is geen vestigingscode (BRIN en 2 cijfers, bijvoorbeeld 32JK00).'],
  [{ vestigingscode: '04AB00' }, 'vestigingscode', 'Vestiging 04AB00 hoort niet bij school 32JK.'],
  [{ vestigingscode: '32JK99' }, 'vestigingscode', 'Vestiging 32JK99 is geen vestiging van bevoegd gezag 20091 volgens DUO.'],
  [{ vestigingscode: '32JK01' }, 'vestigingscode', 'Vestiging 32JK01 is volgens DUO gesloten.'],
  [{ functie: '' }, 'functie', 'De functie ontbreekt.'],
  [
    { functie: 'DIRECTEUR' },
    'functie',
    '"DIRECTEUR" is geen functie uit de lijst: LERAAR, SCHOOLLEIDER, ADJUNCT_DIRECTEUR, INTERN_BEGELEIDER, LERAARONDERSTEUNER, OVERIG.',
  ],
  [{ benoemingsgrondslag: '' }, 'benoemingsgrondslag', 'De benoemingsgrondslag is verplicht bij functie LERAAR.'],
  [
    { benoemingsgrondslag: 'X' },
    'benoemingsgrondslag',
    '"X" is geen benoemingsgrondslag uit de lijst: BEVOEGD, ZIJINSTROOM, IN_OPLEIDING, ONBEVOEGD_TIJDELIJK, ONBEKEND.',
  ],
  [{ begindatum: '' }, 'begindatum', 'De begindatum ontbreekt.'],
  [{ begindatum: '2015-13-01' }, 'begindatum', '"2015-13-01" is geen bestaande datum (JJJJ-MM-DD of DD-MM-JJJJ).'],
  [{ begindatum: '1949-01-01' }, 'begindatum', 'Begindatum 1949-01-01 ligt niet tussen 1950 en een jaar na vandaag.'],
  [{ begindatum: '1990-01-01' }, 'begindatum', 'Begindatum 1990-01-01 ligt voor de vijftiende verjaardag.'],
  [{ einddatum: '31-02-2020' }, 'einddatum', '"31-02-2020" is geen bestaande datum (JJJJ-MM-DD of DD-MM-JJJJ).'],
  [{ einddatum: '2010-01-01' }, 'einddatum', 'Einddatum 2010-01-01 ligt voor begindatum 2015-08-01.'],
  [{ einddatum: '2040-01-01' }, 'einddatum', 'Einddatum 2040-01-01 ligt meer dan tien jaar vooruit.'],
  [{ werktijdfactor: 'x' }, 'werktijdfactor', '"x" is geen getal (bijvoorbeeld 0,8).'],
  [{ werktijdfactor: '2' }, 'werktijdfactor', 'Werktijdfactor 2 ligt niet tussen 0,0001 en 1,5.'],
  [{ werktijdfactor: '0,12345' }, 'werktijdfactor', 'Werktijdfactor 0,12345 heeft meer dan 4 decimalen.'],
  [{ mutatie: '' }, 'mutatie', 'De mutatie ontbreekt (NIEUW, WIJZIGING of EINDE).'],
  [{ mutatie: 'WEG' }, 'mutatie', '"WEG" is geen mutatie: NIEUW, WIJZIGING of EINDE.'],
  [{ mutatie: 'EINDE' }, 'einddatum', 'Geen einddatum bij EINDE: het dienstverband eindigt op de aanleverdatum (2026-11-23).'],
  [
    { personeelsnummer: '111222333' },
    'personeelsnummer',
    'Het personeelsnummer is het BSN van deze rij. Lever het eigen personeelsnummer van het bestuur aan; een BSN hoort alleen in de kolom bsn.',
  ],
  [
    { personeelsnummer: '111222333', bsn: '' },
    'personeelsnummer',
    'Het personeelsnummer lijkt op een BSN (9 cijfers die aan de elfproef voldoen). Het register bewaart en toont het daarom niet leesbaar; gebruik liever een eigen nummer van het bestuur.',
  ],
  [{ achternaam: 'Berg 111222333' }, 'achternaam', 'Dit veld bevat een nummer dat op een BSN lijkt. Staan de kolommen verschoven?'],
  [
    { email: '111222333@school.nl' },
    'email',
    'Het e-mailadres bevat een nummer dat op een BSN lijkt; het wordt niet bewaard en er gaat geen uitnodiging naar toe.',
  ],
];

describe('the messages of a row, word for word', () => {
  it.each(cases)('%j: %s %s', (changes, kolom, melding) => {
    expect(messagesOf(changes).map((m) => [m.kolom, m.melding])).toContainEqual([kolom, melding]);
  });

  it('a row whose fields do not line up with the header', () => {
    expect(messagesOf({}, ['extra'])).toContainEqual({
      kolom: null,
      melding: 'De rij heeft 18 velden, de kopregel 17. Staat er een scheidingsteken of aanhalingsteken te veel of te weinig?',
      soort: 'fout',
    });
  });
});

describe('the same messages on an English page', () => {
  const en = translator('en');
  const nl = translator('nl');

  it('finds the template of every message of a row, and renders it in English with the same values', () => {
    expect(translateRowMessage(en, '"1985-02-30" is geen bestaande datum (JJJJ-MM-DD of DD-MM-JJJJ).')).toBe(
      '"1985-02-30" is not a date that exists (YYYY-MM-DD or DD-MM-YYYY).',
    );
    expect(translateRowMessage(en, 'Het BSN klopt niet: het voldoet niet aan de elfproef.')).toBe(
      'The BSN is not right: it does not pass the elfproef (the check of a BSN).',
    );
    for (const [, , melding] of cases) {
      const english = translateRowMessage(en, melding);
      expect(english, melding).not.toBe(melding);
      expect(english, melding).not.toMatch(/\{\w+\}/);
      // Dutch pages show the stored text as it is, its dates in the one date style of pages
      expect(translateRowMessage(nl, melding)).toBe(melding.replace(/\d{4}-\d{2}-\d{2}/g, (day) => formatDay('nl', day)));
    }
  });

  it('recognises each template back from its own Dutch text, values and all', () => {
    for (const key of Object.keys(rowMessagesNl) as RowMessageKey[]) {
      const names = [...rowMessagesNl[key].matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const params = Object.fromEntries(names.map((name, i) => [name, `waarde ${i} met "aanhalingstekens" en (haakjes)`]));
      expect(recogniseRowMessage(rowMessage(key, params)), key).toEqual({ key, params });
      expect(rowMessagesEn[key]).toBeTruthy();
    }
  });

  it('shows a text of no template as it is', () => {
    expect(translateRowMessage(en, 'Een melding die het register niet kent.')).toBe('Een melding die het register niet kent.');
  });
});
