import { describe, expect, it } from 'vitest';
import { pooledRandomBytes } from './random-pool.ts';

describe('pooledRandomBytes', () => {
  it('hands out fresh bytes every time, also across refills of the pool', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) seen.add(pooledRandomBytes(12).toString('hex')); // about six refills
    expect(seen.size).toBe(2000);
  });

  it('gives a copy: a value does not change when the pool is refilled', () => {
    const iv = pooledRandomBytes(12);
    const before = iv.toString('hex');
    for (let i = 0; i < 1000; i++) pooledRandomBytes(16);
    expect(iv.toString('hex')).toBe(before);
  });

  it('refuses more than the pool holds', () => {
    expect(() => pooledRandomBytes(5000)).toThrow(RangeError);
  });
});
