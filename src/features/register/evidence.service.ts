import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Db } from '../../db/database.ts';
import { signedInAccount, type ActorContext } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import { FileTooLargeError, readSealedFile, removeSealedFile, writeSealedFile } from '../../platform/files/sealed-files.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import { detectEvidenceType, evidenceMaxBytes, type EvidenceFacts } from './evidence.rules.ts';
import * as repo from './evidence.repo.ts';
import { linkedPersonOf } from './person-link.service.ts';
import { addHistoryLine, findEnrollablePerson } from './own-record.repo.ts';
import { inTransaction } from '../../db/transaction.ts';

export type { Evidence } from './evidence.repo.ts';

export type EvidenceDeps = { db: Db; dataDir: string; fileKey: Buffer; maxBytes?: number };

const pathOf = (deps: EvidenceDeps, id: string) => join(deps.dataDir, 'evidence', `${id}.sealed`);

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

export async function listOwnEvidence(deps: EvidenceDeps, ctx: ActorContext) {
  await linkedPersonOf(deps, ctx);
  return repo.listEvidenceOfAccount(deps.db, signedInAccount(ctx).accountId);
}

/**
 * The professional adds a diploma or certificate with its proof. The file is sealed to disk as it
 * streams in, stopped past the size limit, and kept only when its first bytes say PDF, JPG or PNG.
 */
export async function addEvidence(deps: EvidenceDeps, ctx: ActorContext, facts: EvidenceFacts, fileName: string, body: Readable): Promise<repo.Evidence> {
  const account = signedInAccount(ctx);
  await linkedPersonOf(deps, ctx);
  const person = await findEnrollablePerson(deps.db, account.accountId);
  if (!person) throw new AppError('conflict', message('register.error.noEmploymentForEvidence'));
  const id = uuidV7();
  const path = pathOf(deps, id);
  const maxBytes = deps.maxBytes ?? evidenceMaxBytes;
  let sealed: Awaited<ReturnType<typeof writeSealedFile>>;
  try {
    sealed = await writeSealedFile(path, body, deps.fileKey, maxBytes);
  } catch (error) {
    if (error instanceof FileTooLargeError) {
      const limit = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MB` : `${Math.round(maxBytes / 1024)} kB`;
      throw AppError.validation([{ name: 'bestand', reason: message('register.error.fileTooLarge', { limit }) }]);
    }
    throw error;
  }
  const type = sealed.bytes > 0 ? detectEvidenceType(await firstBytes(await readSealedFile(path, deps.fileKey), 8)) : null;
  if (!type) {
    await removeSealedFile(path);
    throw AppError.validation([{ name: 'bestand', reason: message('register.error.fileType') }]);
  }
  const safeName = `${
    fileName
      .replace(/\.[^.]*$/, '')
      .replace(/[^\p{L}\p{N} ._-]/gu, '_')
      .slice(0, 100) || 'bewijs'
  }.${type.extension}`;
  const now = new Date();
  try {
    await inTransaction(deps.db, async (tx) => {
      await repo.insertEvidence(tx, {
        ...facts,
        id,
        personId: person.id,
        fileName: safeName,
        mediaType: type.mediaType,
        byteSize: sealed.bytes,
        sha256: sealed.sha256,
        now,
      });
      await addHistoryLine(tx, {
        personId: person.id,
        employmentId: null,
        kind: `${facts.kind}-toegevoegd`,
        changes: { [facts.kind]: [null, facts.title] },
        byLabel: account.displayName || account.email,
        now,
      });
    });
  } catch (error) {
    await removeSealedFile(path);
    throw error;
  }
  return (await repo.findEvidenceOfAccount(deps.db, account.accountId, id))!;
}

/** The proof of one's own diploma or certificate, as a stream; anybody else's is "not found". */
export async function openOwnEvidence(deps: EvidenceDeps, ctx: ActorContext, id: string): Promise<{ evidence: repo.Evidence; body: Readable }> {
  const account = signedInAccount(ctx);
  const evidence = /^[0-9a-f-]{36}$/i.test(id) ? await repo.findEvidenceOfAccount(deps.db, account.accountId, id) : undefined;
  if (!evidence) throw AppError.notFound(message('register.error.evidenceNotYours'));
  return { evidence, body: await readSealedFile(pathOf(deps, evidence.id), deps.fileKey) };
}

/** A proof for someone deciding on it: the caller has checked that they may see it (and records that they did). */
export async function openEvidenceForDecision(deps: EvidenceDeps, id: string): Promise<{ evidence: repo.Evidence; body: Readable }> {
  const evidence = await repo.findEvidence(deps.db, id);
  if (!evidence) throw AppError.notFound(message('register.error.evidenceNotFound'));
  return { evidence, body: await readSealedFile(pathOf(deps, evidence.id), deps.fileKey) };
}
