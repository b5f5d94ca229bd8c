import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
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
  const error = await readAll(bytes).then(() => undefined, (e: unknown) => e);
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
