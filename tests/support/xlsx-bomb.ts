import { constants, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/**
 * XLSX decompression bombs, built in a few milliseconds instead of committed: a real workbook whose
 * xl/sharedStrings.xml is replaced by one that unpacks to gigabytes. Deflating gigabytes would take
 * minutes, so the entry repeats one compressed megabyte (each piece ends in a full flush, which makes
 * the pieces independent); the zip around it is written here, because no zip library writes an entry
 * from data that is already compressed. The CRC is left 0: the readers do not get that far.
 */
export type BombShape = {
  /** unpacked size of xl/sharedStrings.xml in MiB */
  mib: number;
  /** what repeats inside it: many small shared strings, or one huge text */
  content: 'many-strings' | 'one-text';
  /** `honest`: sizes in the local header; `descriptor`: sizes only after the data (as streaming writers do); `lie`: 1 KB declared everywhere */
  sizes: 'honest' | 'descriptor' | 'lie';
};

const mib = 1024 * 1024;
const flush = (data: Buffer) => deflateRawSync(data, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
const finalBlock = Buffer.from([0x03, 0x00]);

function sharedStringsEntry(shape: BombShape): { data: Buffer; size: number } {
  const head = Buffer.from(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${shape.content === 'one-text' ? '' : 'x</t></si>'}`,
  );
  const tail = Buffer.from(shape.content === 'one-text' ? '</t></si></sst>' : '</sst>');
  const unit = shape.content === 'one-text' ? 'A' : '<si><t>bom</t></si>';
  const piece = Buffer.from(unit.repeat(Math.floor(mib / unit.length)));
  const pieces = Math.ceil((shape.mib * mib) / piece.length);
  const body = flush(piece);
  const data = Buffer.concat([flush(head), ...Array.from({ length: pieces }, () => body), flush(tail), finalBlock]);
  return { data, size: head.length + pieces * piece.length + tail.length };
}

type Entry = { name: string; data: Buffer; size: number; descriptor: boolean; declared: number };

function zip(entries: Entry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.descriptor ? 0x08 : 0, 6);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(e.descriptor ? 0 : e.data.length, 18);
    local.writeUInt32LE(e.descriptor ? 0 : e.declared, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, e.data);
    let length = local.length + name.length + e.data.length;
    if (e.descriptor) {
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(e.data.length, 8);
      descriptor.writeUInt32LE(e.declared, 12);
      parts.push(descriptor);
      length += descriptor.length;
    }
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(e.descriptor ? 0x08 : 0, 8);
    record.writeUInt16LE(8, 10);
    record.writeUInt32LE(e.data.length, 20);
    record.writeUInt32LE(e.declared, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    central.push(record, name);
    offset += length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/** A workbook with a delivery header and one row, whose shared strings unpack to `shape.mib` MiB. */
export async function xlsxBomb(shape: BombShape, header: string[] = ['personeelsnummer']): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Personeel');
  sheet.addRow(header);
  sheet.addRow(header.map(() => 'x'));
  const real = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const entries: Entry[] = [];
  for (const name of Object.keys(real.files)) {
    const file = real.files[name];
    if (file.dir) continue;
    if (name === 'xl/sharedStrings.xml') {
      const strings = sharedStringsEntry(shape);
      entries.push({
        name,
        data: strings.data,
        size: strings.size,
        descriptor: shape.sizes === 'descriptor',
        declared: shape.sizes === 'lie' ? 1024 : strings.size,
      });
      continue;
    }
    const content = await file.async('nodebuffer');
    entries.push({ name, data: deflateRawSync(content), size: content.length, descriptor: false, declared: content.length });
  }
  return zip(entries);
}
