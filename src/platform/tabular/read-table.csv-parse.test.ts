import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { openTable, type TableRow } from './read-table.ts';

// The reader splits plain lines itself and hands the rest of a file to csv-parse from the first line that
// is not plain. Whatever a file holds, a caller must get what csv-parse gives for the whole file.

/** A small deterministic random source, so a failure can be replayed from its seed. */
function randomOf(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state = Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5;
    return (state >>> 0) / 2 ** 32;
  };
  return { chance: (p: number) => next() < p, pick: <T>(items: T[]) => items[Math.floor(next() * items.length)], int: (n: number) => Math.floor(next() * n) };
}

function randomCsv(seed: number): string {
  const random = randomOf(seed);
  const crlf = random.chance(0.5);
  const plainField = () => random.pick(['Jansen', '12', '', ' ', 'van der Berg', 'a,b', 'é', '0,8', '2020-08-01']);
  const oddField = () => random.pick(['"quoted"', '"with;separator"', '"doubled "" quote"', '"line\nbreak"', '"cr\r\nlf"', 'stray"quote', '"unclosed']);
  const ending = () => (random.chance(0.03) ? random.pick(['\n', '\r\n', '\r']) : crlf ? '\r\n' : '\n');
  const lines: string[] = ['personeelsnummer;achternaam;functie'];
  // a long plain start now and then, so the odd part falls after the first 64 KB the reader peeks at
  const plainLines = random.chance(0.3) ? 2000 + random.int(800) : random.int(20);
  for (let i = 0; i < plainLines; i++) lines.push([`P${i}`, plainField(), 'LERAAR'].join(';'));
  for (let i = 0, n = random.int(30); i < n; i++) {
    if (random.chance(0.1)) lines.push(random.pick(['', '  ']));
    else lines.push(Array.from({ length: 1 + random.int(4) }, () => (random.chance(0.25) ? oddField() : plainField())).join(';'));
  }
  let text = '';
  for (const line of lines) text += line + ending();
  return random.chance(0.3) ? text.replace(/(\r\n|\n|\r)$/, '') : text;
}

function csvParseRows(text: string, separator: string): TableRow[] | 'error' {
  try {
    const records = parse(text, { delimiter: separator, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return records
      .filter(({ record }) => !(record.length === 1 && record[0].trim() === ''))
      .map(({ record, info }) => ({ rowNumber: info.lines, fields: record }));
  } catch {
    return 'error';
  }
}

async function readerRows(text: string, chunkSize: number): Promise<{ separator: string; rows: TableRow[] | 'error' }> {
  const bytes = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const { info, rows } = await openTable(() => Readable.from(chunks));
  const all: TableRow[] = [];
  try {
    for await (const row of rows) all.push(row);
    return { separator: info.separator!, rows: all };
  } catch {
    return { separator: info.separator!, rows: 'error' };
  }
}

describe('CSV read in pieces or by csv-parse alone', () => {
  it('gives the same rows, row numbers and failures for 400 files of plain and odd lines', async () => {
    for (let seed = 1; seed <= 400; seed++) {
      const text = randomCsv(seed);
      const { separator, rows } = await readerRows(text, 1 + ((seed * 7919) % 5000));
      expect({ seed, rows }).toEqual({ seed, rows: csvParseRows(text, separator) });
    }
  });
});
