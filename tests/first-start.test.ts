import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './support/ports.ts';
import { afterAll, describe, expect, it } from 'vitest';
// a plain script, shared with .ci/run
import { signInWithDemoAccount, waitForHealth } from '../scripts/check-first-start.mjs';

/**
 * The README's start command on a fresh data directory, as a newcomer meets it: a first start that fails,
 * or is killed while it fills in the demo data, leaves nothing half-made, and the next start completes.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'beroepsregister.js');
const dataDir = join(mkdtempSync(join(tmpdir(), 'br-first-start-')), 'data');
const marker = join(dataDir, 'pglite.unfinished');

type Server = { child: ChildProcess; port: number; stdout: () => string; stderr: () => string; exited: Promise<number | null> };
const running: ChildProcess[] = [];

async function start(env: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const inherited = Object.fromEntries(['PATH', 'HOME', 'TMPDIR', 'LANG'].flatMap((k) => (process.env[k] ? [[k, process.env[k]!]] : [])));
  const child = spawn(process.execPath, [bin, 'serve'], {
    cwd: root,
    env: { ...inherited, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, port, stdout: () => stdout, stderr: () => stderr, exited };
}

async function until(condition: () => boolean, what: string, seconds = 60) {
  const end = Date.now() + seconds * 1000;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

afterAll(() => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('the first start on a fresh data directory', () => {
  it('stops with a message in Dutch and English when the demo data cannot be read, and leaves the directory to start over', async () => {
    const server = await start({ DUO_DATA_DIR: mkdtempSync(join(tmpdir(), 'br-no-duo-')) });
    expect(await server.exited).toBe(1);
    expect(server.stderr()).toContain('De DUO-bestanden voor de demodata staan niet in');
    expect(server.stderr()).toContain('The DUO files for the demo data are not in');
    expect(server.stderr()).toContain('Unset DUO_DATA_DIR');
    // the schema was made, but the directory says the set-up never finished
    expect(readdirSync(join(dataDir, 'pglite')).length).toBeGreaterThan(0);
    expect(existsSync(marker)).toBe(true);
  });

  it('killed while it fills in the demo data, it still leaves the directory to start over', async () => {
    const server = await start();
    await until(() => server.stdout().includes('demodata: 751 besturen'), 'the directory part of the demo data');
    server.child.kill('SIGKILL');
    await server.exited;
    expect(existsSync(marker)).toBe(true);
  });

  it('the next start fills in all of the demo data, and a demo account signs in and sees it', async () => {
    const server = await start();
    await waitForHealth(`http://127.0.0.1:${server.port}`, 90, () => server.child.exitCode === null);
    expect(server.stdout()).toContain('demodata: 300 medewerkers van bestuur 32073 aangeleverd');
    expect(existsSync(marker)).toBe(false);
    const page = await signInWithDemoAccount(`http://127.0.0.1:${server.port}`);
    expect(page.location).toBe('/mijn-register');
    expect(page.text).toContain('Stichting Christelijke Kindcentra Drenthe');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('a start after that keeps the data and seeds nothing again', async () => {
    const server = await start();
    await waitForHealth(`http://127.0.0.1:${server.port}`, 60, () => server.child.exitCode === null);
    expect(server.stdout()).not.toContain('demodata:');
    const page = await signInWithDemoAccount(`http://127.0.0.1:${server.port}`);
    expect(page.text).toContain('Stichting Christelijke Kindcentra Drenthe');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});

describe('start-up errors', () => {
  it('a port in use is reported in Dutch and English with what to do', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const server = await start({ PORT: String(port) });
      expect(await server.exited).toBe(1);
      expect(server.stderr()).toContain(`Poort ${port} is al in gebruik`);
      expect(server.stderr()).toContain(`Port ${port} is already in use`);
      expect(server.stderr()).toContain('PORT=3001 npm start');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('an invalid setting names the variable in Dutch and English', async () => {
    const server = await start({ LOG_LEVEL: 'luid' });
    expect(await server.exited).toBe(1);
    expect(server.stderr()).toContain('LOG_LEVEL: een van / one of: fatal, error, warn, info, debug, trace, silent');
    expect(server.stderr()).toContain('Fix the environment variables named');
  });

  it('an unreachable PostgreSQL is reported in Dutch and English', async () => {
    const port = await freePort();
    const server = await start({ DATABASE_URL: `postgres://nobody@127.0.0.1:${port}/nothing` });
    expect(await server.exited).toBe(1);
    expect(server.stderr()).toContain('De database is niet bereikbaar');
    expect(server.stderr()).toContain('The database cannot be reached');
  });
});
