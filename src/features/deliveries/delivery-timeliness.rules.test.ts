import { describe, expect, it } from 'vitest';
import { isQuiet } from './delivery-timeliness.rules.ts';

describe('a quiet spell in deliveries', () => {
  const now = new Date('2026-12-07T10:00:00Z');
  it('is 35 days without an applied delivery, or none ever', () => {
    expect(isQuiet(null, now)).toBe(true);
    expect(isQuiet(new Date('2026-11-02T10:00:00Z'), now)).toBe(false); // 35 days ago to the hour
    expect(isQuiet(new Date('2026-11-02T09:59:00Z'), now)).toBe(true);
    expect(isQuiet(new Date('2026-12-01T08:00:00Z'), now)).toBe(false);
  });
});
