import { describe, expect, it } from 'vitest';
import { isRegisterNumber, normaliseRegisterNumber, randomRegisterBase, registerNumberFor } from './register-number.rules.ts';

describe('register numbers', () => {
  it('are seven digits and two check digits', () => {
    expect(registerNumberFor(1_000_000)).toMatch(/^1000000\d{2}$/);
    expect(registerNumberFor(1_000_001)).not.toBe(registerNumberFor(1_000_000));
    expect(isRegisterNumber(registerNumberFor(1_234_567))).toBe(true);
  });

  it('catch every single wrong digit and every swap of two neighbours', () => {
    for (const sequence of [1_000_000, 1_234_567, 5_555_555, 9_999_999]) {
      const number = registerNumberFor(sequence);
      for (let i = 0; i < number.length; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === number[i]) continue;
          const typo = number.slice(0, i) + d + number.slice(i + 1);
          expect(isRegisterNumber(typo), typo).toBe(false);
        }
        if (i < number.length - 1 && number[i] !== number[i + 1]) {
          const swapped = number.slice(0, i) + number[i + 1] + number[i] + number.slice(i + 2);
          expect(isRegisterNumber(swapped), swapped).toBe(false);
        }
      }
    }
  });

  it('are read with spaces or dashes as people type them, and nothing else', () => {
    const number = registerNumberFor(1_000_042);
    expect(normaliseRegisterNumber(`${number.slice(0, 3)} ${number.slice(3, 7)}-${number.slice(7)}`)).toBe(number);
    expect(normaliseRegisterNumber('12345678')).toBeNull();
    expect(normaliseRegisterNumber('012345678')).toBeNull();
    expect(normaliseRegisterNumber('abc')).toBeNull();
  });

  it('exist only for the sequence range', () => {
    expect(() => registerNumberFor(999_999)).toThrow(RangeError);
    expect(() => registerNumberFor(10_000_000)).toThrow(RangeError);
  });

  it('new ones are drawn at random over the whole range, so the numbers given cannot be walked', () => {
    const bases = Array.from({ length: 2000 }, randomRegisterBase);
    for (const base of bases) expect(isRegisterNumber(registerNumberFor(base))).toBe(true);
    expect(new Set(bases).size).toBeGreaterThan(1990);
    expect(Math.min(...bases)).toBeLessThan(2_000_000);
    expect(Math.max(...bases)).toBeGreaterThan(9_000_000);
    const sorted = [...bases].sort((a, b) => a - b);
    const neighbours = sorted.filter((b, i) => i > 0 && b - sorted[i - 1] === 1).length;
    expect(neighbours).toBeLessThan(5);
  });
});
