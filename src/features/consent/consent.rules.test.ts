import { describe, expect, it } from 'vitest';
import { isConfirmed, totalsOf } from './consent.rules.ts';

describe('totalsOf: what the board reads under the activities', () => {
  it('is zero for no activities', () => {
    expect(totalsOf([])).toEqual({ activities: 0, hours: 0, points: 0, themes: [] });
  });

  it('adds hours in tenths without floating-point leftovers, counts unvalued points as 0, and lists each theme once', () => {
    const totals = totalsOf([
      { hours: 0.1, points: null, themes: ['Persoonlijk leiderschap'] },
      { hours: 0.2, points: 20, themes: ['Regie & strategie', 'Persoonlijk leiderschap'] },
      { hours: 12.5, points: 10, themes: [] },
    ]);
    expect(totals).toEqual({ activities: 3, hours: 12.8, points: 30, themes: ['Persoonlijk leiderschap', 'Regie & strategie'] });
  });
});

describe('isConfirmed: withdrawing needs the ticked box', () => {
  it.each([
    ['ja', true],
    [undefined, false],
    ['', false],
    ['nee', false],
    [['ja'], false],
  ])('%j → %s', (value, expected) => {
    expect(isConfirmed(value)).toBe(expected);
  });
});
