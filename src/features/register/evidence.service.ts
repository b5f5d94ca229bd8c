import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Db } from '../../db/database.ts';
import { signedInAccount, type ActorContext } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import { readSealedFile, removeSealedFile } from '../../platform/files/sealed-files.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import { evidenceMaxBytes, type EvidenceFacts } from './evidence.rules.ts';
import { sealProof } from './proof-files.ts';
import * as repo from './evidence.repo.ts';
import { linkedPersonOf } from './person-link.service.ts';
import { addHistoryLine, findEnrollablePerson } from './own-record.repo.ts';
import { inTransaction } from '../../db/transaction.ts';

export type { Evidence } from './evidence.repo.ts';

export type EvidenceDeps = { db: Db; dataDir: string; fileKey: Buffer; maxBytes?: number };

const pathOf = (deps: EvidenceDeps, id: string) => join(deps.dataDir, 'evidence', `${id}.sealed`);

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
  const sealed = await sealProof(
    path,
    body,
    { fileKey: deps.fileKey, maxBytes: deps.maxBytes ?? evidenceMaxBytes },
    { fileName, field: 'bestand', wrongType: message('register.error.fileType') },
  );
  const now = new Date();
  try {
    await inTransaction(deps.db, async (tx) => {
      await repo.insertEvidence(tx, {
        ...facts,
        id,
        personId: person.id,
        fileName: sealed.fileName,
        mediaType: sealed.mediaType,
        byteSize: sealed.byteSize,
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
