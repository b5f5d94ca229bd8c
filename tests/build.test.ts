import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverProcesses, type Processes, type Server } from './support/server-process.ts';

/**
 * The server as `npm start` runs it: bin/beroepsregister.js on the build in dist/ (decision 020), whose
 * stylesheet the build makes from src/ui/styles and the Utrecht components the pages use (decision 024).
 * What a browser gets from the pages' links.
 */
let processes: Processes;
let server: Server;

beforeAll(async () => {
  processes = await serverProcesses({ NODE_ENV: 'test', LOG_LEVEL: 'warn', DATA_DIR: join(mkdtempSync(join(tmpdir(), 'br-build-')), 'data') });
  // migrated, so the server does not seed the demo data first
  const migrated = processes.command(['migrate']);
  expect(await migrated.exited, migrated.output()).toBe(0);
  server = await processes.startServer();
}, 120_000);

afterAll(async () => processes?.cleanUp());

describe('the built server', () => {
  it('serves every stylesheet and script a page links to, the stylesheet built from src/ui/styles', async () => {
    const page = await (await fetch(`${server.base}/`)).text();
    const stylesheets = [...page.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
    expect(stylesheets).toEqual([expect.stringMatching(/^\/static\/fonts\.[0-9a-f]{12}\.css$/), expect.stringMatching(/^\/static\/app\.[0-9a-f]{12}\.css$/)]);
    for (const href of stylesheets) {
      const response = await fetch(`${server.base}${href}`);
      expect(response.status, href).toBe(200);
      expect(response.headers.get('content-type'), href).toContain('text/css');
    }
    const [script] = [...page.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    const htmx = await fetch(`${server.base}${script}`);
    expect(htmx.status, script).toBe(200);
    expect(await htmx.text()).toContain('htmx');
    const theme = await (await fetch(`${server.base}${stylesheets[1]}`)).text();
    // the brand's tokens (src/ui/styles/tokens.css) bundled in, in place of the Utrecht example theme
    expect(theme).toMatch(/\.br-theme\{[^}]*--utrecht-document-font-family: ?var\(--br-font-family\)/);
    expect(theme).toContain('.br-visually-hidden{');
    expect(theme).toContain('.utrecht-button{');
  });

  it('finds the files beside its sources from the bundle: the migrations beside src/db/database.ts', async () => {
    // `migrate` (above) exited 0, so it found them; a wrong folder fails it (drizzle: no meta/_journal.json)
    const health = (await (await fetch(`${server.base}/health`)).json()) as { status: string; database: string };
    expect(health).toMatchObject({ status: 'ok', database: 'pglite' });
  });
});
