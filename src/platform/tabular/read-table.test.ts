import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { xlsxBomb } from '../../../tests/support/xlsx-bomb.ts';
import { openTable, TableError, type TableRow } from './read-table.ts';

async function readAll(bytes: Buffer, chunkSize = 7): Promise<{ info: unknown; rows: TableRow[] }> {
  // small chunks: every boundary (inside a quoted field, a multi-byte character, a CRLF) gets crossed
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const { info, rows } = await openTable(() => Readable.from(chunks));
  const all: TableRow[] = [];
  for await (const row of rows) all.push(row);
  return { info, rows: all };
}

const windows1252 = (text: string) => Buffer.from(text.replace(/é/g, '\xe9').replace(/ë/g, '\xeb'), 'latin1');

async function errorOf(bytes: Buffer): Promise<TableError> {
  const error = await readAll(bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TableError);
  return error as TableError;
}

describe('reading a CSV file as a stream', () => {
  it('reads UTF-8 with a BOM, with ; and CRLF, numbering rows as a spreadsheet does', async () => {
    const { info, rows } = await readAll(Buffer.from('\uFEFFnaam;plaats\r\nRené;Zoë-stad\r\nAnna;Ede\r\n'));
    expect(info).toEqual({ format: 'csv', encoding: 'utf-8', separator: ';' });
    expect(rows).toEqual([
      { rowNumber: 1, fields: ['naam', 'plaats'] },
      { rowNumber: 2, fields: ['René', 'Zoë-stad'] },
      { rowNumber: 3, fields: ['Anna', 'Ede'] },
    ]);
  });

  it('reads Windows-1252 with , and LF', async () => {
    const { info, rows } = await readAll(windows1252('naam,plaats\nRené,Zoë-stad\n'));
    expect(info).toEqual({ format: 'csv', encoding: 'windows-1252', separator: ',' });
    expect(rows[1].fields).toEqual(['René', 'Zoë-stad']);
  });

  it('reads quoted fields with the separator, doubled quotes and a line break inside', async () => {
    const { rows } = await readAll(Buffer.from('a;b;c\n"x;y";"zei ""hoi""";"twee\nregels"\nlaatste;;\n'));
    expect(rows.map((r) => r.fields)).toEqual([
      ['a', 'b', 'c'],
      ['x;y', 'zei "hoi"', 'twee\nregels'],
      ['laatste', '', ''],
    ]);
    expect(rows[2].rowNumber).toBe(4);
  });

  it('skips empty lines and reads a last line without a line break', async () => {
    const { rows } = await readAll(Buffer.from('a;b\n\n1;2\n\n3;4'));
    expect(rows.map((r) => [r.rowNumber, r.fields])).toEqual([
      [1, ['a', 'b']],
      [3, ['1', '2']],
      [5, ['3', '4']],
    ]);
  });

  it('reads a large file in pieces', async () => {
    const lines = ['nummer;naam', ...Array.from({ length: 50_000 }, (_, i) => `${i};Persoon ${i}`)];
    const { rows } = await readAll(Buffer.from(lines.join('\r\n')), 65_536);
    expect(rows).toHaveLength(50_001);
    expect(rows[50_000]).toEqual({ rowNumber: 50_001, fields: ['49999', 'Persoon 49999'] });
  });

  it('lets the caller stop after the header of a large file without waiting for the rest', async () => {
    const lines = ['nummer;naam', ...Array.from({ length: 100_000 }, (_, i) => `${i};Persoon ${i}`)];
    const source = Readable.from([Buffer.from(lines.join('\n'))]);
    const { rows } = await openTable(() => source);
    expect((await rows.next()).value).toEqual({ rowNumber: 1, fields: ['nummer', 'naam'] });
    await rows.return(undefined);
    expect(source.destroyed).toBe(true);
  });

  it('refuses an empty file, a binary file and a file cut off inside a quoted field', async () => {
    expect((await errorOf(Buffer.from(''))).message).toBe('Het bestand is leeg.');
    expect((await errorOf(Buffer.from(' \r\n '))).message).toBe('Het bestand is leeg.');
    expect((await errorOf(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]))).message).toMatch(/^Dit is geen CSV-bestand/);
    expect((await errorOf(Buffer.from('a;b\n1;"nog niet'))).message).toMatch(/lijkt afgebroken/);
  });
});

describe('reading an XLSX file as a stream', () => {
  async function workbook(fill: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    fill(wb);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('reads the first sheet: text, numbers, dates as JJJJ-MM-DD, formulas by their result', async () => {
    const bytes = await workbook((wb) => {
      const sheet = wb.addWorksheet('Personeel');
      sheet.addRow(['bsn', 'geboortedatum', 'werktijdfactor', 'som']);
      sheet.addRow(['012345672', new Date(Date.UTC(1985, 3, 12)), 0.8, { formula: '1+1', result: 2 }]);
      sheet.addRow([12345672, '12-04-1985', '0,8', null]);
      wb.addWorksheet('Toelichting').addRow(['niet lezen']);
    });
    const { info, rows } = await readAll(bytes, 4096);
    expect(info).toEqual({ format: 'xlsx' });
    expect(rows).toEqual([
      { rowNumber: 1, fields: ['bsn', 'geboortedatum', 'werktijdfactor', 'som'] },
      { rowNumber: 2, fields: ['012345672', '1985-04-12', '0.8', '2'] },
      { rowNumber: 3, fields: ['12345672', '12-04-1985', '0,8'] },
    ]);
  });

  it('refuses a broken XLSX file with a clear message', async () => {
    const bytes = await workbook((wb) => wb.addWorksheet('a').addRow(['x']));
    const error = await errorOf(bytes.subarray(0, 60));
    expect(error.message).toMatch(/^Het XLSX-bestand (is niet te lezen|bevat geen werkblad)/);
  });
});

describe('refusing what no delivery can be (issue 17)', () => {
  const timed = async (bytes: Buffer, chunkSize = 65_536) => {
    const started = performance.now();
    const error = await readAll(bytes, chunkSize).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TableError);
    return { message: (error as TableError).message, ms: performance.now() - started };
  };

  it('refuses a line of 10 MB without a line break within a second', async () => {
    const { message, ms } = await timed(Buffer.from(`personeelsnummer;achternaam\r\n${'x'.repeat(10 * 1024 * 1024)}`));
    expect(message).toBe('Rij 2 is langer dan 20.000 tekens (of het bestand heeft geen regeleinden). Is dit een CSV-bestand van het aanleverformaat?');
    expect(ms).toBeLessThan(1000);
  });

  it('refuses a long record inside quotes as well, where csv-parse reads', async () => {
    const { message } = await timed(Buffer.from(`a;b\r\n1;2\r\n"${'y'.repeat(30_000)}";3\r\n`));
    expect(message).toMatch(/^Rij 3 is langer dan 20\.000 tekens/);
  });

  it('refuses a NUL after the first 4 KB, naming its row and column', async () => {
    const lines = ['personeelsnummer;achternaam', ...Array.from({ length: 1000 }, (_, i) => `P${i};Jansen`)];
    lines[900] = 'P900;Jan\u0000sen';
    const { message } = await timed(Buffer.from(lines.join('\n')), 1000);
    expect(message).toBe(
      'Rij 901, kolom 2: het veld bevat een stuurteken (U+0000) dat niet in een aanlevering mag staan. Verwijder het en lever het bestand opnieuw aan.',
    );
  });

  it('lets tab, CR and LF inside a field through, and refuses other control characters', async () => {
    const { rows } = await readAll(Buffer.from('a;b\n"x\ty";"twee\r\nregels"\n'));
    expect(rows[1].fields).toEqual(['x\ty', 'twee\r\nregels']);
    expect((await timed(Buffer.from('a;b\n1;\u001b[31m\n'))).message).toMatch(/^Rij 2, kolom 2: .*U\+001B/);
  });

  it('refuses a field of 5 MB, a field of 1,001 characters and a row of too many columns', async () => {
    expect((await timed(Buffer.from(`a;voorletters\n1;${'J'.repeat(5 * 1024 * 1024)}\n`))).message).toMatch(/^Rij 2 is langer dan 20\.000 tekens/);
    expect((await timed(Buffer.from(`a;voorletters\n"1";"${'J'.repeat(1001)}"\n`))).message).toBe(
      'Rij 2, kolom 2: het veld is langer dan 1.000 tekens. Staat er een aanhalingsteken te veel?',
    );
    expect((await timed(Buffer.from(`a;b\n${'1;'.repeat(150)}\n`))).message).toBe(
      'Rij 2 heeft 151 kolommen; een aanlevering heeft er ten hoogste 100. Kloppen de scheidingstekens?',
    );
  });

  it('refuses a file of more than a million rows when it gets there', async () => {
    const { message } = await timed(Buffer.from(`a\n${'1\n'.repeat(1_000_001)}`));
    expect(message).toBe('Het bestand heeft meer dan 1.000.000 rijen. Een aanlevering is ten hoogste zo groot: splits het bestand.');
  });
});

describe('refusing an XLSX decompression bomb before exceljs reads it', () => {
  const refusal = async (bytes: Buffer) => {
    const started = performance.now();
    const error = await readAll(bytes, 65_536).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TableError);
    return { message: (error as TableError).message, ms: performance.now() - started };
  };

  it.each([
    ['sizes in the local header', 'honest', 'one-text', /de gedeelde teksten zijn te groot/],
    ['sizes only after the data', 'descriptor', 'one-text', /de gedeelde teksten zijn te groot/],
    ['sizes that lie', 'lie', 'one-text', /de gedeelde teksten zijn te groot/],
    ['millions of small strings', 'lie', 'many-strings', /meer dan 4\.000\.000 gedeelde teksten/],
  ] as const)('refuses 3 GB of shared strings in seconds: %s', async (_, sizes, content, reason) => {
    const { message, ms } = await refusal(await xlsxBomb({ mib: 3072, sizes, content }));
    expect(message).toMatch(/^Het XLSX-bestand is te groot om te lezen: /);
    expect(message).toMatch(reason);
    expect(ms).toBeLessThan(10_000);
  });

  it('refuses a sheet of more rows or columns than a delivery has', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('a');
    sheet.addRow(['a']);
    sheet.getCell('CW2').value = 'x'; // column 101
    expect((await refusal(Buffer.from(await wb.xlsx.writeBuffer()))).message).toBe('Rij 2 heeft 101 kolommen; een aanlevering heeft er ten hoogste 100.');
  });

  it('still reads a workbook of ordinary size after the check', async () => {
    const bytes = await xlsxBomb({ mib: 1, sizes: 'descriptor', content: 'many-strings' }, ['personeelsnummer', 'achternaam']);
    const { rows } = await readAll(bytes, 65_536);
    expect(rows.map((r) => [r.rowNumber, r.fields.length])).toEqual([
      [1, 2],
      [2, 2],
    ]); // the strings are the bomb's own
  });
});
