/**
 * `npm run bench -- page-weight [--base-url URL]`
 *
 * What a first visit to each of five pages costs on the wire (decision 024): the real server (`serve` on a
 * fresh data directory with the demo data; or the one at --base-url), asked like a browser over plain
 * HTTP (Accept-Encoding: gzip, deflate; browsers send br only over HTTPS) with an empty cache: the HTML, then
 * every stylesheet, script, icon and image it links to, and what the stylesheets link to in turn. Fonts are
 * listed apart and left out of the total. Transferred = response headers + body as sent; against it the
 * bodies unpacked, which is what the same page would weigh without compression.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync, inflateSync } from 'node:zlib';
import { serverProcesses } from '../tests/support/server-process.ts';
import { machineLoad, table, UsageError, verdict } from './support.ts';

const pages = ['/', '/register?naam=de+Vries', '/organisaties?zoek=Assen', '/aanbod', '/inloggen'];
const goalBytes = 100 * 1024;
const browserHeaders = {
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-encoding': 'gzip, deflate',
  'accept-language': 'nl-NL,nl;q=0.9',
  'user-agent': 'beroepsregister-bench page-weight',
};

type Kind = 'html' | 'css' | 'js' | 'image' | 'font';
type Fetched = { url: string; kind: Kind; status: number; transferred: number; unpacked: number; encoding: string; body: string };

function kindOf(path: string, fallback: Kind): Kind {
  if (/\.(woff2?|ttf|otf|eot)(\?|$)/.test(path)) return 'font';
  if (/\.(svg|png|jpe?g|gif|webp|avif|ico)(\?|$)/.test(path)) return 'image';
  if (/\.css(\?|$)/.test(path)) return 'css';
  if (/\.m?js(\?|$)/.test(path)) return 'js';
  return fallback;
}

/** One GET as a browser makes it, counting the bytes as they come over the socket (a redirect is followed and counted too). */
function fetchCounted(base: string, url: string, kind: Kind): Promise<Fetched[]> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(url, base), { headers: browserHeaders, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', async () => {
        const raw = Buffer.concat(chunks);
        // the status line and the headers as they were sent
        const headerBytes =
          `HTTP/${res.httpVersion} ${res.statusCode} ${res.statusMessage}\r\n`.length +
          // each line `name: value\r\n`: two bytes after the name, two after the value
          res.rawHeaders.reduce((total, part) => total + Buffer.byteLength(part) + 2, 0) +
          2;
        const encoding = res.headers['content-encoding'] ?? '';
        const body = encoding === 'gzip' ? gunzipSync(raw) : encoding === 'deflate' ? inflateSync(raw) : raw;
        const fetched: Fetched = {
          url,
          kind,
          status: res.statusCode ?? 0,
          transferred: headerBytes + raw.length,
          unpacked: body.length,
          encoding,
          body: body.toString(),
        };
        const location = res.headers.location;
        if (fetched.status >= 300 && fetched.status < 400 && location) {
          const target = new URL(location, new URL(url, base));
          try {
            resolve([fetched, ...(await fetchCounted(base, target.pathname + target.search, kind))]);
          } catch (error) {
            reject(error);
          }
          return;
        }
        resolve([fetched]);
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const attribute = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1];

/** What an HTML page makes a browser fetch: stylesheets, scripts, icons and images. */
function linkedFrom(html: string): { url: string; kind: Kind }[] {
  const found: { url: string; kind: Kind }[] = [];
  for (const [tag] of html.matchAll(/<(link|script|img)\b[^>]*>/g)) {
    if (tag.startsWith('<link')) {
      const rel = attribute(tag, 'rel') ?? '';
      const href = attribute(tag, 'href');
      if (!href) continue;
      if (/\bstylesheet\b/.test(rel)) found.push({ url: href, kind: 'css' });
      else if (/\bicon\b/.test(rel)) found.push({ url: href, kind: 'image' });
      else if (/\b(preload|modulepreload)\b/.test(rel)) found.push({ url: href, kind: kindOf(href, 'js') });
    } else {
      const src = attribute(tag, 'src');
      if (src) found.push({ url: src, kind: tag.startsWith('<img') ? 'image' : 'js' });
    }
  }
  return found;
}

/** What a stylesheet makes a browser fetch: images and fonts in url(…), other stylesheets in @import. */
function linkedFromCss(css: string): { url: string; kind: Kind }[] {
  const found: { url: string; kind: Kind }[] = [];
  for (const [, url] of css.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) {
    if (!url.startsWith('data:') && !url.startsWith('#')) found.push({ url, kind: kindOf(url, 'image') });
  }
  for (const [, url] of css.matchAll(/@import\s+(?:url\()?\s*['"]([^'"]+)['"]/g)) found.push({ url, kind: 'css' });
  return found;
}

type PageWeight = { page: string; resources: Fetched[]; fonts: Fetched[] };

/** A first visit: the page, then everything it (and its stylesheets) link to, each once, on the same origin. */
async function visit(base: string, page: string): Promise<PageWeight> {
  const html = await fetchCounted(base, page, 'html');
  const last = html.at(-1)!;
  if (last.status !== 200) throw new Error(`${page}: ${last.status}`);
  const seen = new Set<string>();
  const resources: Fetched[] = [...html];
  const fonts: Fetched[] = [];
  let queue = linkedFrom(last.body);
  while (queue.length > 0) {
    const next: { url: string; kind: Kind }[] = [];
    for (const link of queue) {
      const url = new URL(link.url, new URL(page, base));
      if (url.origin !== new URL(base).origin) throw new Error(`${page} links to another site: ${url}`);
      const path = url.pathname + url.search;
      if (seen.has(path)) continue;
      seen.add(path);
      const fetched = await fetchCounted(base, path, link.kind);
      for (const f of fetched) {
        if (f.status !== 200 && !(f.status >= 300 && f.status < 400)) throw new Error(`${page} links to ${path}, which answers ${f.status}`);
        (f.kind === 'font' ? fonts : resources).push(f);
      }
      if (link.kind === 'css') next.push(...linkedFromCss(fetched.at(-1)!.body));
    }
    queue = next;
  }
  return { page, resources, fonts };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const sum = (items: Fetched[], field: 'transferred' | 'unpacked', kinds?: Kind[]) =>
  items.filter((f) => !kinds || kinds.includes(f.kind)).reduce((total, f) => total + f[field], 0);

function report(weights: PageWeight[]) {
  console.log(`\nOver de lijn per pagina bij een eerste bezoek, zonder lettertypen (doel < ${kb(goalBytes)}):\n`);
  const rows = [['pagina', 'html', 'css', 'js', 'beeld', 'over de lijn', 'onverpakt', 'doel']];
  for (const { page, resources } of weights) {
    const total = sum(resources, 'transferred');
    rows.push([
      page,
      kb(sum(resources, 'transferred', ['html'])),
      kb(sum(resources, 'transferred', ['css'])),
      kb(sum(resources, 'transferred', ['js'])),
      kb(sum(resources, 'transferred', ['image'])),
      kb(total),
      kb(sum(resources, 'unpacked')),
      verdict(total < goalBytes),
    ]);
  }
  console.log(table(rows));

  console.log('\nDe bestanden (over de lijn / onverpakt, codering):\n');
  const files = new Map<string, Fetched>();
  for (const { resources, fonts } of weights) for (const f of [...resources, ...fonts]) if (f.kind !== 'html') files.set(f.url, f);
  const fileRows = [['bestand', 'soort', 'over de lijn', 'onverpakt', 'codering']];
  for (const f of [...files.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.url.localeCompare(b.url))) {
    fileRows.push([f.url, f.kind === 'font' ? 'font (niet meegeteld)' : f.kind, kb(f.transferred), kb(f.unpacked), f.encoding || '—']);
  }
  console.log(table(fileRows));
  const fontUrls = new Set(weights.flatMap((w) => w.fonts.map((f) => f.url)));
  const fontBytes = [...fontUrls].reduce((total, url) => total + files.get(url)!.transferred, 0);
  console.log(
    `\nLettertypen, apart en niet in het totaal: ${fontUrls.size} bestanden, samen ${kb(fontBytes)} (een browser haalt alleen de gewichten die een pagina gebruikt).`,
  );
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { 'base-url': { type: 'string' } } });
  const given = values['base-url'];
  if (given !== undefined && !/^https?:\/\/[^/]+$/.test(given)) throw new UsageError(`--base-url verwacht http(s)://host[:poort], niet "${given}"`);
  console.log(machineLoad());
  const dir = given ? undefined : mkdtempSync(join(tmpdir(), 'br-bench-weight-'));
  const processes = dir ? await serverProcesses({ NODE_ENV: 'production', LOG_LEVEL: 'warn', DATA_DIR: join(dir, 'data') }) : undefined;
  try {
    let base = given;
    if (processes) {
      // seeded first, by the command that does only that: a loaded machine takes longer than a start may
      console.log('De demodata in een nieuwe datamap …');
      const seeded = processes.command(['seed', '--demo']);
      if ((await seeded.exited) !== 0) throw new Error(`seed --demo: ${seeded.output()}`);
      base = (await processes.startServer()).base;
    }
    const weights: PageWeight[] = [];
    for (const page of pages) weights.push(await visit(base!, page));
    report(weights);
    if (processes) console.log(`\n${machineLoad()}`);
  } finally {
    await processes?.cleanUp();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
