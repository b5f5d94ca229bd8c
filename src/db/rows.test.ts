import { describe, expect, it } from 'vitest';
import { column, countOf, firstRowOf, hasRows, row, rowsOf } from './rows.ts';

const personRow = row({ id: column.text, birthDate: column.day, createdAt: column.moment, points: column.integer.nullable() });

describe('checked query rows', () => {
  it('gives the rows typed as described, a timestamp from json as a Date and a bigint count as a number', () => {
    const rows = rowsOf(personRow, { rows: [{ id: 'a', birthDate: '1980-02-29', createdAt: '2026-12-07T09:00:00.000Z', points: '12' }] });
    expect(rows).toEqual([{ id: 'a', birthDate: '1980-02-29', createdAt: new Date('2026-12-07T09:00:00.000Z'), points: 12 }]);
  });

  it('refuses a row that does not match, naming the column', () => {
    expect(() => rowsOf(personRow, { rows: [{ id: 'a', birthDate: new Date(), createdAt: new Date(), points: null }] })).toThrow(/birthDate/);
    expect(() => rowsOf(personRow, { rows: [{ id: 'a', birthdate: '1980-02-29', createdAt: new Date(), points: null }] })).toThrow(/birthDate/);
  });

  it('answers the first row, whether there are rows, and a count', () => {
    expect(firstRowOf(personRow, { rows: [] })).toBeUndefined();
    expect(hasRows({ rows: [{}] })).toBe(true);
    expect(hasRows({ rows: [] })).toBe(false);
    expect(countOf({ rows: [{ n: '250000' }] })).toBe(250000);
  });
});
