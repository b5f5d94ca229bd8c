import { describe, expect, it } from 'vitest';
import { dutchDateOf, dutchToday } from './calendar.ts';

describe('the Dutch calendar date of an instant', () => {
  it('is already the next day in the first hour after midnight in winter (UTC+1) and two in summer (UTC+2)', () => {
    expect(dutchDateOf(new Date('2026-01-14T23:30:00Z'))).toBe('2026-01-15');
    expect(dutchDateOf(new Date('2026-01-14T22:59:00Z'))).toBe('2026-01-14');
    expect(dutchDateOf(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
    expect(dutchDateOf(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  });

  it('follows the change to and from summer time', () => {
    // 29 March 2026: clocks go from 02:00 to 03:00; 25 October 2026: from 03:00 back to 02:00
    expect(dutchDateOf(new Date('2026-03-28T23:00:00Z'))).toBe('2026-03-29');
    expect(dutchDateOf(new Date('2026-10-24T22:00:00Z'))).toBe('2026-10-25');
    expect(dutchDateOf(new Date('2026-10-24T21:59:00Z'))).toBe('2026-10-24');
  });

  it('is the date of now, by default', () => {
    expect(dutchToday()).toBe(dutchDateOf(new Date()));
    expect(dutchToday(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });
});
