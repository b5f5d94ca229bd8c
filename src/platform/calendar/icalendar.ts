/**
 * iCalendar (RFC 5545): one event (a run of an offering, an information session) or a feed of many, to
 * put in a calendar. Pure: text in, text out. Shared by the catalogue and the events (decision 027). Lines end in CRLF and are folded at 75 octets (a continuation line starts with a space);
 * TEXT values escape backslash, semicolon, comma and line breaks; times are in UTC (the Z form), so
 * no VTIMEZONE is needed.
 */

export type CalendarEvent = {
  /** globally unique and stable: the same run gives the same UID every time */
  uid: string;
  /** when this file was made */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  /** the place, or "Online" */
  location: string;
  url: string;
  cancelled?: boolean;
};

/** A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as \n. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A DATE-TIME in UTC: 20261123T093000Z. */
export function utcDateTime(value: Date): string {
  return value
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

const encoder = new TextEncoder();
const octets = (text: string) => encoder.encode(text).length;

/**
 * One content line folded at 75 octets (RFC 5545 3.1): never inside a UTF-8 character; each
 * continuation line starts with one space, which counts towards its 75.
 */
export function foldLine(line: string): string {
  if (octets(line) <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = octets(ch);
    if (size + n > limit) {
      parts.push(current);
      current = '';
      size = 0;
      limit = 74; // the leading space is the 75th
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** The VEVENT lines of one event (unfolded). */
function eventLines(event: CalendarEvent): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${utcDateTime(event.stamp)}`,
    `DTSTART:${utcDateTime(event.start)}`,
    `DTEND:${utcDateTime(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    `LOCATION:${escapeText(event.location)}`,
    `URL:${event.url}`,
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
  ];
}

/**
 * A calendar of any number of events (none is a valid, empty calendar), ready to send as text/calendar.
 * `name` becomes X-WR-CALNAME, the name a calendar app gives a subscribed feed.
 */
export function calendarOf(events: readonly CalendarEvent[], options: { product: string; name?: string }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${options.product}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(options.name ? [`X-WR-CALNAME:${escapeText(options.name)}`] : []),
    ...events.flatMap(eventLines),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** The calendar with the one event, ready to send as text/calendar. */
export function eventCalendar(event: CalendarEvent, product = '-//Beroepsregister Onderwijs//Nascholingsaanbod//NL'): string {
  return calendarOf([event], { product });
}
