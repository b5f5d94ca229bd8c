import { parse as parseCsvSync } from 'csv-parse/sync';
import { detectSeparator, firstLine } from '../../platform/csv/decode.ts';
import { splitCsv } from '../../platform/csv/split.ts';
import { parseDate } from '../../platform/dates/calendar.ts';
import { amsterdamToUtc, parseTime } from '../../platform/dates/dutch-time.ts';
import { message, type Message } from '../../platform/i18n.ts';
import { isRegisterNumber, normaliseRegisterNumber } from '../register/index.ts';

/** The twelve provinces: where a run takes place (offering_runs.province), and the catalogue's regions. */
export const provinces = [
  'Drenthe',
  'Flevoland',
  'Friesland',
  'Gelderland',
  'Groningen',
  'Limburg',
  'Noord-Brabant',
  'Noord-Holland',
  'Overijssel',
  'Utrecht',
  'Zeeland',
  'Zuid-Holland',
] as const;

/** How an offering is given (offerings.format). */
export const offeringFormats = ['klassikaal', 'online', 'hybride'] as const;

export const runLimits = { capacityMin: 1, capacityMax: 10_000, place: 200 };

/** Runs are planned and shown in Dutch time: the wall-clock helpers are the platform's (src/platform/dates/dutch-time.ts). */
export { amsterdamDateTime, amsterdamToUtc, parseTime, timeZone } from '../../platform/dates/dutch-time.ts';

// ─── a run ───────────────────────────────────────────────────────────────────────────────────────

/** The run form as posted: every field a string. */
export type RunForm = { datum: string; begintijd: string; eindtijd: string; vorm: string; plaats: string; provincie: string; capaciteit: string };

export type RunFacts = { startsAt: Date; endsAt: Date; online: boolean; place: string | null; province: string | null; capacity: number };

/** A problem at a field of the run form: a text key with its parameters, translated where the page is made. */
export type RunProblem = { field: keyof RunForm; message: Message };

/** The accreditation a run must fall within: valid from and until (both JJJJ-MM-DD, inclusive). */
export type Validity = { validFrom: string | null; validUntil: string | null };

const formatDutchDate = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

/**
 * A run as typed: one day, a start and an end time in Dutch time, online or at a place in a province,
 * for 1 to 10,000 participants, on a day within the accreditation's validity. Every problem at its field.
 */
export function checkRun(form: RunForm, validity: Validity): { ok: true; facts: RunFacts } | { ok: false; problems: RunProblem[] } {
  const problems: RunProblem[] = [];
  const problem = (field: keyof RunForm, text: Message) => problems.push({ field, message: text });
  const date = parseDate(form.datum.trim());
  const start = parseTime(form.begintijd);
  const end = parseTime(form.eindtijd);
  if (!date) problem('datum', message('catalogue.error.dateFormat'));
  else if (validity.validFrom && date < validity.validFrom)
    problem('datum', message('runs.error.beforeValidity', { date: formatDutchDate(validity.validFrom) }));
  else if (validity.validUntil && date > validity.validUntil)
    problem('datum', message('runs.error.afterValidity', { date: formatDutchDate(validity.validUntil) }));
  if (!start) problem('begintijd', message('runs.error.startTime'));
  if (!end) problem('eindtijd', message('runs.error.endTime'));
  else if (start && end <= start) problem('eindtijd', message('runs.error.endBeforeStart'));
  const online = form.vorm === 'online';
  if (form.vorm !== 'online' && form.vorm !== 'locatie') problem('vorm', message('runs.error.kind'));
  const place = form.plaats.trim();
  const province = form.provincie.trim();
  if (form.vorm === 'locatie') {
    if (place.length < 2 || place.length > runLimits.place) problem('plaats', message('runs.error.place', { max: runLimits.place }));
    if (!(provinces as readonly string[]).includes(province)) problem('provincie', message('runs.error.province'));
  }
  const capacityText = form.capaciteit.trim();
  const capacity = Number(capacityText);
  if (!/^\d+$/.test(capacityText) || capacity < runLimits.capacityMin || capacity > runLimits.capacityMax) {
    problem('capaciteit', message('runs.error.capacity', { min: runLimits.capacityMin, max: runLimits.capacityMax }));
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    facts: {
      startsAt: amsterdamToUtc(date!, start!),
      endsAt: amsterdamToUtc(date!, end!),
      online,
      place: online ? null : place,
      province: online ? null : province,
      capacity,
    },
  };
}

/** Whether an offering takes new runs: accredited, and today within its validity. */
export function offeringOpenForRuns(offering: { status: string } & Validity, today: string): { open: true } | { open: false; reason: Message } {
  if (offering.status !== 'geaccrediteerd') return { open: false, reason: message('runs.error.notAccredited') };
  if (offering.validUntil && offering.validUntil < today)
    return { open: false, reason: message('runs.error.expired', { date: formatDutchDate(offering.validUntil) }) };
  if (offering.validFrom && offering.validFrom > today)
    return { open: false, reason: message('runs.error.notYetValid', { date: formatDutchDate(offering.validFrom) }) };
  return { open: true };
}

/** Whether a run can be cancelled: not yet cancelled, and nobody's attendance recorded. */
export function runCancellable(run: { cancelledAt: Date | null; attendanceCount: number }): { ok: true } | { ok: false; reason: Message } {
  if (run.cancelledAt) return { ok: false, reason: message('runs.error.alreadyCancelled') };
  if (run.attendanceCount > 0) return { ok: false, reason: message('runs.error.hasAttendance') };
  return { ok: true };
}

/** Whether attendance can be recorded for a run now: it has started and is not cancelled. */
export function attendanceOpen(run: { startsAt: Date; cancelledAt: Date | null }, now: Date): { open: true } | { open: false; reason: Message } {
  if (run.cancelledAt) return { open: false, reason: message('attendance.error.runCancelled') };
  if (run.startsAt.getTime() > now.getTime()) return { open: false, reason: message('attendance.error.notStarted') };
  return { open: true };
}

// ─── attendance by register number ──────────────────────────────────────────────────────────────

/** One register number as given, with the line it was on (a form's line, or a file's row with the header as row 1). */
export type NumberLine = { line: number; value: string };

/** What became of one line: recorded, already recorded, or why not. */
export type AttendanceOutcome = 'geregistreerd' | 'al-geregistreerd' | 'dubbel' | 'onbekend' | 'ongeldig' | 'doorgehaald';

export const maxAttendanceLines = 2000;

/** The lines of a textarea: one register number per line; empty lines are skipped but counted. */
export function numbersFromText(text: string): NumberLine[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((value, i) => ({ line: i + 1, value: value.trim() }))
    .filter((l) => l.value !== '');
}

/**
 * An attendance file: CSV with a header line that has a column `registernummer` (other columns are
 * ignored), separated by `;` or `,`, UTF-8 or Windows-1252 (the caller decodes). Rows without a value
 * in that column are skipped. `line` is the row as a spreadsheet shows it: the header is row 1.
 */
export function numbersFromCsv(text: string): { ok: true; lines: NumberLine[] } | { ok: false; message: Message } {
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (clean.trim() === '') return { ok: false, message: message('attendance.error.emptyFile') };
  const separator = detectSeparator(firstLine(clean));
  let records: { record: string[]; line: number }[];
  const fast = splitCsv(clean, separator);
  if (fast) records = fast.map((r) => ({ record: r.record, line: r.info.lines }));
  else {
    try {
      const parsed = parseCsvSync(clean, {
        delimiter: separator,
        relax_quotes: true,
        relax_column_count: true,
        skip_empty_lines: true,
        info: true,
      }) as unknown as { record: string[]; info: { lines: number } }[];
      records = parsed.map((r) => ({ record: r.record, line: r.info.lines }));
    } catch {
      return { ok: false, message: message('attendance.error.unreadableCsv') };
    }
  }
  const [header, ...rows] = records;
  const column = header.record.findIndex(
    (name) =>
      name
        .trim()
        .toLowerCase()
        .replace(/[\s_-]/g, '') === 'registernummer',
  );
  if (column === -1) {
    return { ok: false, message: message('attendance.error.noColumn') };
  }
  const lines = rows.map((r) => ({ line: r.line, value: (r.record[column] ?? '').trim() })).filter((l) => l.value !== '');
  return { ok: true, lines };
}

export type ClassifiedLine = NumberLine &
  ({ kind: 'number'; registerNumber: string } | { kind: 'problem'; outcome: 'ongeldig' | 'dubbel'; firstLine?: number });

/**
 * Each line's register number, or why it is none: not nine digits with valid check digits (ongeldig),
 * or the same number as an earlier line (dubbel). Looking the numbers up is the caller's.
 */
export function classifyLines(lines: NumberLine[]): ClassifiedLine[] {
  const seen = new Map<string, number>();
  return lines.map((l) => {
    const digits = normaliseRegisterNumber(l.value);
    if (!digits || !isRegisterNumber(digits)) return { ...l, kind: 'problem', outcome: 'ongeldig' };
    const earlier = seen.get(digits);
    if (earlier !== undefined) return { ...l, kind: 'problem', outcome: 'dubbel', firstLine: earlier };
    seen.set(digits, l.line);
    return { ...l, kind: 'number', registerNumber: digits };
  });
}

// ─── the public catalogue's filters ──────────────────────────────────────────────────────────────

/** The catalogue's filters as read from a query: all optional. */
export type CatalogueFilters = {
  zoek?: string;
  thema?: string;
  competentie?: string;
  puntenMin?: number;
  puntenMax?: number;
  /** a province, or `online` */
  regio?: string;
  vorm?: string;
  vanaf?: string;
  tot?: string;
};

export type CatalogueQuery = Record<keyof CatalogueFilters, string>;

/** A problem at a field of the catalogue's query: a text key, translated where the page or problem is made. */
export type CatalogueProblem = { field: keyof CatalogueQuery; message: Message };

export const emptyCatalogueQuery: CatalogueQuery = {
  zoek: '',
  thema: '',
  competentie: '',
  puntenMin: '',
  puntenMax: '',
  regio: '',
  vorm: '',
  vanaf: '',
  tot: '',
};

/**
 * The catalogue's query as people fill it in: empty fields are no filter; points are whole numbers
 * from 0 to 10,000, the minimum not above the maximum; dates JJJJ-MM-DD (or DD-MM-JJJJ), `vanaf` not
 * after `tot`; a region is a province or online, a format one of the three. Every problem at its field.
 */
export function checkCatalogueQuery(q: CatalogueQuery): { ok: true; filters: CatalogueFilters } | { ok: false; problems: CatalogueProblem[] } {
  const problems: CatalogueProblem[] = [];
  const filters: CatalogueFilters = {};
  const zoek = q.zoek.trim().replace(/\s+/g, ' ');
  if (zoek.length > 200) problems.push({ field: 'zoek', message: message('catalogue.error.searchTooLong') });
  else if (zoek) filters.zoek = zoek;
  if (q.thema.trim()) filters.thema = q.thema.trim();
  if (q.competentie.trim()) filters.competentie = q.competentie.trim();
  for (const field of ['puntenMin', 'puntenMax'] as const) {
    const text = q[field].trim();
    if (!text) continue;
    if (!/^\d{1,5}$/.test(text) || Number(text) > 10_000) problems.push({ field, message: message('catalogue.error.points') });
    else filters[field] = Number(text);
  }
  if (filters.puntenMin !== undefined && filters.puntenMax !== undefined && filters.puntenMin > filters.puntenMax) {
    problems.push({ field: 'puntenMax', message: message('catalogue.error.pointsOrder') });
  }
  const regio = q.regio.trim();
  if (regio) {
    if (regio === 'online' || (provinces as readonly string[]).includes(regio)) filters.regio = regio;
    else problems.push({ field: 'regio', message: message('catalogue.error.region') });
  }
  const vorm = q.vorm.trim();
  if (vorm) {
    if ((offeringFormats as readonly string[]).includes(vorm)) filters.vorm = vorm;
    else problems.push({ field: 'vorm', message: message('catalogue.error.format') });
  }
  for (const field of ['vanaf', 'tot'] as const) {
    const text = q[field].trim();
    if (!text) continue;
    const date = parseDate(text);
    if (!date) problems.push({ field, message: message('catalogue.error.dateFormat') });
    // runs are within an accreditation's six years: a date far outside is a typing error (and beyond 9999 no date at all)
    else if (date < '2000-01-01' || date > '2100-12-31') problems.push({ field, message: message('catalogue.error.dateRange') });
    else filters[field] = date;
  }
  if (filters.vanaf && filters.tot && filters.vanaf > filters.tot) problems.push({ field: 'tot', message: message('catalogue.error.dateOrder') });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, filters };
}
