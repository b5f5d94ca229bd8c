import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { access, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../../db/database.ts';
import { spreadsheetLine } from '../../platform/csv/write.ts';
import { makePrivateDirAsync } from '../../lib/private-dir.ts';
import { yieldToEventLoop } from '../../platform/yield.ts';
import * as repo from './deliveries.repo.ts';

/** rows per query of the terugmelding */
export const rowResultsPageRows = 5000;

const outcomeLabels = { geaccepteerd: 'geaccepteerd', waarschuwing: 'waarschuwing', fout: 'fout' } as const;

/**
 * The terugmelding as CSV, page by page from the database: one line per message, an accepted row as
 * one line. Pages follow the row number (keyset), so the last page costs what the first did. Between
 * pages it waits for the event loop: PGlite's queries resolve in microtasks only, so without that a
 * large delivery would keep every request out until its last page.
 */
export async function* rowResultsCsv(db: Db, deliveryId: string, pageRows = rowResultsPageRows): AsyncGenerator<string> {
  yield `\uFEFF${spreadsheetLine(['rij', 'resultaat', 'kolom', 'melding'])}`;
  for (let after = 0; ; ) {
    const rows = await repo.listRowResultsAfter(db, deliveryId, after, pageRows);
    let out = '';
    for (const row of rows) {
      if (row.messages.length === 0) out += spreadsheetLine([row.rowNumber, outcomeLabels[row.outcome], '', '']);
      for (const m of row.messages) out += spreadsheetLine([row.rowNumber, m.soort, m.kolom ?? '', m.melding]);
    }
    if (out) yield out;
    if (rows.length < pageRows) return;
    after = rows[rows.length - 1].rowNumber;
    await yieldToEventLoop();
  }
}

/** Where a delivery's terugmelding is kept once made: `<dataDir>/terugmeldingen/<id>.csv`, in a folder only the owner reads. */
export const rowResultsFilePath = (dataDir: string, deliveryId: string) => join(dataDir, 'terugmeldingen', `${deliveryId}.csv`);

/** The writes running in this process: a second task for the same delivery waits for the first instead of doing it again. */
const writing = new Map<string, Promise<void>>();

/**
 * Writes the terugmelding file, unless it is there already. It is written under a name of its own and
 * renamed when complete, so a download never gets half a file.
 */
export function writeRowResultsFile(deps: { db: Db; dataDir: string }, deliveryId: string): Promise<void> {
  const path = rowResultsFilePath(deps.dataDir, deliveryId);
  const running = writing.get(path);
  if (running) return running;
  const work = writeOnce(deps.db, deliveryId, path).finally(() => writing.delete(path));
  writing.set(path, work);
  return work;
}

/** A part older than this was left by a process that died while writing (a write takes seconds). */
const abandonedPartMs = 60 * 60 * 1000;

/** Removes this delivery's parts that a killed process left behind, so they do not pile up. */
async function removeAbandonedParts(path: string): Promise<void> {
  const dir = dirname(path);
  const prefix = `${basename(path)}.`;
  for (const name of await readdir(dir)) {
    if (!name.startsWith(prefix) || !name.endsWith('.part')) continue;
    const { mtimeMs } = await stat(join(dir, name)).catch(() => ({ mtimeMs: Date.now() }));
    if (Date.now() - mtimeMs > abandonedPartMs) await rm(join(dir, name), { force: true });
  }
}

async function writeOnce(db: Db, deliveryId: string, path: string): Promise<void> {
  if (
    await access(path).then(
      () => true,
      () => false,
    )
  )
    return;
  await makePrivateDirAsync(dirname(path));
  await removeAbandonedParts(path);
  const part = `${path}.${randomUUID().slice(0, 8)}.part`;
  try {
    await pipeline(Readable.from(rowResultsCsv(db, deliveryId)), createWriteStream(part, { mode: 0o600 }));
    await rename(part, path);
  } catch (error) {
    await rm(part, { force: true });
    throw error;
  }
}

/** The file as a stream, or undefined when it is not there. Opened first: a file removed meanwhile is still read whole. */
export async function openRowResultsFile(path: string): Promise<Readable | undefined> {
  try {
    const handle = await open(path, 'r');
    return handle.createReadStream();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function removeRowResultsFile(dataDir: string, deliveryId: string): Promise<void> {
  await rm(rowResultsFilePath(dataDir, deliveryId), { force: true });
}
