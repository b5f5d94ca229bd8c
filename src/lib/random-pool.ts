import { randomFillSync } from 'node:crypto';

/**
 * Random bytes from the system's generator, drawn 4 KB at a time: one call per random value (an IV
 * per sealed BSN, the random bits of an id) costs more in the call than in the bytes, and a delivery
 * needs hundreds of thousands of them. The bytes are as random; they are handed out only once.
 */
const pool = Buffer.alloc(4096);
let offset = pool.length;

export function pooledRandomBytes(n: number): Buffer {
  if (n > pool.length) throw new RangeError(`at most ${pool.length} bytes at a time`);
  if (offset + n > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const out = Buffer.from(pool.subarray(offset, offset + n));
  offset += n;
  return out;
}
