import { describe, expect, it } from 'vitest';
import { uuidV7 } from './uuid-v7.ts';

describe('uuidV7', () => {
  it('is a version 7, variant 1 UUID with the time in its first 48 bits', () => {
    // a moment after every id this process made so far: ids never go back in time (see below)
    const at = Date.now() + 3_600_000;
    const id = uuidV7(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('never sorts before an id made earlier, also when the clock goes back', () => {
    const first = uuidV7();
    expect(uuidV7(Date.UTC(2020, 0, 1)) > first).toBe(true);
  });

  it('sorts in the order it was made, also many within one millisecond', () => {
    const ids = Array.from({ length: 10_000 }, () => uuidV7());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
