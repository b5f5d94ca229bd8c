import { describe, expect, it } from 'vitest';
import { changeQuery, checkGroupSize, firstName, groupingSetting, readChange, scoreChange, signed } from './event-groups.rules.ts';

describe('the group size', () => {
  it('is a whole number from 2 to the number of registrants', () => {
    expect(checkGroupSize('10', 26)).toEqual({ ok: true, size: 10 });
    expect(checkGroupSize(' 26 ', 26)).toEqual({ ok: true, size: 26 });
    for (const bad of ['0', '1', '27', '', 'tien', '2.5', '-3', '1e1']) expect(checkGroupSize(bad, 26).ok).toBe(false);
  });
});

describe('the score change in the notice', () => {
  const score = (perAttribute: Record<string, number>) => ({ total: Object.values(perAttribute).reduce((a, b) => a + b, 0), perAttribute, groups: [] });

  it('names the total and every attribute that changed, and survives the trip through the query string', () => {
    const change = scoreChange(score({ province: 4, role: 2, setting: 3 }), score({ province: 5, role: 1, setting: 3 }));
    expect(change).toEqual({
      before: 9,
      after: 9,
      attributes: [
        { name: 'province', delta: 1 },
        { name: 'role', delta: -1 },
      ],
    });
    const query = new URLSearchParams(changeQuery(change));
    expect(readChange({ voor: query.get('voor')!, na: query.get('na')!, kenmerken: query.get('kenmerken')! })).toEqual(change);
  });

  it('reads nothing from a query string it did not write', () => {
    expect(readChange({ voor: '5' })).toBeUndefined();
    expect(readChange({ voor: 'x', na: '3' })).toBeUndefined();
    expect(readChange({ voor: '5', na: '6', kenmerken: 'shoeSize:1' })).toBeUndefined();
    expect(readChange({ voor: '5', na: '6', kenmerken: 'role:<b>' })).toBeUndefined();
  });

  it('writes a difference with its sign', () => {
    expect([signed(2), signed(-1), signed(0)]).toEqual(['+2', '−1', '±0']);
  });
});

describe('what the grouping takes from a registration', () => {
  it('maps the stored setting to the grouping’s codes, and nothing else', () => {
    expect([groupingSetting('stad'), groupingSetting('dorp'), groupingSetting('platteland'), groupingSetting(null), groupingSetting('zee')]).toEqual([
      'city',
      'town',
      'village',
      null,
      null,
    ]);
  });

  it('tells group members only the first name', () => {
    expect(firstName('  Anouk de Vries ')).toBe('Anouk');
  });
});
