import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/test-app.ts';

/**
 * What a page weighs on the wire (decision 024): compressed when the browser accepts it, its stylesheet
 * only the components the pages use, its assets named by their contents and kept a year.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** What browsers send: Chrome over HTTPS, and any browser over plain HTTP (no brotli there). */
const accepts = { br: 'gzip, deflate, br, zstd', gzip: 'gzip, deflate' } as const;

const get = (url: string, acceptEncoding?: string) => t.app.inject({ url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

function decoded(response: LightMyRequestResponse): string {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(response.rawPayload).toString();
  if (encoding === 'gzip') return gunzipSync(response.rawPayload).toString();
  expect(encoding).toBeUndefined();
  return response.body;
}

/** The stylesheets, script and icon the page at `url` links to. */
async function linkedAssets(url = '/') {
  const html = (await get(url)).body;
  const stylesheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
  const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
  const icons = [...html.matchAll(/<link rel="icon" href="([^"]+)"/g)].map((m) => m[1]);
  return { stylesheets, scripts, icons, all: [...stylesheets, ...scripts, ...icons] };
}

describe('compression', () => {
  it.each(Object.entries(accepts))('sends a page, its stylesheet and its script %s-compressed to a browser that accepts it', async (encoding, accept) => {
    const { stylesheets, scripts } = await linkedAssets();
    const app = stylesheets.find((href) => href.includes('/app.'));
    expect(app).toBeDefined();
    expect(scripts).toHaveLength(1);
    for (const url of ['/', '/organisaties', app!, scripts[0]]) {
      const plain = await get(url);
      const compressed = await get(url, accept);
      expect(compressed.statusCode, url).toBe(200);
      expect(compressed.headers['content-encoding'], url).toBe(encoding);
      expect(compressed.headers.vary, url).toMatch(/accept-encoding/i);
      expect(compressed.headers['content-type'], url).toBe(plain.headers['content-type']);
      expect(compressed.rawPayload.length, url).toBeLessThan(plain.rawPayload.length / 2);
      // the security headers are on the compressed answer as on any other
      expect(compressed.headers['content-security-policy'], url).toContain("default-src 'self'");
      expect(decoded(compressed), url).toBe(plain.body);
    }
  });

  it('sends everything as it is to a client that does not ask for compression', async () => {
    const { all } = await linkedAssets();
    for (const url of ['/', '/organisaties', '/api/v1/openapi.json', ...all]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-encoding'], url).toBeUndefined();
    }
    expect((await get('/')).body).toMatch(/^<!doctype html>/);
  });

  it('compresses the API and its problems too', async () => {
    const document = await get('/api/v1/openapi.json', accepts.gzip);
    expect(document.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(decoded(document))).toMatchObject({ openapi: expect.stringMatching(/^3\./) });
    // a problem as long as a page's worth of invalid parameters
    const problem = await get(`/api/v1/organisaties?${new URLSearchParams({ zoek: 'x'.repeat(3000) })}`, accepts.br);
    expect(problem.statusCode).toBe(400);
    expect(problem.headers['content-type']).toContain('application/problem+json');
    expect(problem.headers['content-encoding']).toBe('br');
    expect(JSON.parse(decoded(problem))).toMatchObject({ status: 400 });
  });
});

describe('caching', () => {
  it('names every asset a page links to by its contents, and lets a browser keep it a year, compressed or not', async () => {
    const { all } = await linkedAssets();
    expect(all.length).toBeGreaterThanOrEqual(4); // fonts.css, the stylesheet, htmx, the icon
    for (const url of all) {
      expect(url).toMatch(/^\/static\/[a-z]+\.[0-9a-f]{12}\.(css|js|svg)$/);
      for (const accept of [undefined, accepts.br, accepts.gzip]) {
        const response = await get(url, accept);
        expect(response.statusCode, url).toBe(200);
        expect(response.headers['cache-control'], `${url} ${accept}`).toBe('public, max-age=31536000, immutable');
      }
    }
  });

  it('keeps a file under its own name for an hour, and a page not at all', async () => {
    for (const url of ['/static/favicon.svg', '/static/fonts.css']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('public, max-age=3600');
    }
    expect((await get('/')).headers['cache-control'] ?? '').not.toContain('max-age=31536000');
  });

  it('no longer serves the stylesheets and script the pages linked before', async () => {
    for (const url of ['/static/vendor/utrecht-components.css', '/static/vendor/utrecht-theme.css', '/static/vendor/htmx.min.js', '/static/app.css']) {
      expect((await get(url)).statusCode, url).toBe(404);
    }
  });
});

describe('the stylesheet', () => {
  it('holds the components the pages use and our own rules after them, not the components they do not use', async () => {
    const { stylesheets } = await linkedAssets();
    const css = (await get(stylesheets.find((href) => href.includes('/app.'))!)).body;
    // used: every form has a button, every page its navigation
    expect(css).toContain('.utrecht-button{');
    expect(css).toContain('.utrecht-nav-list__link');
    // never used by a page
    expect(css).not.toContain('.utrecht-accordion');
    expect(css).not.toContain('.utrecht-calendar');
    // our own rules (src/ui/styles) come after the components', so that they win
    expect(css).toContain('.br-visually-hidden{');
    expect(css.indexOf('.br-visually-hidden{')).toBeGreaterThan(css.indexOf('.utrecht-button{'));
  });
});
