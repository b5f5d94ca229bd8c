import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { detectSeparator, firstLine } from '../csv/decode.ts';
import { controlCharacter, tableLimits } from './limits.ts';
import { TableError, type TableInfo, type TableRow } from './table-types.ts';

/**
 * Reads a table (CSV or the first sheet of an XLSX) as a stream of rows, never the whole file at once.
 * CSV: UTF-8 with or without BOM or Windows-1252, `;` or `,` from the header line, RFC 4180 quoting,
 * CRLF or LF. A file that cannot be read as a table at all throws a TableError with a Dutch message, as
 * does one that passes a limit in `limits.ts` (checked while reading, so a hostile file costs little).
 */
export { TableError, type TableInfo, type TableRow } from './table-types.ts';

const peekBytes = 64 * 1024;
const zipMagic = [0x50, 0x4b, 0x03, 0x04];

/** Opens the file (again): an XLSX file is read twice, once to check its size and once to parse it. */
export type TableSource = () => Readable | Promise<Readable>;

const nl = (n: number) => n.toLocaleString('nl-NL');

/** The first bytes of a stream, and the stream of everything (those bytes included). */
async function peek(source: Readable): Promise<{ head: Buffer; rest: AsyncGenerator<Buffer>; close: () => Promise<unknown> }> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < peekBytes) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    chunks.push(chunk);
    size += chunk.length;
  }
  const head = Buffer.concat(chunks);
  async function* rest() {
    try {
      if (head.length > 0) yield head;
      if (done) return;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      source.destroy(); // a reader that stops early closes the file
    }
  }
  return { head, rest: rest(), close: async () => source.destroy() };
}

function isValidUtf8Prefix(bytes: Buffer): boolean {
  // a multi-byte character may be cut off at the end of the sample: leave up to 3 bytes out of the test
  for (let cut = 0; cut <= Math.min(3, bytes.length); cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bytes.length - cut));
      return true;
    } catch {
      // try a shorter sample
    }
  }
  return false;
}

export function looksLikeXlsx(head: Uint8Array): boolean {
  return zipMagic.every((b, i) => head[i] === b);
}

/**
 * Opens a table: returns what was detected and an async iterator of rows, the header first. The caller
 * tells the format it expects (from the media type or file name); the content decides when they disagree.
 */
export async function openTable(open: TableSource): Promise<{ info: TableInfo; rows: AsyncGenerator<TableRow> }> {
  const { head, rest, close } = await peek(await open());
  if (head.length === 0 || head.toString('utf8').trim() === '') {
    await close();
    throw new TableError('Het bestand is leeg.');
  }
  if (looksLikeXlsx(head)) {
    const [{ checkXlsxBounds }, { readXlsxRows }] = await Promise.all([import('./xlsx-guard.ts'), import('./read-xlsx.ts')]);
    await checkXlsxBounds(rest);
    return { info: { format: 'xlsx' }, rows: bounded(readXlsxRows(await open())) };
  }
  const sample = head.subarray(0, 4096);
  if (sample.includes(0)) {
    await close();
    throw new TableError('Dit is geen CSV-bestand (het bevat binaire gegevens). Lever CSV (UTF-8 of Windows-1252) of XLSX aan.');
  }
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const encoding = bom || isValidUtf8Prefix(head) ? 'utf-8' : 'windows-1252';
  const decoder = new TextDecoder(encoding);
  const headText = decoder.decode(head.subarray(bom ? 3 : 0, Math.min(head.length, 8192)), { stream: false });
  const separator = detectSeparator(firstLine(headText));
  return { info: { format: 'csv', encoding, separator }, rows: bounded(readCsvRows(rest, encoding, bom, separator)) };
}

/**
 * The limits every row must keep, whatever the format: the row count, the columns, the length of a field,
 * and no control characters (PostgreSQL refuses NUL). Lengths are checked before anything else looks at a field.
 */
async function* bounded(rows: AsyncGenerator<TableRow>): AsyncGenerator<TableRow> {
  let count = 0;
  for await (const row of rows) {
    if (++count > tableLimits.rows + 1) {
      throw new TableError(`Het bestand heeft meer dan ${nl(tableLimits.rows)} rijen. Een aanlevering is ten hoogste zo groot: splits het bestand.`);
    }
    const { fields, rowNumber } = row;
    if (fields.length > tableLimits.columns) {
      throw new TableError(
        `Rij ${rowNumber} heeft ${nl(fields.length)} kolommen; een aanlevering heeft er ten hoogste ${tableLimits.columns}. Kloppen de scheidingstekens?`,
      );
    }
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i];
      if (field.length > tableLimits.fieldChars) {
        throw new TableError(
          `Rij ${rowNumber}, kolom ${i + 1}: het veld is langer dan ${nl(tableLimits.fieldChars)} tekens. Staat er een aanhalingsteken te veel?`,
        );
      }
      const control = controlCharacter.exec(field);
      if (control) {
        const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
        throw new TableError(
          `Rij ${rowNumber}, kolom ${i + 1}: het veld bevat een stuurteken (U+${code}) dat niet in een aanlevering mag staan. Verwijder het en lever het bestand opnieuw aan.`,
        );
      }
    }
    yield row;
  }
}

const lineTooLong = (rowNumber: number) =>
  new TableError(
    `Rij ${rowNumber} is langer dan ${nl(tableLimits.lineChars)} tekens (of het bestand heeft geen regeleinden). Is dit een CSV-bestand van het aanleverformaat?`,
  );

async function* decodeChunks(chunks: AsyncIterable<Buffer>, encoding: string, bom: boolean): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  let first = true;
  for await (const chunk of chunks) {
    const bytes = first && bom ? chunk.subarray(3) : chunk;
    first = false;
    const text = decoder.decode(bytes, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/**
 * The rows of CSV text. Most delivery files are plain: no quotes, and every line ending the way the
 * first one does. Such lines are split here, about ten times faster than csv-parse (whose parsing was a
 * fifth of checking a delivery of 250,000 rows); from the first line that is not plain, csv-parse reads
 * the rest, told the line ending, so what a caller gets is exactly what csv-parse gives for the whole file.
 */
async function* readCsvRows(chunks: AsyncIterable<Buffer>, encoding: string, bom: boolean, separator: string): AsyncGenerator<TableRow> {
  const texts = decodeChunks(chunks, encoding, bom)[Symbol.asyncIterator]();
  let ending: '\n' | '\r\n' | undefined;
  let line = 0;
  let carry = '';
  const plain = (text: string) => !text.includes('"') && !text.includes('\r');
  const rowOf = (text: string): TableRow | undefined => {
    if (text === '') return undefined;
    const fields = text.split(separator);
    return fields.length === 1 && fields[0].trim() === '' ? undefined : { rowNumber: line, fields };
  };
  async function* restOf(from: string): AsyncGenerator<string> {
    if (from) yield from;
    for (let next = await texts.next(); !next.done; next = await texts.next()) yield next.value;
  }
  try {
    for (;;) {
      const next = await texts.next();
      const text = next.done ? carry : carry + next.value;
      let pos = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', pos)) {
        if (end - pos > tableLimits.lineChars) throw lineTooLong(line + 1);
        const crlf = text.charCodeAt(end - 1) === 13;
        ending ??= crlf ? '\r\n' : '\n';
        const content = text.slice(pos, crlf ? end - 1 : end);
        if ((ending === '\r\n') !== crlf || !plain(content)) {
          yield* parseCsvRows(restOf(text.slice(pos)), separator, line, line === 0 ? undefined : ending);
          return;
        }
        line++;
        pos = end + 1;
        const row = rowOf(content);
        if (row) yield row;
      }
      carry = text.slice(pos);
      if (carry.length > tableLimits.lineChars) throw lineTooLong(line + 1);
      if (!next.done) continue;
      // the last line, without a line ending
      if (!plain(carry)) {
        yield* parseCsvRows(restOf(carry), separator, line, ending);
        return;
      }
      line++;
      const row = rowOf(carry);
      if (row) yield row;
      return;
    }
  } finally {
    await texts.return?.(undefined); // a reader that stops early closes the file's chunks too
  }
}

/** csv-parse over the rest of a file from the start of a line: `lineOffset` lines came before, ending in `recordDelimiter`. */
async function* parseCsvRows(texts: AsyncIterable<string>, separator: string, lineOffset: number, recordDelimiter?: string): AsyncGenerator<TableRow> {
  const parser = parse({
    delimiter: separator,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
    max_record_size: tableLimits.lineChars,
    ...(recordDelimiter ? { record_delimiter: recordDelimiter } : {}),
  });
  // stops waiting when the reader stops early (the parser is destroyed) as well as when it drains
  const ready = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        parser.off('drain', done);
        parser.off('close', done);
        resolve();
      };
      parser.once('drain', done);
      parser.once('close', done);
    });
  const feeding = (async () => {
    try {
      for await (const text of texts) {
        if (parser.destroyed) return;
        if (!parser.write(text)) await ready();
      }
      if (!parser.destroyed) parser.end();
    } catch (error) {
      parser.destroy(error as Error);
    }
  })();
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (record.length === 1 && record[0].trim() === '') continue;
      yield { rowNumber: lineOffset + info.lines, fields: record };
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new TableError('Het bestand houdt op midden in een veld tussen aanhalingstekens: het lijkt afgebroken. Lever het volledige bestand opnieuw aan.');
    }
    if (code === 'CSV_MAX_RECORD_SIZE') throw lineTooLong(lineOffset + ((error as { lines?: number }).lines ?? 1));
    if (code?.startsWith('CSV_')) throw new TableError(`Het CSV-bestand is niet te lezen: ${(error as Error).message}`);
    throw error;
  } finally {
    if (!parser.destroyed) parser.destroy();
    await feeding;
  }
}
