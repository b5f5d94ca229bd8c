import type { Readable } from 'node:stream';
import { AppError } from '../../platform/errors.ts';
import { message, type Message } from '../../platform/i18n.ts';
import { FileTooLargeError, readSealedFile, removeSealedFile, writeSealedFile } from '../../platform/files/sealed-files.ts';
import { detectEvidenceType } from './evidence.rules.ts';

/**
 * A proof a professional uploads (a diploma's scan, or the proof for a dispute): sealed to disk as it
 * streams in, stopped past the size limit, and kept only when its first bytes say PDF, JPG or PNG, not
 * its name. The callers keep their own folder and table: a dispute's proof is not a diploma.
 */
export type SealedProof = { fileName: string; mediaType: string; byteSize: number; sha256: string };

export type ProofFileDeps = { dataDir: string; fileKey: Buffer; maxBytes: number };

async function firstBytes(stream: Readable, n: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= n) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, n);
}

/** "10 MB", or "50 kB" below a megabyte: the limit as a refusal names it. */
export const sizeLimitText = (maxBytes: number) => (maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MB` : `${Math.round(maxBytes / 1024)} kB`);

/**
 * Seals `body` to `path`; a refusal is a validation error at `field` (too large, or no PDF, JPG or PNG:
 * `wrongType` says it in the caller's words), and leaves nothing on disk. The name is kept safe for a
 * download, with the extension of what the file is.
 */
export async function sealProof(
  path: string,
  body: Readable,
  deps: { fileKey: Buffer; maxBytes: number },
  upload: { fileName: string; field: string; wrongType: Message },
): Promise<SealedProof> {
  let sealed: Awaited<ReturnType<typeof writeSealedFile>>;
  try {
    sealed = await writeSealedFile(path, body, deps.fileKey, deps.maxBytes);
  } catch (error) {
    if (error instanceof FileTooLargeError) {
      throw AppError.validation([{ name: upload.field, reason: message('register.error.fileTooLarge', { limit: sizeLimitText(deps.maxBytes) }) }]);
    }
    throw error;
  }
  const type = sealed.bytes > 0 ? detectEvidenceType(await firstBytes(await readSealedFile(path, deps.fileKey), 8)) : null;
  if (!type) {
    await removeSealedFile(path);
    throw AppError.validation([{ name: upload.field, reason: upload.wrongType }]);
  }
  const base = upload.fileName
    .replace(/\.[^.]*$/, '')
    .replace(/[^\p{L}\p{N} ._-]/gu, '_')
    .slice(0, 100);
  return { fileName: `${base || 'bewijs'}.${type.extension}`, mediaType: type.mediaType, byteSize: sealed.bytes, sha256: sealed.sha256 };
}
