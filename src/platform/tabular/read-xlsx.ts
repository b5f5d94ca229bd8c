import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { tableLimits } from './limits.ts';
import { TableError, type TableRow } from './table-types.ts';

/** A cell as text: numbers as written, dates as JJJJ-MM-DD, formulas by their result, rich text joined. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

/**
 * The first worksheet of an XLSX stream, row by row (exceljs' streaming reader: the file is never whole in
 * memory). Its size was checked first (`xlsx-guard.ts`).
 */
export async function* readXlsxRows(source: Readable): AsyncGenerator<TableRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let sheets = 0;
  try {
    for await (const worksheet of reader) {
      sheets++;
      if (sheets > 1) continue; // only the first sheet counts; the rest is read past
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1); // exceljs counts columns from 1
        if (values.length > tableLimits.columns) {
          throw new TableError(`Rij ${row.number} heeft ${values.length} kolommen; een aanlevering heeft er ten hoogste ${tableLimits.columns}.`);
        }
        const fields = Array.from({ length: values.length }, (_, i) => cellText(values[i]));
        if (fields.every((f) => f.trim() === '')) continue;
        yield { rowNumber: row.number, fields };
      }
    }
  } catch (error) {
    if (error instanceof TableError) throw error;
    throw new TableError(`Het XLSX-bestand is niet te lezen (${(error as Error).message}). Sla het opnieuw op als Excel-werkmap (.xlsx) of lever CSV aan.`);
  } finally {
    source.destroy();
  }
  if (sheets === 0) throw new TableError('Het XLSX-bestand bevat geen werkblad.');
}
