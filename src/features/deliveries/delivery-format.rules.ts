import { passesElfproef } from '../../platform/bsn.ts';
import { parseDate } from '../../platform/dates/calendar.ts';
import { rowMessage } from './row-messages.ts';

/**
 * Aanleverformaat v1.1 (`docs/aanleverformaat.md`): the header and every rule a single row must
 * meet. Pure: the caller supplies the delivering board's schools and locations and the delivery date.
 * Rules that need other rows (the same person twice) or the register (mutaties of unknown employments)
 * are checked set-based after staging, in the repository; v1.1's "no BSN in clear" in bsn-in-clear.rules.ts.
 */
export const deliveryModes = ['volledig', 'mutaties'] as const;
export type DeliveryMode = (typeof deliveryModes)[number];

export const functions = ['LERAAR', 'SCHOOLLEIDER', 'ADJUNCT_DIRECTEUR', 'INTERN_BEGELEIDER', 'LERAARONDERSTEUNER', 'OVERIG'] as const;
export const appointmentBases = ['BEVOEGD', 'ZIJINSTROOM', 'IN_OPLEIDING', 'ONBEVOEGD_TIJDELIJK', 'ONBEKEND'] as const;
export const mutations = ['NIEUW', 'WIJZIGING', 'EINDE'] as const;

export const columns = [
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
] as const;
export type Column = (typeof columns)[number];

const requiredColumns: Column[] = [
  'bevoegd_gezag_nummer',
  'personeelsnummer',
  'voorletters',
  'achternaam',
  'geboortedatum',
  'instellingscode',
  'functie',
  'begindatum',
];

export type Message = { kolom: Column | null; melding: string; soort: 'fout' | 'waarschuwing' };

export type HeaderPlan = {
  /** column → its index in a record */
  index: Partial<Record<Column, number>>;
  width: number;
  warnings: string[];
};

export class DeliveryFileError extends Error {}

/** Reads the header row: names case-insensitive, in any order; a missing required column rejects the file. */
export function planHeader(header: string[], mode: DeliveryMode): HeaderPlan {
  const index: Partial<Record<Column, number>> = {};
  const unknown: string[] = [];
  header.forEach((raw, i) => {
    const name = raw
      .trim()
      .toLowerCase()
      .replace(/^\uFEFF/, '');
    if (name === '') return;
    if ((columns as readonly string[]).includes(name)) {
      if (index[name as Column] !== undefined) throw new DeliveryFileError(`De kolom ${name} staat twee keer in de kopregel.`);
      index[name as Column] = i;
    } else unknown.push(raw.trim());
  });
  const required = mode === 'mutaties' ? [...requiredColumns, 'mutatie' as const] : requiredColumns;
  const missing = required.filter((c) => index[c] === undefined);
  if (Object.keys(index).length === 0) {
    throw new DeliveryFileError(
      'De eerste regel is geen kopregel van het aanleverformaat: geen enkele bekende kolom gevonden. ' + `Verwacht onder meer: ${requiredColumns.join(', ')}.`,
    );
  }
  if (missing.length > 0) {
    throw new DeliveryFileError(`De kopregel mist de verplichte kolom(men): ${missing.join(', ')}.`);
  }
  const warnings: string[] = [];
  if (unknown.length > 0) warnings.push(`Onbekende kolom(men) genegeerd: ${unknown.join(', ')}.`);
  if (mode === 'volledig' && index.mutatie !== undefined) warnings.push('De kolom mutatie telt niet mee in een volledige aanlevering.');
  return { index, width: header.length, warnings };
}

/** The board's part of the organisation directory that a row may name. */
export type BoardDirectory = {
  boardNumber: string;
  schools: Map<string, { id: string; closed: boolean }>;
  locations: Map<string, { id: string; brin: string; closed: boolean }>;
};

export type CleanRow = {
  staffNumber: string | null;
  bsn: string | null;
  initials: string | null;
  firstNames: string | null;
  prefix: string | null;
  surname: string | null;
  birthDate: string | null;
  email: string | null;
  schoolId: string | null;
  locationId: string | null;
  employmentKey: string | null;
  function: string | null;
  appointmentBasis: string | null;
  startDate: string | null;
  endDate: string | null;
  fte: string | null;
  mutation: string | null;
};

export type CheckedRow = { row: CleanRow; messages: Message[]; outcome: 'geaccepteerd' | 'waarschuwing' | 'fout' };

export { passesElfproef };

function yearsBetween(from: string, to: string): number {
  const fy = Number(from.slice(0, 4));
  const fmd = from.slice(5);
  const ty = Number(to.slice(0, 4));
  const tmd = to.slice(5);
  return ty - fy - (tmd < fmd ? 1 : 0);
}

function addYears(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;
}

/** A trimmed value of a row, null when the column is absent or the value empty. */
function cell(record: string[], header: HeaderPlan, column: Column): string | null {
  const i = header.index[column];
  if (i === undefined) return null;
  const value = (record[i] ?? '').trim();
  return value === '' ? null : value;
}

const nameColumns = [
  ['voornamen', 'firstNames'],
  ['tussenvoegsel', 'prefix'],
  ['achternaam', 'surname'],
] as const;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const maxText = 200;

/** Checks one data row against the format and the board's directory. `deliveryDate` is `JJJJ-MM-DD`. */
export function checkRow(record: string[], header: HeaderPlan, mode: DeliveryMode, directory: BoardDirectory, deliveryDate: string): CheckedRow {
  const messages: Message[] = [];
  const error = (kolom: Column | null, melding: string) => messages.push({ kolom, melding, soort: 'fout' });
  const warning = (kolom: Column | null, melding: string) => messages.push({ kolom, melding, soort: 'waarschuwing' });
  const get = (column: Column) => cell(record, header, column);
  const row: CleanRow = {
    staffNumber: null,
    bsn: null,
    initials: null,
    firstNames: null,
    prefix: null,
    surname: null,
    birthDate: null,
    email: null,
    schoolId: null,
    locationId: null,
    employmentKey: null,
    function: null,
    appointmentBasis: null,
    startDate: null,
    endDate: null,
    fte: null,
    mutation: null,
  };

  // lengths first: no pattern ever runs over a long value (a 5 MB voorletters once overflowed the stack)
  let overlong: Column[] | undefined;
  for (const column of columns) {
    const i = header.index[column];
    if (i === undefined || column === 'email' || (record[i]?.length ?? 0) <= maxText) continue;
    if (get(column)!.length > maxText) {
      overlong ??= [];
      overlong.push(column);
    }
  }
  if (overlong) {
    for (const column of overlong) error(column, rowMessage('row.tooLong', { max: maxText }));
    return { row, messages, outcome: 'fout' };
  }

  if (record.length !== header.width) {
    error(null, rowMessage('row.fieldCount', { fields: record.length, header: header.width }));
  }

  const board = get('bevoegd_gezag_nummer');
  if (board === null) error('bevoegd_gezag_nummer', rowMessage('row.board.missing'));
  else if (!/^\d{1,5}$/.test(board)) error('bevoegd_gezag_nummer', rowMessage('row.board.invalid', { value: board }));
  else if (board.padStart(5, '0') !== directory.boardNumber) {
    error('bevoegd_gezag_nummer', rowMessage('row.board.other', { value: board.padStart(5, '0'), board: directory.boardNumber }));
  }

  row.staffNumber = get('personeelsnummer');
  if (row.staffNumber === null) error('personeelsnummer', rowMessage('row.staffNumber.missing'));
  else if (row.staffNumber.length > 32) error('personeelsnummer', rowMessage('row.staffNumber.tooLong'));

  const bsn = get('bsn');
  if (bsn !== null) {
    if (!/^\d+$/.test(bsn)) error('bsn', rowMessage('row.bsn.notDigits'));
    else if (bsn.length !== 9) error('bsn', rowMessage('row.bsn.length', { length: bsn.length }));
    else if (!passesElfproef(bsn)) error('bsn', rowMessage('row.bsn.elfproef'));
    else row.bsn = bsn;
  }

  row.initials = get('voorletters');
  if (row.initials === null) error('voorletters', rowMessage('row.initials.missing'));
  else if (row.initials.length > 20 || !/^[\p{L}][\p{L}.\s-]*$/u.test(row.initials))
    error('voorletters', rowMessage('row.initials.invalid', { value: row.initials }));

  for (const [column, key] of nameColumns) {
    row[key] = get(column);
  }
  if (get('achternaam') === null) error('achternaam', rowMessage('row.surname.missing'));

  const birth = get('geboortedatum');
  if (birth === null) error('geboortedatum', rowMessage('row.birthDate.missing'));
  else {
    const date = parseDate(birth);
    if (date === null) error('geboortedatum', rowMessage('row.date.invalid', { value: birth }));
    else {
      const age = yearsBetween(date, deliveryDate);
      if (age < 15 || age > 80) error('geboortedatum', rowMessage('row.birthDate.age', { date, age }));
      else row.birthDate = date;
    }
  }

  const email = get('email');
  if (email !== null) {
    if (email.length > maxText || !emailPattern.test(email)) warning('email', rowMessage('row.email.invalid', { value: email }));
    else row.email = email.toLowerCase();
  }

  const brin = get('instellingscode')?.toUpperCase() ?? null;
  if (brin === null) error('instellingscode', rowMessage('row.school.missing'));
  else if (!/^\d{2}[A-Z]{2}$/.test(brin)) error('instellingscode', rowMessage('row.school.invalid', { value: brin }));
  else {
    const school = directory.schools.get(brin);
    if (!school) error('instellingscode', rowMessage('row.school.otherBoard', { brin, board: directory.boardNumber }));
    else {
      row.schoolId = school.id;
      if (school.closed) warning('instellingscode', rowMessage('row.school.closed', { brin }));
    }
  }

  const code = get('vestigingscode')?.toUpperCase() ?? null;
  if (code !== null) {
    if (!/^\d{2}[A-Z]{2}\d{2}$/.test(code)) error('vestigingscode', rowMessage('row.location.invalid', { value: code }));
    else if (brin !== null && /^\d{2}[A-Z]{2}$/.test(brin) && !code.startsWith(brin))
      error('vestigingscode', rowMessage('row.location.otherSchool', { code, brin }));
    else {
      const location = directory.locations.get(code);
      if (!location) error('vestigingscode', rowMessage('row.location.otherBoard', { code, board: directory.boardNumber }));
      else {
        row.locationId = location.id;
        if (location.closed) warning('vestigingscode', rowMessage('row.location.closed', { code }));
      }
    }
  }

  const fn = get('functie')?.toUpperCase() ?? null;
  if (fn === null) error('functie', rowMessage('row.function.missing'));
  else if (!(functions as readonly string[]).includes(fn)) error('functie', rowMessage('row.function.invalid', { value: fn, list: functions.join(', ') }));
  else row.function = fn;

  const basis = get('benoemingsgrondslag')?.toUpperCase() ?? null;
  if (basis === null) {
    if (fn === 'LERAAR') error('benoemingsgrondslag', rowMessage('row.basis.requiredForTeacher'));
  } else if (!(appointmentBases as readonly string[]).includes(basis)) {
    error('benoemingsgrondslag', rowMessage('row.basis.invalid', { value: basis, list: appointmentBases.join(', ') }));
  } else row.appointmentBasis = basis;

  const start = get('begindatum');
  if (start === null) error('begindatum', rowMessage('row.startDate.missing'));
  else {
    const date = parseDate(start);
    if (date === null) error('begindatum', rowMessage('row.date.invalid', { value: start }));
    else if (date < '1950-01-01' || date > addYears(deliveryDate, 1)) error('begindatum', rowMessage('row.startDate.range', { date }));
    else if (row.birthDate !== null && date < addYears(row.birthDate, 15)) error('begindatum', rowMessage('row.startDate.beforeFifteen', { date }));
    else row.startDate = date;
  }

  const end = get('einddatum');
  if (end !== null) {
    const date = parseDate(end);
    if (date === null) error('einddatum', rowMessage('row.date.invalid', { value: end }));
    else if (row.startDate !== null && date < row.startDate) error('einddatum', rowMessage('row.endDate.beforeStart', { date, start: row.startDate }));
    else if (date > addYears(deliveryDate, 10)) error('einddatum', rowMessage('row.endDate.tooFar', { date }));
    else row.endDate = date;
  }

  const fte = get('werktijdfactor');
  if (fte !== null) {
    const normal = fte.replace(',', '.');
    const value = Number(normal);
    if (!/^\d+(\.\d+)?$/.test(normal) || Number.isNaN(value)) error('werktijdfactor', rowMessage('row.fte.notNumber', { value: fte }));
    else if (value < 0.0001 || value > 1.5) error('werktijdfactor', rowMessage('row.fte.range', { value: fte }));
    else if ((normal.split('.')[1] ?? '').length > 4) error('werktijdfactor', rowMessage('row.fte.decimals', { value: fte }));
    else row.fte = normal;
  }

  if (mode === 'mutaties') {
    const mutation = get('mutatie')?.toUpperCase() ?? null;
    if (mutation === null) error('mutatie', rowMessage('row.mutation.missing'));
    else if (!(mutations as readonly string[]).includes(mutation)) error('mutatie', rowMessage('row.mutation.invalid', { value: mutation }));
    else {
      row.mutation = mutation;
      if (mutation === 'EINDE' && row.endDate === null && end === null) {
        warning('einddatum', rowMessage('row.mutation.endWithoutDate', { date: deliveryDate }));
        row.endDate = deliveryDate;
      }
    }
  }

  if (row.staffNumber !== null && brin !== null && fn !== null) {
    row.employmentKey = [row.staffNumber, brin, code ?? '', fn].join('|');
  }
  const outcome = messages.some((m) => m.soort === 'fout') ? 'fout' : messages.length > 0 ? 'waarschuwing' : 'geaccepteerd';
  return { row, messages, outcome };
}
