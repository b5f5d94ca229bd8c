import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';

/**
 * The data directory and the folders the app makes in it are the owner's alone (mode 0700): they hold the
 * database, sealed files and, without SECRETS_FILE, the keys. A folder that already existed with more
 * open rights (made by an earlier version, or by hand) is closed to group and others as well.
 */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const mode = statSync(dir).mode & 0o777;
  if (mode & 0o077) tryClose(() => chmodSync(dir, mode & 0o700));
}

export async function makePrivateDirAsync(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const mode = (await stat(dir)).mode & 0o777;
  if (mode & 0o077) await tryCloseAsync(() => chmod(dir, mode & 0o700));
}

// a folder of another user (a shared mount) cannot be changed; the app then works with it as it is
function tryClose(change: () => void): void {
  try {
    change();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  }
}

async function tryCloseAsync(change: () => Promise<void>): Promise<void> {
  try {
    await change();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  }
}
