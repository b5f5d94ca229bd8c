import { describe, expect, it } from 'vitest';
import { calendarOf, escapeText, eventCalendar, foldLine, utcDateTime } from './icalendar.ts';

const event = {
  uid: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b@beroepsregister.nl',
  stamp: new Date('2026-11-23T08:00:00.123Z'),
  start: new Date('2027-01-12T08:30:00Z'),
  end: new Date('2027-01-12T15:00:00Z'),
  summary: 'Rekenen, taal; en meer',
  location: 'Hogeschool Utrecht, Padualaan 99, Utrecht',
  url: 'https://beroepsregister.example.nl/aanbod/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
};

const octets = (s: string) => new TextEncoder().encode(s).length;

describe('escapeText', () => {
  it('escapes backslash, semicolon and comma, and writes line breaks as \\n', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });
  it('leaves a colon and quotes alone', () => {
    expect(escapeText('Let op: "nieuw"')).toBe('Let op: "nieuw"');
  });
});

describe('utcDateTime', () => {
  it('is the basic UTC form without milliseconds', () => {
    expect(utcDateTime(new Date('2027-01-12T08:30:00.999Z'))).toBe('20270112T083000Z');
  });
});

describe('foldLine', () => {
  it('leaves a line of 75 octets as it is', () => {
    const line = 'X'.repeat(75);
    expect(foldLine(line)).toBe(line);
  });

  it('folds a longer line into parts of at most 75 octets, each continuation starting with a space', () => {
    const line = `DESCRIPTION:${'a'.repeat(200)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBe(3);
    for (const part of parts) expect(octets(part)).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    // unfolding (drop CRLF + one space) gives the line back
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('never cuts a multi-byte character in two', () => {
    const line = `SUMMARY:${'é'.repeat(60)}`; // 8 + 120 octets
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      expect(part).not.toContain('\uFFFD');
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });
});

describe('eventCalendar', () => {
  const text = eventCalendar({ ...event, description: `Aanbieder: Hogeschool Utrecht. ${'Lang verhaal over rekenen. '.repeat(5)}` });
  const lines = text.split('\r\n');

  it('ends every line with CRLF, and has no bare LF', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('is one VCALENDAR with one VEVENT and the required properties', () => {
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.some((l) => l.startsWith('PRODID:'))).toBe(true);
    expect(lines).toContain('BEGIN:VEVENT');
    expect(lines).toContain('END:VEVENT');
    expect(lines.at(-2)).toBe('END:VCALENDAR');
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain(`UID:${event.uid}`);
    expect(unfolded).toContain('DTSTAMP:20261123T080000Z');
    expect(unfolded).toContain('DTSTART:20270112T083000Z');
    expect(unfolded).toContain('DTEND:20270112T150000Z');
    expect(unfolded).toContain('SUMMARY:Rekenen\\, taal\\; en meer');
    expect(unfolded).toContain('LOCATION:Hogeschool Utrecht\\, Padualaan 99\\, Utrecht');
    expect(unfolded).toContain(`URL:${event.url}`);
    expect(unfolded).toContain('STATUS:CONFIRMED');
  });

  it('folds every line at 75 octets', () => {
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
  });

  it('says Online for a run without a place, and CANCELLED for a cancelled one', () => {
    const online = eventCalendar({ ...event, location: 'Online', cancelled: true });
    expect(online).toContain('LOCATION:Online\r\n');
    expect(online).toContain('STATUS:CANCELLED\r\n');
    expect(online).not.toContain('DESCRIPTION');
  });
});

describe('calendarOf', () => {
  it('holds every event once, in order, with the feed name, inside one VCALENDAR', () => {
    const second = { ...event, uid: 'tweede@beroepsregister.nl', summary: 'Meedenksessie', cancelled: true };
    const text = calendarOf([event, second], { product: '-//Beroepsregister Onderwijs//Bijeenkomsten//NL', name: 'Bijeenkomsten, beroepsregister' });
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(unfolded.match(/BEGIN:VCALENDAR/g)).toHaveLength(1);
    expect(unfolded.indexOf(`UID:${event.uid}`)).toBeLessThan(unfolded.indexOf('UID:tweede@beroepsregister.nl'));
    expect(unfolded).toContain('X-WR-CALNAME:Bijeenkomsten\\, beroepsregister\r\n');
    expect(unfolded).toContain('STATUS:CANCELLED\r\n');
    expect(unfolded).toContain('PRODID:-//Beroepsregister Onderwijs//Bijeenkomsten//NL\r\n');
  });

  it('is a valid, empty calendar without events', () => {
    const text = calendarOf([], { product: '-//x//y//NL' });
    expect(text).toBe('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//NL\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n');
  });
});
