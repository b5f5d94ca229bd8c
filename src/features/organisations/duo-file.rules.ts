import { hash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { decodeText, detectSeparator, firstLine, looksBinary } from '../../platform/csv/decode.ts';
import { eachCsvRecord, NotWellFormedCsv } from '../../platform/csv/split.ts';

/** One vestiging as DUO publishes it, cleaned: codes upper-case, a lone space read as empty. */
export type DuoLocation = {
  line: number;
  boardNumber: string;
  brin: string;
  code: string;
  name: string;
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  place: string | null;
  municipalityCode: string | null;
  municipalityName: string | null;
  province: string | null;
  denomination: string | null;
  phone: string | null;
  website: string | null;
  /** DUO's regions (RPA, WGR, COROP, ...) as the stored JSON of kind → code; their names go to the region list */
  regionsJson: string;
  sourceHash: string;
};

export type DuoBoard = { line: number; number: string; name: string; kvkNumber: string | null; sectors: string | null };

/** One region of one kind (e.g. kind rpaGebied, code 03, name Centraal-Groningen). */
export type DuoRegion = { kind: string; code: string; name: string };

export type RejectedLine = { line: number; reason: string; code?: string };

export type ParsedFile<T> = { rows: T[]; rejected: RejectedLine[]; encoding: string; separator: string };

export class DuoFileError extends Error {}

type Field = keyof Omit<DuoLocation, 'line' | 'regionsJson' | 'sourceHash'>;
type Regions = Record<string, { code: string | null; naam: string | null } | string | null>;

/** Column names in the current layout and the older one (BRIN NUMMER / VESTIGINGSNUMMER). */
const locationColumns: Record<string, Field> = {
  'bevoegd gezag nummer': 'boardNumber',
  'bevoegd gezag': 'boardNumber',
  instellingscode: 'brin',
  'brin nummer': 'brin',
  brinnummer: 'brin',
  vestigingscode: 'code',
  vestigingsnummer: 'code',
  vestigingsnaam: 'name',
  straatnaam: 'street',
  'huisnummer-toevoeging': 'houseNumber',
  postcode: 'postcode',
  plaatsnaam: 'place',
  gemeentenummer: 'municipalityCode',
  gemeentenaam: 'municipalityName',
  provincie: 'province',
  denominatie: 'denomination',
  telefoonnummer: 'phone',
  internetadres: 'website',
};

const regionColumns: Record<string, [string, 'code' | 'naam' | 'value']> = {
  'nodaal gebied code': ['nodaalGebied', 'code'],
  'nodaal gebied naam': ['nodaalGebied', 'naam'],
  'rpa-gebied code': ['rpaGebied', 'code'],
  'rpa-gebied naam': ['rpaGebied', 'naam'],
  'wgr-gebied code': ['wgrGebied', 'code'],
  'wgr-gebied naam': ['wgrGebied', 'naam'],
  'coropgebied code': ['coropGebied', 'code'],
  'coropgebied naam': ['coropGebied', 'naam'],
  'onderwijsgebied code': ['onderwijsgebied', 'code'],
  'onderwijsgebied naam': ['onderwijsgebied', 'naam'],
  'rmc-regio code': ['rmcRegio', 'code'],
  'rmc-regio naam': ['rmcRegio', 'naam'],
  vakantieregio: ['vakantieregio', 'value'],
};

const requiredLocationFields: Field[] = ['boardNumber', 'brin', 'code', 'name'];
const fieldLabels: Record<Field, string> = {
  boardNumber: 'BEVOEGD GEZAG NUMMER',
  brin: 'INSTELLINGSCODE',
  code: 'VESTIGINGSCODE',
  name: 'VESTIGINGSNAAM',
} as Record<Field, string>;

function clean(value: string | undefined): string | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function normaliseHeader(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

type Records = Iterable<{ record: string[]; info: { lines: number } }>;

/**
 * Decodes a DUO file and hands its header and its records to `read`. Well-formed text (DUO's files)
 * goes through the fast reader one record at a time; where that reader gives up, `read` starts again
 * on what csv-parse makes of the text.
 */
function readCsv<T>(bytes: Uint8Array, what: string, read: (header: string[], body: Records) => T): T & { encoding: string; separator: string } {
  if (bytes.length === 0) throw new DuoFileError(`${what} is leeg.`);
  if (looksBinary(bytes)) throw new DuoFileError(`${what} is geen tekstbestand (CSV).`);
  const { text, encoding } = decodeText(bytes);
  const separator = detectSeparator(firstLine(text));
  // CRLF as LF: csv-parse counts a CRLF inside a quoted field as two lines, which would shift
  // the line number of every later line reported as rejected
  const lf = text.replace(/\r\n/g, '\n');
  const readAll = (records: Records) => {
    const iterator = records[Symbol.iterator]();
    const first = iterator.next();
    if (first.done) throw new DuoFileError(`${what} bevat geen kopregel.`);
    return { ...read(first.value.record.map(normaliseHeader), { [Symbol.iterator]: () => iterator }), encoding, separator };
  };
  try {
    return readAll(eachCsvRecord(lf, separator));
  } catch (error) {
    if (!(error instanceof NotWellFormedCsv)) throw error;
  }
  let records: Records;
  try {
    records = parse(lf, { delimiter: separator, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true }) as unknown as Records;
  } catch (error) {
    throw new DuoFileError(`${what} is geen leesbaar CSV-bestand: ${(error as Error).message}`);
  }
  return readAll(records);
}

/** Reads DUO's "alle schoolvestigingen" file; unreadable lines are rejected with their line number. */
export function parseDuoLocations(bytes: Uint8Array): ParsedFile<DuoLocation> & { regions: DuoRegion[] } {
  return readCsv(bytes, 'Het vestigingenbestand', readLocations);
}

function readLocations(header: string[], body: Records): Omit<ParsedFile<DuoLocation>, 'encoding' | 'separator'> & { regions: DuoRegion[] } {
  // what each column holds, by its index
  const fieldAt: (Field | undefined)[] = header.map((name) => locationColumns[name]);
  const regionAt = header.map((name) => (locationColumns[name] ? undefined : regionColumns[name]));
  const present = new Set(fieldAt);
  const missing = requiredLocationFields.filter((f) => !present.has(f));
  if (missing.length > 0) {
    throw new DuoFileError(
      `Het vestigingenbestand mist de kolom(men) ${missing.map((f) => fieldLabels[f]).join(', ')}. Is dit het DUO-bestand "Alle schoolvestigingen basisonderwijs"?`,
    );
  }

  const rows: DuoLocation[] = [];
  const rejected: RejectedLine[] = [];
  const seen = new Map<string, number>();
  // kind → code → name; a later line's name for the same code wins
  const regionNames = new Map<string, Map<string, string>>();
  for (const { record, info } of body) {
    const line = info.lines;
    if (record.length !== header.length) {
      rejected.push({ line, reason: `verwacht ${header.length} kolommen, gevonden ${record.length}` });
      continue;
    }
    const values: Partial<Record<Field, string | null>> = {};
    const regions: Regions = {};
    for (let index = 0; index < record.length; index++) {
      const field = fieldAt[index];
      if (field) {
        values[field] = clean(record[index]);
        continue;
      }
      const region = regionAt[index];
      if (!region) continue;
      const [key, part] = region;
      if (part === 'value') regions[key] = clean(record[index]);
      else {
        regions[key] ??= { code: null, naam: null };
        const entry = regions[key] as { code: string | null; naam: string | null };
        entry[part] = clean(record[index]);
      }
    }
    const brin = values.brin?.toUpperCase() ?? '';
    let code = values.code?.toUpperCase() ?? '';
    if (/^\d{1,2}$/.test(code)) code = brin + code.padStart(2, '0'); // older layout: the location number alone
    const boardNumber = values.boardNumber && /^\d{1,5}$/.test(values.boardNumber) ? values.boardNumber.padStart(5, '0') : (values.boardNumber ?? '');
    const problems: string[] = [];
    if (!/^\d{5}$/.test(boardNumber)) problems.push(`bestuursnummer "${values.boardNumber ?? ''}" is geen nummer van 5 cijfers`);
    if (!/^\d{2}[A-Z]{2}$/.test(brin)) problems.push(`instellingscode "${values.brin ?? ''}" is geen BRIN (2 cijfers en 2 letters)`);
    if (!/^\d{2}[A-Z]{2}\d{2}$/.test(code)) problems.push(`vestigingscode "${values.code ?? ''}" is geen BRIN met 2 cijfers`);
    else if (brin && !code.startsWith(brin)) problems.push(`vestigingscode ${code} hoort niet bij instelling ${brin}`);
    if (!values.name) problems.push('vestigingsnaam ontbreekt');
    if (problems.length === 0 && seen.has(code)) problems.push(`vestigingscode ${code} staat al op regel ${seen.get(code)}`);
    if (problems.length > 0) {
      rejected.push({ line, reason: problems.join('; '), ...(/^\d{2}[A-Z]{2}\d{2}$/.test(code) ? { code } : {}) });
      continue;
    }
    seen.set(code, line);
    const municipalityCode =
      values.municipalityCode && /^\d{1,4}$/.test(values.municipalityCode) ? values.municipalityCode.padStart(4, '0') : (values.municipalityCode ?? null);
    const location = {
      boardNumber,
      brin,
      code,
      name: values.name!,
      street: values.street ?? null,
      houseNumber: values.houseNumber ?? null,
      postcode: values.postcode ?? null,
      place: values.place ?? null,
      municipalityCode,
      municipalityName: values.municipalityName ?? null,
      province: values.province ?? null,
      denomination: values.denomination ?? null,
      phone: values.phone ?? null,
      website: values.website ?? null,
    };
    const codes: Record<string, string | null> = {};
    for (const kind in regions) {
      const value = regions[kind];
      if (value === null || typeof value === 'string') codes[kind] = value;
      else {
        codes[kind] = value.code;
        if (value.code !== null) {
          let names = regionNames.get(kind);
          if (!names) {
            names = new Map();
            regionNames.set(kind, names);
          }
          names.set(value.code, value.naam ?? value.code);
        }
      }
    }
    // the hash covers the region names too: [...fields, regions], as earlier imports stored it
    const hashInput = `${JSON.stringify(Object.values(location)).slice(0, -1)},${JSON.stringify(regions)}]`;
    rows.push({ line, ...location, regionsJson: JSON.stringify(codes), sourceHash: hash('md5', hashInput) });
  }
  return { rows, rejected, regions: [...regionNames].flatMap(([kind, names]) => [...names].map(([code, name]) => ({ kind, code, name }))) };
}

/** Reads the board list (kvk, naam, herkomst, soort, bevoegd_gezag). */
export function parseDuoBoards(bytes: Uint8Array): ParsedFile<DuoBoard> {
  return readCsv(bytes, 'Het besturenbestand', readBoards);
}

function readBoards(header: string[], body: Records): Omit<ParsedFile<DuoBoard>, 'encoding' | 'separator'> {
  const at = (name: string) => header.indexOf(name);
  const numberAt = at('bevoegd_gezag') >= 0 ? at('bevoegd_gezag') : at('bevoegd gezag nummer');
  const nameAt = at('naam') >= 0 ? at('naam') : at('bevoegd gezag naam');
  if (numberAt < 0 || nameAt < 0) {
    throw new DuoFileError('Het besturenbestand mist de kolom bevoegd_gezag of naam.');
  }
  const kvkAt = at('kvk');
  const sectorsAt = at('soort');
  const rows: DuoBoard[] = [];
  const rejected: RejectedLine[] = [];
  const seen = new Set<string>();
  for (const { record, info } of body) {
    const raw = clean(record[numberAt]) ?? '';
    const number = /^\d{1,5}$/.test(raw) ? raw.padStart(5, '0') : '';
    const name = clean(record[nameAt]);
    if (!number) rejected.push({ line: info.lines, reason: `bestuursnummer "${raw}" is geen nummer van 5 cijfers` });
    else if (!name) rejected.push({ line: info.lines, reason: 'naam ontbreekt' });
    else if (seen.has(number)) rejected.push({ line: info.lines, reason: `bestuur ${number} staat dubbel in het bestand` });
    else {
      seen.add(number);
      const kvk = kvkAt >= 0 ? clean(record[kvkAt]) : null;
      rows.push({
        line: info.lines,
        number,
        name,
        kvkNumber: kvk && /^\d{1,8}$/.test(kvk) ? kvk.padStart(8, '0') : null,
        sectors: sectorsAt >= 0 ? clean(record[sectorsAt]) : null,
      });
    }
  }
  return { rows, rejected };
}
