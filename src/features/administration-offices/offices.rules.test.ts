import { describe, expect, it } from 'vitest';
import { checkOffice, normaliseKvkNumber, searchTermsOf } from './offices.rules.ts';

describe('an administratiekantoor as register staff type it', () => {
  it('takes a name and a KvK number of 8 digits, spaces and dots dropped', () => {
    expect(checkOffice({ naam: '  Salaris  & Co  ', kvk: '1234 56.78' })).toEqual({ ok: true, value: { name: 'Salaris & Co', kvkNumber: '12345678' } });
    expect(normaliseKvkNumber(' 12.34.56.78 ')).toBe('12345678');
  });

  it('refuses a name too short or too long, and a KvK number that is not 8 digits, each at its field', () => {
    const checked = checkOffice({ naam: 'S', kvk: '1234567' });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.map((p) => [p.field, p.message.key])).toEqual([
      ['naam', 'offices.error.name'],
      ['kvk', 'offices.error.kvk'],
    ]);
    for (const kvk of ['123456789', '1234567a', '', 'KvK 12345678']) expect(checkOffice({ naam: 'Salaris & Co', kvk }).ok, kvk).toBe(false);
    expect(checkOffice({ naam: 'x'.repeat(201), kvk: '12345678' }).ok).toBe(false);
    expect(checkOffice({ naam: 'x'.repeat(200), kvk: '12345678' }).ok).toBe(true);
  });

  it('searches by at most five lower-case words', () => {
    expect(searchTermsOf('  Salaris  NOORD ')).toEqual(['salaris', 'noord']);
    expect(searchTermsOf('a b c d e f g')).toHaveLength(5);
    expect(searchTermsOf('')).toEqual([]);
  });
});
