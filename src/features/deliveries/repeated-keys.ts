import type { CleanRow } from './delivery-format.rules.ts';

/**
 * The rows of a delivery that may break a rule across rows, noted while the rows stream by: the same
 * employment twice, one personeelsnummer with two people's data, one BSN under two personeelsnummers.
 * Each suspect row comes with the first row of its key, and the database confirms and words the message
 * from those two staged rows alone. Grouping the whole staged delivery for these checks instead took
 * 1.3–2.5 s of 250,000 rows, most of it reading back what had just been written (decision 014).
 *
 * What is kept is a 53-bit hash per distinct key with its first row and, for a personeelsnummer or a
 * BSN, a 53-bit tag (the hash of that row's person data, or of its personeelsnummer): 24 to 80 bytes a
 * key in typed arrays with their empty slots, about 30 MB for 250,000 rows; never the rows.
 * A BSN is its own number. Two different keys with one hash pair a row with the wrong first row: the
 * database compares the real keys of every pair and, when one differs, checks the whole delivery the
 * slow way (deliveries.repo.ts). Two different tags with one hash hide a conflict; for 53 bits that is
 * about once in 10^15 repeated keys, and then the first row's person data is the one applied.
 */
export type RowPairs = { rows: number[]; firsts: number[] };

export type SuspectPairs = { employment: RowPairs; staff: RowPairs; bsn: RowPairs };

/** cyrb53 (bryc, public domain): a fast 53-bit string hash, well spread, not cryptographic. */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** murmur3's finaliser over both halves: neighbouring keys (BSNs) land far apart, so probe runs stay short */
function spread(key: number): number {
  let h = (key >>> 0) ^ ((key / 4294967296) | 0);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export type FirstRow = { row: number; tag: number };

/** Open addressing over typed arrays: a key (a whole number below 2^53), the first row seen with it and, when kept, that row's tag. */
export class FirstRows {
  private keys: Float64Array;
  private rows: Int32Array;
  private tags: Float64Array | undefined;
  private count = 0;
  private readonly found: FirstRow = { row: 0, tag: 0 };

  constructor(options: { capacity?: number; tags?: boolean } = {}) {
    const capacity = options.capacity ?? 1024;
    this.keys = new Float64Array(capacity);
    this.rows = new Int32Array(capacity);
    this.tags = options.tags ? new Float64Array(capacity) : undefined;
  }

  /**
   * The first row noted under `key` and its tag; when there is none, `row` and `tag` are noted under it and
   * the answer is undefined. The answer is reused by the next call: read it before noting again.
   */
  firstOr(key: number, row: number, tag = 0): FirstRow | undefined {
    const stored = key + 1; // 0 marks an empty slot
    const mask = this.keys.length - 1;
    let slot = spread(stored) & mask;
    for (;;) {
      const found = this.keys[slot];
      if (found === 0) break;
      if (found === stored) {
        this.found.row = this.rows[slot];
        this.found.tag = this.tags ? this.tags[slot] : 0;
        return this.found;
      }
      slot = (slot + 1) & mask;
    }
    this.keys[slot] = stored;
    this.rows[slot] = row;
    if (this.tags) this.tags[slot] = tag;
    if (++this.count * 2 > this.keys.length) this.grow();
    return undefined;
  }

  private grow(): void {
    const { keys, rows, tags } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.rows = new Int32Array(keys.length * 2);
    this.tags = tags && new Float64Array(keys.length * 2);
    this.count = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.firstOr(keys[i] - 1, rows[i], tags ? tags[i] : 0);
  }
}

/** The parts of a checked row the rules across rows compare. */
export type KeyedRow = Pick<CleanRow, 'employmentKey' | 'staffNumber' | 'bsn' | 'initials' | 'firstNames' | 'prefix' | 'surname' | 'birthDate'>;

/** What the database compares for "a personeelsnummer with two people's data" (deliveries.repo.ts), as one text. */
const personOf = (row: KeyedRow) => [row.bsn, row.initials, row.firstNames, row.prefix, row.surname, row.birthDate].map((v) => v ?? '\u0001').join('\u0000');

export class RepeatedKeys {
  private readonly firstRows = { employment: new FirstRows(), staff: new FirstRows({ tags: true }), bsn: new FirstRows({ tags: true }) };
  readonly suspects: SuspectPairs = {
    employment: { rows: [], firsts: [] },
    staff: { rows: [], firsts: [] },
    bsn: { rows: [], firsts: [] },
  };

  /** `hash` only for tests, to make two keys meet */
  constructor(private readonly hash: (text: string) => number = hash53) {}

  /** Rows must come in the order of their row numbers. */
  note(rowNumber: number, row: KeyedRow): void {
    if (row.employmentKey !== null) {
      const first = this.firstRows.employment.firstOr(this.hash(row.employmentKey), rowNumber);
      if (first) this.suspect('employment', rowNumber, first.row);
    }
    const staff = row.staffNumber === null ? null : this.hash(row.staffNumber);
    if (staff !== null) {
      const person = this.hash(personOf(row));
      const first = this.firstRows.staff.firstOr(staff, rowNumber, person);
      if (first && first.tag !== person) this.suspect('staff', rowNumber, first.row);
    }
    if (row.bsn !== null) {
      // a row without a personeelsnummer is tagged -1, which no hash is
      const first = this.firstRows.bsn.firstOr(Number(row.bsn), rowNumber, staff ?? -1);
      if (first && first.tag !== (staff ?? -1)) this.suspect('bsn', rowNumber, first.row);
    }
  }

  private suspect(kind: keyof SuspectPairs, rowNumber: number, firstRow: number): void {
    this.suspects[kind].rows.push(rowNumber);
    this.suspects[kind].firsts.push(firstRow);
  }
}
