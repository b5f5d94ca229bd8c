import type { BoardDirectory, Column } from './delivery-format.rules.ts';

/** Board 20091 of the row tests: one open and one closed school, one open and one closed location. */
export const testDirectory: BoardDirectory = {
  boardNumber: '20091',
  schools: new Map([
    ['32JK', { id: 'school-32jk', closed: false }],
    ['04AB', { id: 'school-04ab', closed: true }],
  ]),
  locations: new Map([
    ['32JK00', { id: 'loc-32jk00', brin: '32JK', closed: false }],
    ['32JK01', { id: 'loc-32jk01', brin: '32JK', closed: true }],
  ]),
};

/** A row of that board that passes every check; a test changes the fields it is about. */
export const validRow: Record<Column, string> = {
  bevoegd_gezag_nummer: '20091',
  personeelsnummer: 'P001',
  bsn: '111222333',
  voorletters: 'J.M.',
  voornamen: 'Jan Maria',
  tussenvoegsel: 'van der',
  achternaam: 'Berg',
  geboortedatum: '1985-04-12',
  email: 'j.berg@school.nl',
  instellingscode: '32JK',
  vestigingscode: '32JK00',
  functie: 'LERAAR',
  benoemingsgrondslag: 'BEVOEGD',
  begindatum: '2015-08-01',
  einddatum: '',
  werktijdfactor: '0,8',
  mutatie: 'NIEUW',
};
