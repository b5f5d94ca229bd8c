import { pooledRandomBytes as randomBytes } from './random-pool.ts';

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Ids made one after
 * the other sort together, so a bulk insert appends to the primary-key index instead of touching
 * random pages of it. Within one millisecond a 12-bit counter keeps them in order.
 */
let lastMs = 0;
let counter = 0;

export function uuidV7(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = randomBytes(2).readUInt16BE(0) & 0x7ff; // start low in the range, leaving room to count up
  } else if (++counter > 0xfff) {
    lastMs++; // more than the counter holds in one millisecond: borrow the next one
    counter = 0;
  }
  const bytes = Buffer.alloc(16);
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  randomBytes(8).copy(bytes, 8);
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
