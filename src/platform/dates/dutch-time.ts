/**
 * Wall-clock time in the Netherlands (Europe/Amsterdam): an instant from a date and time as people
 * type them, and back. Intl knows the time zone and its summer time; no date library is needed. Moved
 * here from the catalogue when the events feature needed the same (decision 027).
 */

/** Events, runs and sessions are planned and shown in Dutch time. */
export const timeZone = 'Europe/Amsterdam';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The wall-clock fields in Amsterdam at an instant. */
function amsterdamParts(instant: number): { y: number; m: number; d: number; h: number; mi: number; s: number } {
  const p = Object.fromEntries(partsFormat.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day), h: Number(p.hour), mi: Number(p.minute), s: Number(p.second) };
}

/** Amsterdam's offset from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function offsetAt(instant: number): number {
  const p = amsterdamParts(instant);
  return Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi, p.s) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant of a wall-clock time in Amsterdam (date JJJJ-MM-DD, time HH:MM). A time in the hour
 * that does not exist (the clock jumps from 02:00 to 03:00 in spring) lands an hour later; the hour
 * that occurs twice in autumn is taken in summer time, the first of the two.
 */
export function amsterdamToUtc(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const naive = Date.UTC(y, m - 1, d, h, mi);
  const half = 12 * 3600_000;
  // the offsets half a day either side: one of them is the offset at the time asked (they differ only around a change)
  const candidates = [...new Set([offsetAt(naive - half), offsetAt(naive + half)])].map((offset) => naive - offset);
  const fits = candidates.filter((instant) => {
    const p = amsterdamParts(instant);
    return Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi) === naive;
  });
  return new Date(fits.length > 0 ? Math.min(...fits) : naive - offsetAt(naive - half));
}

/** The date (JJJJ-MM-DD) and time (HH:MM) in Amsterdam of an instant. */
export function amsterdamDateTime(instant: Date): { date: string; time: string } {
  const p = amsterdamParts(instant.getTime());
  const two = (n: number) => String(n).padStart(2, '0');
  return { date: `${p.y}-${two(p.m)}-${two(p.d)}`, time: `${two(p.h)}:${two(p.mi)}` };
}

/** HH:MM from what people type: 9:30, 09:30, 09.30 or 0930. */
export function parseTime(value: string): string | null {
  const match = /^(\d{1,2})[:.]?(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [h, m] = [Number(match[1]), Number(match[2])];
  if (h > 23 || m > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
