import { describe, expect, it } from 'vitest';
import { FirstRows, hash53, RepeatedKeys, type KeyedRow } from './repeated-keys.ts';

const row = (staffNumber: string | null, functie: string, bsn: string | null, person: Partial<KeyedRow> = {}): KeyedRow => ({
  staffNumber,
  employmentKey: staffNumber && `${staffNumber}|12AB|00|${functie}`,
  bsn,
  initials: 'A.',
  firstNames: null,
  prefix: null,
  surname: 'Jansen',
  birthDate: '1980-01-01',
  ...person,
});

describe('rows that may break a rule across rows', () => {
  it('pairs each suspect row with the first row of its key; rows that repeat a key lawfully are no suspects', () => {
    const repeats = new RepeatedKeys();
    repeats.note(2, row('P1', 'LERAAR', '111222333'));
    repeats.note(3, row('P1', 'OVERIG', '111222333')); // a second function of the same person: fine
    repeats.note(4, row('P1', 'LERAAR', '111222333')); // the same employment again
    repeats.note(5, row('P1', 'IB', '111222333', { surname: 'Jansen-de Vries' })); // the number with other person data
    repeats.note(6, row('P6', 'LERAAR', '111222333', { surname: 'Pietersen' })); // the BSN under another number
    repeats.note(7, row(null, 'LERAAR', null));
    repeats.note(8, row(null, 'LERAAR', '123456782'));
    repeats.note(9, row(null, 'LERAAR', '123456782')); // no number either time: not "another" number
    repeats.note(10, row('P6', 'IB', '123456782', { surname: 'Pietersen' }));
    expect(repeats.suspects).toEqual({
      employment: { rows: [4], firsts: [2] },
      staff: { rows: [5, 10], firsts: [2, 6] }, // P6 came with another BSN
      bsn: { rows: [6, 10], firsts: [2, 8] },
    });
  });

  it('compares a missing field with an empty one as different, as the database does', () => {
    const repeats = new RepeatedKeys();
    repeats.note(2, row('P1', 'LERAAR', null, { prefix: null }));
    repeats.note(3, row('P1', 'IB', null, { prefix: '' }));
    expect(repeats.suspects.staff).toEqual({ rows: [3], firsts: [2] });
  });

  it('takes a BSN as its number, so BSNs never meet; hashed keys can, and then pair wrongly', () => {
    const repeats = new RepeatedKeys(() => 7); // every personeelsnummer, employment key and person alike
    repeats.note(2, row('A', 'LERAAR', '111222333'));
    repeats.note(3, row('B', 'LERAAR', '111222334'));
    expect(repeats.suspects.bsn).toEqual({ rows: [], firsts: [] });
    // the database compares the real keys of a pair and then checks the whole delivery (deliveries.repo.ts)
    expect(repeats.suspects.employment).toEqual({ rows: [3], firsts: [2] });
  });

  it('keeps the first row and tag of every key as the index grows', () => {
    const firstRows = new FirstRows({ capacity: 4, tags: true });
    for (let i = 0; i < 20_000; i++) expect(firstRows.firstOr(hash53(`P${i}`), i + 2, i * 3)).toBeUndefined();
    for (let i = 0; i < 20_000; i += 997) expect(firstRows.firstOr(hash53(`P${i}`), 99_999)).toEqual({ row: i + 2, tag: i * 3 });
    expect(firstRows.firstOr(0, 5)).toBeUndefined();
    expect(firstRows.firstOr(0, 6)).toEqual({ row: 5, tag: 0 });
    expect(firstRows.firstOr(2 ** 53 - 1, 8, -1)).toBeUndefined();
    expect(firstRows.firstOr(2 ** 53 - 1, 9)).toEqual({ row: 8, tag: -1 });
    const untagged = new FirstRows({ capacity: 2 });
    for (let i = 0; i < 100; i++) untagged.firstOr(i, i + 2, 7);
    expect(untagged.firstOr(42, 0)).toEqual({ row: 44, tag: 0 });
  });

  it('spreads personeelsnummers over 53 bits without meeting', () => {
    const hashes = new Set(Array.from({ length: 100_000 }, (_, i) => hash53(`B${i}`)));
    expect(hashes.size).toBe(100_000);
    expect([...hashes].every((h) => Number.isInteger(h) && h >= 0 && h < 2 ** 53)).toBe(true);
  });
});
