import { ensureBuilt } from '../../scripts/build.mjs';

/**
 * Tests that start the CLI or the server in a process of their own (`bin/beroepsregister.js`) run dist/,
 * what production runs. Built here, once, before any test file, when it is missing or older than src/:
 * otherwise every child process would find it stale and build it at the same time.
 */
export default async function setup(): Promise<void> {
  await ensureBuilt();
}
