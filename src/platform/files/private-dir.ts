import { mkdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';

/**
 * The data directory and the folders the app makes in it are the owner's alone (mode 0700): they hold the
 * database, sealed files and, without SECRETS_FILE, the keys. Only folders created here get the mode;
 * an existing one keeps its own.
 */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

export async function makePrivateDirAsync(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
}
