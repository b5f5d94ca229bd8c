/**
 * Calendar arithmetic on JJJJ-MM-DD dates, as registration periods count: adding years or months
 * keeps the day of the month, and a day the target month lacks becomes its last day (29 February
 * plus one year is 28 February). PostgreSQL's `date + interval` does the same, so the public
 * register's SQL and these rules agree on every date.
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth + 1).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

export const addYears = (date: string, years: number) => addMonths(date, years * 12);

export const isCalendarDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && addMonths(text, 0) === text;

/** The day after (or with a negative count, before) a date, across month and year ends. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

const dutchDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar date (JJJJ-MM-DD) of an instant in the Netherlands. Deadlines, lapse dates, reminders
 * and "today" are Dutch days: in UTC, the first hour or two after midnight would still be yesterday.
 * Intl knows the time zone and its summer time; no date library is needed for this.
 */
export const dutchDateOf = (instant: Date): string => dutchDay.format(instant);

/** Today in the Netherlands, JJJJ-MM-DD. */
export const dutchToday = (now: Date = new Date()): string => dutchDateOf(now);

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const isoDate = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const dutchDatePattern = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

/** `JJJJ-MM-DD` or `DD-MM-JJJJ` (also with `/` or `.`), a real calendar date; the ISO form, else null. */
export function parseDate(value: string): string | null {
  let y: number;
  let m: number;
  let d: number;
  let match = isoDate.exec(value);
  const iso = match !== null;
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = dutchDatePattern.exec(value);
    if (!match) return null;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > (m === 2 && isLeapYear(y) ? 29 : daysInMonth[m - 1])) return null;
  if (iso && value.length === 10) return value; // already JJJJ-MM-DD
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
