import fc from 'fast-check';
import { xlsxMediaType } from '../../src/features/deliveries/index.ts';
import { columns } from '../../src/features/deliveries/index.ts';

/**
 * Delivery files as an attacker or a broken export would send them: a valid table mutated (columns
 * swapped, shifted or dropped, cells replaced by odd text), its bytes mutated (other encodings, line
 * endings, cut off, stray quotes, random bytes), or random bytes altogether. A case is plain data, so
 * fast-check can shrink it; deliveryFileBytes turns it into the file.
 */
export type TableMutation =
  | { kind: 'set'; row: number; col: number; value: string }
  | { kind: 'insert'; row: number; col: number; value: string }
  | { kind: 'swap'; a: number; b: number; headerToo: boolean }
  | { kind: 'drop'; col: number }
  | { kind: 'dropRow'; row: number };

export type ByteMutation =
  | { kind: 'encoding'; to: 'latin1' | 'utf16le' | 'utf8-bom' | 'utf16le-bom' }
  | { kind: 'lineEndings'; to: '\n' | '\r' | '' }
  | { kind: 'truncate'; at: number }
  | { kind: 'quote'; at: number }
  | { kind: 'bytes'; at: number; bytes: Uint8Array };

export type DeliveryFileCase = {
  file:
    | { kind: 'table'; format: 'csv' | 'xlsx'; rows: number; table: TableMutation[]; bytes: ByteMutation[] }
    | { kind: 'random'; format: 'csv' | 'xlsx'; bytes: Uint8Array };
  /** the Content-Type sent: the file's own, or the other one */
  contentType: 'own' | 'other';
  modus: string;
  apply: boolean;
};

export type DeliveryBase = { boardNumber: string; brin: string; location: string };

const huge = fc.integer({ min: 1_000, max: 40_000 }).chain((n) => fc.constantFrom('x', 'J.', '"', ';', 'é', '\u0000').map((unit) => unit.repeat(n)));
/** A cell's text: any unicode, control characters, the format's own separators, BSN-shaped numbers, odd dates, very long text. */
export const cellText = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 30 }), weight: 3 },
  {
    arbitrary: fc.constantFrom(
      '',
      '"',
      '""',
      ';',
      '\r\n',
      '\u0000',
      '\u2028',
      '=HYPERLINK("x")',
      '123456782',
      '111222333',
      '1980-02-30',
      '9999-12-31',
      '0',
      '-1',
      '1e308',
      'NaN',
    ),
    weight: 3,
  },
  {
    arbitrary: fc
      .tuple(fc.string({ maxLength: 8 }), fc.constantFrom('\u0000', '\u0000', '\u0001', '\u0008', '\u000b', '\u001b', '\u007f'), fc.string({ maxLength: 8 }))
      .map((parts) => parts.join('')),
    weight: 3,
  },
  { arbitrary: huge, weight: 1 },
);

const tableMutation: fc.Arbitrary<TableMutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), row: fc.nat(100), col: fc.nat(30), value: cellText }),
  fc.record({ kind: fc.constant('insert' as const), row: fc.nat(100), col: fc.nat(30), value: cellText }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(30), b: fc.nat(30), headerToo: fc.boolean() }),
  fc.record({ kind: fc.constant('drop' as const), col: fc.nat(30) }),
  fc.record({ kind: fc.constant('dropRow' as const), row: fc.nat(100) }),
);

const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({
    kind: fc.constant('encoding' as const),
    to: fc.constantFrom('latin1' as const, 'utf16le' as const, 'utf8-bom' as const, 'utf16le-bom' as const),
  }),
  fc.record({ kind: fc.constant('lineEndings' as const), to: fc.constantFrom('\n' as const, '\r' as const, '' as const) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(1_000_000) }),
  fc.record({ kind: fc.constant('quote' as const), at: fc.nat(1_000_000) }),
  fc.record({ kind: fc.constant('bytes' as const), at: fc.nat(1_000_000), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
);

const format = fc.constantFrom('csv' as const, 'xlsx' as const);

export const deliveryFileCase: fc.Arbitrary<DeliveryFileCase> = fc.record({
  file: fc.oneof(
    {
      arbitrary: fc.record({
        kind: fc.constant('table' as const),
        format,
        rows: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 40, max: 80 })),
        table: fc.array(tableMutation, { maxLength: 4 }),
        bytes: fc.array(byteMutation, { maxLength: 2 }),
      }),
      weight: 4,
    },
    { arbitrary: fc.record({ kind: fc.constant('random' as const), format, bytes: fc.uint8Array({ maxLength: 4096 }) }), weight: 1 },
  ),
  contentType: fc.constantFrom('own' as const, 'own' as const, 'own' as const, 'other' as const),
  modus: fc.constantFrom('volledig', 'mutaties', 'volledig', 'mutaties', ''),
  apply: fc.boolean(),
});

/** Row n of a file that passes every check, for the board and school the fuzz delivers for. */
function validRow(base: DeliveryBase, n: number): string[] {
  const values: Partial<Record<(typeof columns)[number], string>> = {
    bevoegd_gezag_nummer: base.boardNumber,
    personeelsnummer: `F${n}`,
    voorletters: 'F.',
    achternaam: `Fuzz${n}`,
    geboortedatum: '1980-05-05',
    instellingscode: base.brin,
    vestigingscode: base.location,
    functie: 'LERAAR',
    benoemingsgrondslag: 'BEVOEGD',
    begindatum: '2019-08-01',
  };
  return columns.map((c) => values[c] ?? '');
}

function mutateTable(table: string[][], m: TableMutation): void {
  const width = Math.max(1, ...table.map((r) => r.length));
  const at = (row: number) => table[row % table.length];
  if (m.kind === 'set' && table.length) at(m.row)[m.col % width] = m.value;
  if (m.kind === 'insert' && table.length) at(m.row).splice(m.col % width, 0, m.value);
  if (m.kind === 'swap') {
    for (const [i, row] of table.entries()) {
      if (i === 0 && !m.headerToo) continue;
      [row[m.a % width], row[m.b % width]] = [row[m.b % width] ?? '', row[m.a % width] ?? ''];
    }
  }
  if (m.kind === 'drop') for (const row of table) row.splice(m.col % width, 1);
  if (m.kind === 'dropRow' && table.length > 1) table.splice(1 + (m.row % (table.length - 1)), 1);
}

function mutateBytes(bytes: Buffer, m: ByteMutation): Buffer {
  const pos = (at: number) => (bytes.length ? at % (bytes.length + 1) : 0);
  switch (m.kind) {
    case 'encoding': {
      const text = bytes.toString('utf8');
      if (m.to === 'latin1') return Buffer.from(text, 'latin1');
      if (m.to === 'utf16le') return Buffer.from(text, 'utf16le');
      if (m.to === 'utf8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    }
    case 'lineEndings':
      return Buffer.from(bytes.toString('latin1').replace(/\r\n/g, m.to), 'latin1');
    case 'truncate':
      return bytes.subarray(0, pos(m.at));
    case 'quote':
      return Buffer.concat([bytes.subarray(0, pos(m.at)), Buffer.from('"'), bytes.subarray(pos(m.at))]);
    case 'bytes':
      return Buffer.concat([bytes.subarray(0, pos(m.at)), m.bytes, bytes.subarray(pos(m.at))]);
  }
}

const csvCell = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
// exceljs writes what it is given into the XML; characters XML cannot hold would make our own file invalid, not the server's reading of it
const xmlSafe = (v: string) => v.replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '\ufffd');

async function xlsxOf(table: string[][]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Personeel');
  for (const row of table) sheet.addRow(row.map(xmlSafe));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function deliveryFileBytes(c: DeliveryFileCase, base: DeliveryBase): Promise<Buffer> {
  if (c.file.kind === 'random') return Buffer.from(c.file.bytes);
  const table = [[...columns] as string[], ...Array.from({ length: c.file.rows }, (_, n) => validRow(base, n))];
  for (const m of c.file.table) mutateTable(table, m);
  let bytes = c.file.format === 'xlsx' ? await xlsxOf(table) : Buffer.from(`${table.map((r) => r.map(csvCell).join(';')).join('\r\n')}\r\n`);
  for (const m of c.file.bytes) bytes = mutateBytes(bytes, m);
  return bytes;
}

export function contentTypeOf(c: DeliveryFileCase): string {
  const own = c.file.format === 'csv' ? 'text/csv' : xlsxMediaType;
  const other = c.file.format === 'csv' ? xlsxMediaType : 'text/csv';
  return c.contentType === 'own' ? own : other;
}
