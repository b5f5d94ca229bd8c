import { Readable } from 'node:stream';
import unzipper from 'unzipper';
import yauzl from 'yauzl';
import { tableLimits } from './limits.ts';
import { TableError } from './table-types.ts';

/**
 * Refuses an XLSX file that would unpack to more than a delivery can be, before exceljs reads it
 * (exceljs keeps every shared string in memory and copies worksheets that come before them to a
 * temporary file, so a decompression bomb of a few MB used to take minutes and gigabytes).
 *
 * One streamed pass, in constant memory: unzipper reads the local entries in file order (the same
 * reader exceljs uses), each entry's declared size is checked before it is inflated and its actual
 * bytes as they are inflated, since a declared size can lie; shared strings, rows and cells are
 * counted by their tags. The last bytes are kept, and yauzl reads the central directory from them at
 * the end: its entry count and declared sizes must fit the limits as well.
 */
const limits = tableLimits.xlsx;
const tailBytes = 1024 * 1024;
const sharedStringsPath = 'xl/sharedStrings.xml';
const worksheetPath = /xl\/worksheets\/sheet\d+[.]xml/; // as exceljs matches them

const unpackedGb = `${limits.unpackedBytes / 1024 ** 3} GB`;
const tooLarge = (what: string) =>
  new TableError(
    `Het XLSX-bestand is te groot om te lezen: ${what}. Een aanlevering heeft ten hoogste ${tableLimits.rows.toLocaleString('nl-NL')} rijen; ` +
      'sla het bestand opnieuw op vanuit Excel, splits het, of lever CSV aan.',
  );

/** Counts a tag such as `<c` followed by one of `ends`, also when a chunk boundary falls inside it. */
class TagCounter {
  count = 0;
  private carry = Buffer.alloc(0);
  constructor(
    private readonly tag: Buffer,
    private readonly ends: number[],
  ) {}

  push(chunk: Buffer): void {
    const size = this.tag.length + 1;
    if (this.carry.length > 0) {
      const joint = Buffer.concat([this.carry, chunk.subarray(0, size - 1)]);
      for (let at = joint.indexOf(this.tag); at !== -1 && at < this.carry.length; at = joint.indexOf(this.tag, at + 1)) {
        if (at + size > this.carry.length && this.matches(joint, at)) this.count++;
      }
    }
    for (let at = chunk.indexOf(this.tag); at !== -1; at = chunk.indexOf(this.tag, at + 1)) {
      if (this.matches(chunk, at)) this.count++;
    }
    this.carry = Buffer.from(chunk.subarray(Math.max(0, chunk.length - (size - 1))));
  }

  private matches(buffer: Buffer, at: number): boolean {
    const next = buffer[at + this.tag.length];
    return next !== undefined && this.ends.includes(next);
  }
}

const space = [0x20, 0x09, 0x0a, 0x0d];
const gt = 0x3e;
const slash = 0x2f;

/** Keeps the last `size` bytes that passed. */
class Tail {
  private chunks: Buffer[] = [];
  private held = 0;
  total = 0;
  constructor(private readonly size: number) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.held += chunk.length;
    this.total += chunk.length;
    while (this.chunks.length > 1 && this.held - this.chunks[0].length >= this.size) this.held -= this.chunks.shift()!.length;
  }

  bytes(): Buffer {
    const all = Buffer.concat(this.chunks);
    return all.subarray(Math.max(0, all.length - this.size));
  }
}

/** A yauzl reader over the kept tail: the central directory must lie inside it. */
class TailReader extends yauzl.RandomAccessReader {
  constructor(
    private readonly tail: Buffer,
    private readonly start: number,
  ) {
    super();
  }

  _readStreamForRange(start: number, end: number): Readable {
    if (start < this.start) throw tooLarge('de inhoudsopgave van het zip-bestand is te groot');
    return Readable.from([this.tail.subarray(start - this.start, end - this.start)]);
  }
}

async function checkCentralDirectory(tail: Buffer, totalSize: number): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromRandomAccessReaderPromise(new TailReader(tail, totalSize - tail.length), totalSize, {
      lazyEntries: true,
      decodeStrings: false,
      validateEntrySizes: false,
      autoClose: false,
    });
  } catch (error) {
    if (error instanceof TableError) throw error;
    throw new TableError(`Het XLSX-bestand is beschadigd (${(error as Error).message}). Sla het opnieuw op als Excel-werkmap (.xlsx) of lever CSV aan.`);
  }
  if (zip.entryCount > limits.entries) throw tooLarge(`het bevat ${zip.entryCount} onderdelen`);
  let unpacked = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      unpacked += entry.uncompressedSize;
      const name = entry.fileNameRaw.toString('utf8');
      if (name === sharedStringsPath && entry.uncompressedSize > limits.sharedStringsBytes) throw tooLarge('de gedeelde teksten zijn te groot');
      if (unpacked > limits.unpackedBytes) throw tooLarge(`uitgepakt is het groter dan ${unpackedGb}`);
    }
  } catch (error) {
    if (error instanceof TableError) throw error;
    throw new TableError(`Het XLSX-bestand is beschadigd (${(error as Error).message}). Sla het opnieuw op als Excel-werkmap (.xlsx) of lever CSV aan.`);
  } finally {
    zip.close();
  }
}

const drainedOrClosed = (stream: NodeJS.WritableStream & NodeJS.EventEmitter) =>
  new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.once('drain', done);
    stream.once('close', done);
  });

/** Reads the whole zip once without parsing its XML; throws a TableError when it passes a limit. */
export async function checkXlsxBounds(chunks: AsyncIterable<Buffer>): Promise<void> {
  const tail = new Tail(tailBytes);
  const entries = unzipper.Parse({ forceStream: true });
  // unzipper reports a file that ends inside an entry on itself, not on the entry being read
  let current: unzipper.Entry | undefined;
  let failed: Error | undefined;
  entries.on('error', (error) => {
    failed = error;
    current?.destroy(error);
  });
  const feeding = (async () => {
    try {
      for await (const chunk of chunks) {
        if (entries.destroyed) return;
        tail.push(chunk);
        if (!entries.write(chunk)) await drainedOrClosed(entries);
      }
      if (!entries.destroyed) entries.end();
    } catch (error) {
      entries.destroy(error as Error);
    }
  })();
  const sharedStrings = new TagCounter(Buffer.from('<si'), [gt, slash, ...space]);
  const rows = new TagCounter(Buffer.from('<row'), [gt, slash, ...space]);
  const cells = new TagCounter(Buffer.from('<c'), [gt, slash, ...space]);
  let count = 0;
  let unpacked = 0;
  try {
    for await (const entry of entries as AsyncIterable<unzipper.Entry>) {
      if (failed) throw failed;
      if (++count > limits.entries) throw tooLarge(`het bevat meer dan ${limits.entries} onderdelen`);
      const isSharedStrings = entry.path === sharedStringsPath;
      const isWorksheet = worksheetPath.test(entry.path);
      const entryLimit = isSharedStrings ? limits.sharedStringsBytes : limits.unpackedBytes;
      // 0 when the sizes follow the data (a data descriptor); zip64 puts them in the extra field
      const sizes = [
        (entry.vars as { uncompressedSize?: number }).uncompressedSize,
        (entry.extra as { uncompressedSize?: number } | undefined)?.uncompressedSize,
      ];
      const declared = Math.max(0, ...sizes.map((n) => Number(n ?? 0)));
      const over = () => tooLarge(isSharedStrings ? 'de gedeelde teksten zijn te groot' : `uitgepakt is het groter dan ${unpackedGb}`);
      if (declared > entryLimit || unpacked + declared > limits.unpackedBytes) throw over();
      let size = 0;
      current = entry; // only while it is read: its iterator then takes the error
      for await (const piece of entry as AsyncIterable<Buffer>) {
        size += piece.length;
        unpacked += piece.length;
        if (size > entryLimit || unpacked > limits.unpackedBytes) throw over();
        if (isSharedStrings) {
          sharedStrings.push(piece);
          if (sharedStrings.count > limits.sharedStrings) throw tooLarge(`het bevat meer dan ${limits.sharedStrings.toLocaleString('nl-NL')} gedeelde teksten`);
        } else if (isWorksheet) {
          rows.push(piece);
          cells.push(piece);
          if (rows.count > tableLimits.rows + 1) throw tooLarge(`het heeft meer dan ${tableLimits.rows.toLocaleString('nl-NL')} rijen`);
          if (cells.count > limits.cells) throw tooLarge(`het heeft meer dan ${limits.cells.toLocaleString('nl-NL')} cellen`);
        }
      }
      current = undefined;
    }
  } catch (error) {
    if (error instanceof TableError) throw error;
    throw new TableError(`Het XLSX-bestand is niet te lezen (${(error as Error).message}). Sla het opnieuw op als Excel-werkmap (.xlsx) of lever CSV aan.`);
  } finally {
    current = undefined;
    entries.destroy();
    await feeding;
  }
  await checkCentralDirectory(tail.bytes(), tail.total);
}
