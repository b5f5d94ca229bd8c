import { describe, expect, it } from 'vitest';
import { readAs } from './texts.test-support.ts';
import { registerNumberFor } from './register-number.rules.ts';
import { checkQuery, nameWords, searchForm, sqlFoldFrom, sqlFoldTo } from './public-register.rules.ts';

describe('the public search', () => {
  it('folds names without case or diacritics, keeping the tussenvoegsel', () => {
    expect(searchForm('  Bérénice  van der   BERG ')).toBe('berenice van der berg');
    expect(searchForm('Çelik-Yılmaz')).toBe('celik yılmaz');
    expect(searchForm("D'Hondt")).toBe("d'hondt");
  });

  it('folds in SQL the same letters, one for one', () => {
    expect([...sqlFoldFrom].length).toBe([...sqlFoldTo].length);
    for (const [i, ch] of [...sqlFoldFrom].entries()) {
      expect(searchForm(`a${ch}b`), ch).toBe(`a${[...sqlFoldTo][i]}b`);
    }
  });

  it('looks a name up by the word that begins its surname, past initials and tussenvoegsels', () => {
    expect(nameWords(searchForm('B. van der Berg'))).toEqual({ words: ['b', 'van', 'der', 'berg'], anchor: 'berg' });
    expect(nameWords(searchForm('Berg, van der'))).toEqual({ words: ['berg', 'van', 'der'], anchor: 'berg' });
    expect(nameWords(searchForm('Berg B.'))).toEqual({ words: ['berg', 'b'], anchor: 'berg' });
    expect(nameWords(searchForm('van der'))).toEqual({ words: ['van', 'der'], anchor: null });
  });

  it('needs a name of 2 letters, a register number or a school or place', () => {
    expect(searchForm('A.B. de Wit')).toBe('ab de wit');
    expect(checkQuery({ naam: 'Va' })).toEqual({ ok: true, query: { name: 'va', registerNumber: null, school: null } });
    expect(checkQuery({ naam: 'V' })).toEqual({ ok: false, field: 'naam', message: { key: 'register.error.nameTooShort' } });
    expect(readAs(checkQuery({ naam: 'V' }))).toEqual({ ok: false, field: 'naam', message: 'Geef ten minste 2 letters van de naam.' });
    expect(readAs(checkQuery({}))).toEqual({ ok: false, field: 'naam', message: 'Zoek op naam (ten minste 2 letters), registernummer of school of plaats.' });
    expect(checkQuery({ school: 'Assen' })).toEqual({ ok: true, query: { name: null, registerNumber: null, school: 'assen' } });
  });

  it('reads a register number with spaces, and refuses one that is not 9 digits', () => {
    const number = registerNumberFor(1_000_007);
    expect(checkQuery({ registernummer: `${number.slice(0, 4)} ${number.slice(4)}` })).toEqual({
      ok: true,
      query: { name: null, registerNumber: number, school: null },
    });
    expect(readAs(checkQuery({ registernummer: '1234' }))).toEqual({ ok: false, field: 'registernummer', message: 'Een registernummer heeft 9 cijfers.' });
  });
});
