import { describe, expect, it } from 'vitest';
import { expectOneDateStyle, machineDatesIn } from './support/web-session.ts';

// Every page fetched through the WebSession of the page tests passes expectOneDateStyle: these cases show it
// fails on a date in machine form and lets through what may stay machine-like.
describe('one date style on every page', () => {
  it('finds a date in machine form wherever a person reads it: a cell, a sentence, an option, a label', () => {
    expect(machineDatesIn('<td>2030-12-05</td>')).toEqual(['2030-12-05']);
    expect(machineDatesIn('<p>Uitstel tot en met 2027-03-07.</p>')).toEqual(['2027-03-07']);
    expect(machineDatesIn('<select><option value="x">Pabo (2012-07-01)</option></select>')).toEqual(['2012-07-01']);
    expect(machineDatesIn('<span>2025-02-02 – 2025-03-14</span>')).toEqual(['2025-02-02', '2025-03-14']);
    expect(() => expectOneDateStyle('<dd>2030-12-05</dd>', '/mijn-register/herregistratie')).toThrow(/2030-12-05 in machine form/);
  });

  it('passes the one date style, and what may stay machine-like', () => {
    expect(machineDatesIn('<dd>5 december 2030</dd><dd>5 December 2030 at 10:30</dd>')).toEqual([]);
    // what was typed into a form, and machine text shown as such
    expect(machineDatesIn('<input type="date" value="2030-12-05"><textarea>sinds 2030-12-05</textarea><pre>"2030-12-05"</pre>')).toEqual([]);
    // a value quoted from a delivered file, and the example of a date field's format
    expect(machineDatesIn('<td>geboortedatum "1988-02-31" is geen bestaande datum</td>')).toEqual([]);
    expect(machineDatesIn('<div>Bijvoorbeeld 2027-03-10 of 10-03-2027.</div><div>For example 2027-03-10 or 10-03-2027.</div>')).toEqual([]);
    // numbers that are no date: a register number, an id
    expect(machineDatesIn('<td>414642797</td><a href="/x/2030-12-05">019-3abc-2030-12-05x</a>')).toEqual([]);
    expect(() => expectOneDateStyle('<dd>5 december 2030</dd>', '/mijn-register/herregistratie')).not.toThrow();
  });
});
