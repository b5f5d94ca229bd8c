import { describe, expect, it } from 'vitest';
import { registerNumberFor } from '../register/index.ts';
import {
  amsterdamDateTime,
  amsterdamToUtc,
  attendanceOpen,
  checkCatalogueQuery,
  checkRun,
  classifyLines,
  emptyCatalogueQuery,
  numbersFromCsv,
  numbersFromText,
  offeringOpenForRuns,
  parseTime,
  runCancellable,
  type RunForm,
} from './catalogue.rules.ts';
import { addTexts, message, translateMessage } from '../../platform/i18n.ts';
import { catalogueNl } from './catalogue.texts.nl.ts';
import { catalogueEn } from './catalogue.texts.en.ts';

addTexts('catalogue', { nl: catalogueNl, en: catalogueEn });

const validity = { validFrom: '2026-01-01', validUntil: '2027-12-31' };
const form: RunForm = {
  datum: '2027-03-10',
  begintijd: '09:30',
  eindtijd: '16:00',
  vorm: 'locatie',
  plaats: 'Jaarbeurs, Utrecht',
  provincie: 'Utrecht',
  capaciteit: '25',
};
const problemsOf = (f: Partial<RunForm>, v = validity) => {
  const checked = checkRun({ ...form, ...f }, v);
  return checked.ok ? [] : checked.problems.map((p) => p.field);
};

describe('time in Europe/Amsterdam', () => {
  it('winter time is UTC+1, summer time UTC+2', () => {
    expect(amsterdamToUtc('2027-01-12', '09:30').toISOString()).toBe('2027-01-12T08:30:00.000Z');
    expect(amsterdamToUtc('2027-07-12', '09:30').toISOString()).toBe('2027-07-12T07:30:00.000Z');
  });

  it('around the change in spring: the hour that does not exist lands an hour later', () => {
    // 28 March 2027: the clock jumps from 02:00 to 03:00
    expect(amsterdamToUtc('2027-03-28', '01:59').toISOString()).toBe('2027-03-28T00:59:00.000Z');
    expect(amsterdamToUtc('2027-03-28', '02:30').toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(amsterdamToUtc('2027-03-28', '03:00').toISOString()).toBe('2027-03-28T01:00:00.000Z');
  });

  it('around the change in autumn: the hour that occurs twice is taken in summer time', () => {
    // 31 October 2027: the clock goes back from 03:00 to 02:00
    expect(amsterdamToUtc('2027-10-31', '02:30').toISOString()).toBe('2027-10-31T00:30:00.000Z');
    expect(amsterdamToUtc('2027-10-31', '03:30').toISOString()).toBe('2027-10-31T02:30:00.000Z');
  });

  it('reads an instant back as date and time in Amsterdam', () => {
    expect(amsterdamDateTime(new Date('2027-07-12T22:30:00Z'))).toEqual({ date: '2027-07-13', time: '00:30' });
    expect(amsterdamDateTime(new Date('2027-01-12T08:30:00Z'))).toEqual({ date: '2027-01-12', time: '09:30' });
  });

  it('reads times as people type them', () => {
    expect(parseTime('9:30')).toBe('09:30');
    expect(parseTime('09.30')).toBe('09:30');
    expect(parseTime('0930')).toBe('09:30');
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('12:60')).toBeNull();
    expect(parseTime('half tien')).toBeNull();
  });
});

describe('checkRun', () => {
  it('accepts a run at a place, in Dutch time', () => {
    const checked = checkRun(form, validity);
    expect(checked).toEqual({
      ok: true,
      facts: {
        startsAt: new Date('2027-03-10T08:30:00Z'),
        endsAt: new Date('2027-03-10T15:00:00Z'),
        online: false,
        place: 'Jaarbeurs, Utrecht',
        province: 'Utrecht',
        capacity: 25,
      },
    });
  });

  it('accepts an online run without place or province, and drops what was typed there', () => {
    const checked = checkRun({ ...form, vorm: 'online', plaats: 'ergens', provincie: 'Onzin' }, validity);
    expect(checked.ok && checked.facts).toMatchObject({ online: true, place: null, province: null });
  });

  it('wants the end after the start', () => {
    expect(problemsOf({ eindtijd: '09:30' })).toEqual(['eindtijd']);
    expect(problemsOf({ eindtijd: '08:00' })).toEqual(['eindtijd']);
    expect(problemsOf({ eindtijd: '09:31' })).toEqual([]);
  });

  it('wants the day within the accreditation, both ends included', () => {
    expect(problemsOf({ datum: '2026-01-01' })).toEqual([]);
    expect(problemsOf({ datum: '2027-12-31' })).toEqual([]);
    expect(problemsOf({ datum: '2025-12-31' })).toEqual(['datum']);
    expect(problemsOf({ datum: '2028-01-01' })).toEqual(['datum']);
    const checked = checkRun({ ...form, datum: '2028-01-01' }, validity);
    expect(!checked.ok && checked.problems[0].message).toEqual(message('runs.error.afterValidity', { date: '31-12-2027' }));
    expect(!checked.ok && translateMessage('nl', checked.problems[0].message)).toBe(
      'De accreditatie geldt tot en met 31-12-2027: kies een datum tot en met die dag.',
    );
  });

  it('takes capacity from 1 to 10,000, whole numbers only', () => {
    expect(problemsOf({ capaciteit: '1' })).toEqual([]);
    expect(problemsOf({ capaciteit: '10000' })).toEqual([]);
    for (const capaciteit of ['0', '10001', '', '2,5', '-3', 'veel']) expect(problemsOf({ capaciteit }), capaciteit).toEqual(['capaciteit']);
    const checked = checkRun({ ...form, capaciteit: '0' }, validity);
    const said = !checked.ok ? checked.problems[0].message : message('runs.error.capacity');
    expect(translateMessage('nl', said)).toBe('Geef het aantal plaatsen: een heel getal van 1 tot en met 10.000.');
    expect(translateMessage('en', said)).toBe('Enter the number of places: a whole number from 1 to 10,000.');
  });

  it('wants a place and one of the twelve provinces for a run on location, and a choice of online or location', () => {
    expect(problemsOf({ plaats: '', provincie: 'Brabant' })).toEqual(['plaats', 'provincie']);
    expect(problemsOf({ vorm: '' })).toEqual(['vorm']);
  });

  it('names every problem at once', () => {
    expect(problemsOf({ datum: '31-02-2027', begintijd: 'x', eindtijd: '', capaciteit: '0' })).toEqual(['datum', 'begintijd', 'eindtijd', 'capaciteit']);
  });
});

describe('what an offering and a run allow', () => {
  it('takes new runs only when accredited and within validity', () => {
    expect(offeringOpenForRuns({ status: 'geaccrediteerd', ...validity }, '2026-06-01')).toEqual({ open: true });
    expect(offeringOpenForRuns({ status: 'ingediend', ...validity }, '2026-06-01').open).toBe(false);
    expect(offeringOpenForRuns({ status: 'geaccrediteerd', ...validity }, '2028-01-01')).toMatchObject({
      open: false,
      reason: message('runs.error.expired', { date: '31-12-2027' }),
    });
    expect(offeringOpenForRuns({ status: 'geaccrediteerd', ...validity }, '2025-12-31').open).toBe(false);
  });

  it('cancels a run only without attendance, and only once', () => {
    expect(runCancellable({ cancelledAt: null, attendanceCount: 0 })).toEqual({ ok: true });
    expect(runCancellable({ cancelledAt: null, attendanceCount: 1 }).ok).toBe(false);
    expect(runCancellable({ cancelledAt: new Date(), attendanceCount: 0 }).ok).toBe(false);
  });

  it('records attendance from the start of a run, never for a cancelled one', () => {
    const startsAt = new Date('2027-03-10T08:30:00Z');
    expect(attendanceOpen({ startsAt, cancelledAt: null }, new Date('2027-03-10T08:29:59Z')).open).toBe(false);
    expect(attendanceOpen({ startsAt, cancelledAt: null }, new Date('2027-03-10T08:30:00Z')).open).toBe(true);
    expect(attendanceOpen({ startsAt, cancelledAt: new Date() }, new Date('2028-01-01')).open).toBe(false);
  });
});

describe('register numbers from a form or a file', () => {
  const a = registerNumberFor(1_000_001);
  const b = registerNumberFor(1_000_002);

  it('reads one number per line, skipping empty lines but keeping line numbers', () => {
    expect(numbersFromText(`${a}\r\n\n  ${b}  \n`)).toEqual([
      { line: 1, value: a },
      { line: 3, value: b },
    ]);
  });

  it('classifies invalid check digits and duplicates, and accepts spaces and dashes', () => {
    const wrong = `${a.slice(0, 8)}${(Number(a[8]) + 1) % 10}`;
    const spaced = `${b.slice(0, 3)} ${b.slice(3, 6)}-${b.slice(6)}`;
    const classified = classifyLines([
      { line: 1, value: a },
      { line: 2, value: wrong },
      { line: 3, value: spaced },
      { line: 4, value: a },
      { line: 5, value: '12345' },
    ]);
    expect(classified).toEqual([
      { line: 1, value: a, kind: 'number', registerNumber: a },
      { line: 2, value: wrong, kind: 'problem', outcome: 'ongeldig' },
      { line: 3, value: spaced, kind: 'number', registerNumber: b },
      { line: 4, value: a, kind: 'problem', outcome: 'dubbel', firstLine: 1 },
      { line: 5, value: '12345', kind: 'problem', outcome: 'ongeldig' },
    ]);
  });

  it('reads a CSV file by its header, with ; or , and rows numbered as in a spreadsheet', () => {
    expect(numbersFromCsv(`\uFEFFnaam;Registernummer\r\nJan;${a}\r\n;\r\nPiet;${b}\r\n`)).toEqual({
      ok: true,
      lines: [
        { line: 2, value: a },
        { line: 4, value: b },
      ],
    });
    expect(numbersFromCsv(`registernummer,naam\n"${a}","de Vries, Jan"\n${b},Piet\n`)).toEqual({
      ok: true,
      lines: [
        { line: 2, value: a },
        { line: 3, value: b },
      ],
    });
  });

  it('refuses a file without the column, or an empty one, with a reason', () => {
    const noColumn = numbersFromCsv(`${a}\n${b}\n`);
    expect(noColumn).toEqual({ ok: false, message: message('attendance.error.noColumn') });
    expect(!noColumn.ok && translateMessage('nl', noColumn.message)).toContain('geen kolom registernummer');
    expect(numbersFromCsv('  \n')).toEqual({ ok: false, message: message('attendance.error.emptyFile') });
  });
});

describe('checkCatalogueQuery', () => {
  const check = (q: Partial<typeof emptyCatalogueQuery>) => checkCatalogueQuery({ ...emptyCatalogueQuery, ...q });

  it('an empty query is no filter', () => {
    expect(check({})).toEqual({ ok: true, filters: {} });
  });

  it('reads every filter', () => {
    expect(
      check({
        zoek: '  rekenen   groep 5 ',
        thema: 'Omgaan met verschillen',
        puntenMin: '5',
        puntenMax: '40',
        regio: 'Noord-Brabant',
        vorm: 'online',
        vanaf: '01-02-2027',
        tot: '2027-03-01',
      }),
    ).toEqual({
      ok: true,
      filters: {
        zoek: 'rekenen groep 5',
        thema: 'Omgaan met verschillen',
        puntenMin: 5,
        puntenMax: 40,
        regio: 'Noord-Brabant',
        vorm: 'online',
        vanaf: '2027-02-01',
        tot: '2027-03-01',
      },
    });
    expect(check({ regio: 'online' })).toEqual({ ok: true, filters: { regio: 'online' } });
  });

  it('names each wrong filter at its field', () => {
    const checked = check({ puntenMin: '50', puntenMax: '10', regio: 'Vlaanderen', vorm: 'op afstand', vanaf: '2027-13-01', tot: 'morgen' });
    expect(!checked.ok && checked.problems.map((p) => p.field)).toEqual(['puntenMax', 'regio', 'vorm', 'vanaf', 'tot']);
    const dates = check({ vanaf: '2027-03-02', tot: '2027-03-01' });
    expect(!dates.ok && dates.problems).toEqual([{ field: 'tot', message: message('catalogue.error.dateOrder') }]);
    expect(check({ puntenMin: '-1' }).ok).toBe(false);
  });

  it('refuses a date outside 2000–2100 (9999-12-31 once gave a 500)', () => {
    for (const tot of ['9999-12-31', '31-12-9999', '0050-06-01']) {
      const checked = check({ tot });
      expect(!checked.ok && checked.problems, tot).toEqual([{ field: 'tot', message: message('catalogue.error.dateRange') }]);
    }
  });
});
