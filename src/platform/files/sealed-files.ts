import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { makePrivateDirAsync } from '../../lib/private-dir.ts';

/**
 * Files that hold personal data (a board's delivery with BSNs) are written to disk encrypted with
 * AES-256-GCM, as they stream in: `BRS1`, a 12-byte IV, the ciphertext, then the 16-byte tag. Reading
 * streams them back; a file that was changed on disk fails its tag at the end.
 */
const magic = Buffer.from('BRS1');
const ivLength = 12;
const tagLength = 16;

export class FileTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`file larger than ${limit} bytes`);
  }
}

export type SealedFile = { bytes: number; sha256: string };

/** Streams `source` into an encrypted file at `path`; stops (and removes the file) past `maxBytes`. */
export async function writeSealedFile(path: string, source: Readable, key: Buffer, maxBytes: number): Promise<SealedFile> {
  await makePrivateDirAsync(dirname(path));
  const iv = randomBytes(ivLength);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const hash = createHash('sha256');
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) return done(new FileTooLargeError(maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const out = createWriteStream(path, { mode: 0o600 });
  out.write(Buffer.concat([magic, iv]));
  try {
    await pipeline(source, meter, cipher, out, { end: false });
    await new Promise<void>((resolve, reject) => out.end(cipher.getAuthTag(), (error?: Error | null) => (error ? reject(error) : resolve())));
  } catch (error) {
    out.destroy();
    await rm(path, { force: true });
    throw error;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** A stream of the plain bytes of a sealed file; it errors at the end if the file was tampered with. */
export async function readSealedFile(path: string, key: Buffer): Promise<Readable> {
  const handle = await open(path, 'r');
  let size: number;
  const header = Buffer.alloc(magic.length + ivLength);
  const tag = Buffer.alloc(tagLength);
  try {
    size = (await handle.stat()).size;
    if (size < header.length + tagLength) throw new Error('sealed file too short');
    await handle.read(header, 0, header.length, 0);
    await handle.read(tag, 0, tagLength, size - tagLength);
  } finally {
    await handle.close();
  }
  if (!header.subarray(0, magic.length).equals(magic)) throw new Error('not a sealed file');
  const decipher = createDecipheriv('aes-256-gcm', key, header.subarray(magic.length));
  decipher.setAuthTag(tag);
  if (size === header.length + tagLength) return Readable.from([]).pipe(decipher);
  // 1 MB reads: a large delivery is read in a few hundred trips to the thread pool instead of thousands
  const body = createReadStream(path, { start: header.length, end: size - tagLength - 1, highWaterMark: 1024 * 1024 });
  body.on('error', (error) => decipher.destroy(error));
  return body.pipe(decipher);
}

export async function removeSealedFile(path: string): Promise<void> {
  await rm(path, { force: true });
}
