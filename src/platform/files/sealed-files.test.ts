import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { FileTooLargeError, readSealedFile, writeSealedFile } from './sealed-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'br-sealed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const key = randomBytes(32);

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('sealed files', () => {
  it('gives back exactly what went in, while the file on disk holds no plain text', async () => {
    const plain = Buffer.from('personeelsnummer;bsn\nP001;111222333\n'.repeat(5000));
    const path = join(dir, 'a.sealed');
    const sealed = await writeSealedFile(path, Readable.from([plain.subarray(0, 1000), plain.subarray(1000)]), key, 10_000_000);
    expect(sealed.bytes).toBe(plain.length);
    expect(sealed.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(path).includes(Buffer.from('111222333'))).toBe(false);
    expect((await readAll(await readSealedFile(path, key))).equals(plain)).toBe(true);
  });

  it('creates the folders it needs for the owner alone (0700)', async () => {
    const dataDir = join(dir, 'data');
    await writeSealedFile(join(dataDir, 'deliveries', 'b.sealed'), Readable.from([Buffer.from('x')]), key, 10);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, 'deliveries')).mode & 0o777).toBe(0o700);
  });

  it('stops a file past the size limit and leaves nothing behind', async () => {
    const path = join(dir, 'big.sealed');
    const error = await writeSealedFile(path, Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), key, 1000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileTooLargeError);
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a file that was changed on disk, or read with another key', async () => {
    const path = join(dir, 'c.sealed');
    await writeSealedFile(path, Readable.from([Buffer.from('gevoelige inhoud')]), key, 1000);
    await expect(readAll(await readSealedFile(path, randomBytes(32)))).rejects.toThrow();
    const bytes = readFileSync(path);
    bytes[20] ^= 1;
    writeFileSync(path, bytes);
    await expect(readAll(await readSealedFile(path, key))).rejects.toThrow();
  });

  it('keeps an empty file empty', async () => {
    const path = join(dir, 'empty.sealed');
    expect(await writeSealedFile(path, Readable.from([]), key, 1000)).toMatchObject({ bytes: 0 });
    expect((await readAll(await readSealedFile(path, key))).length).toBe(0);
  });
});
