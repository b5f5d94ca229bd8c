#!/usr/bin/env node
// `npm run build` (also the `prepare` step of `npm install`/`npm ci`): bundles the TypeScript sources into
// plain JavaScript in dist/ with esbuild (decision 020).
//   src/cli.ts              → dist/cli.js (+ .map): the CLI and the server, ESM for Node 22; npm packages
//                              stay imports of node_modules but for `bundledPackages`
//   the pages' assets       → dist/public/<name>.<hash>.<ext> (+ .br, .gz), named in dist/assets.json
//                              (decision 024): app.css is src/ui/styles/*.css with the Utrecht components
//                              src/ uses, on our own tokens (tokens.css, decision 025); fonts.css
//                              and favicon.svg from public/; htmx. Served as /static/…
// `ensureBuilt()` is what bin/beroepsregister.js and the tests call: it builds only when dist/ is missing or
// older than a source file. Plain JavaScript on purpose: `npm install` runs this on whatever Node it has.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { ensurePgliteTemplate } from './pglite-template.mjs';
import { componentStylesheets } from './utrecht-components.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
/** written last, after every output file: its time is the build's */
const stamp = join(dist, 'build.json');
/** the pages' assets, each named by its content: served for a year, never asked for again (decision 024) */
const publicDir = join(dist, 'public');
/** which file each asset is now, `{ "app.css": "app.<hash>.css", … }`: read by src/ui/assets.ts */
const manifestPath = join(dist, 'assets.json');
/** what a build reads besides src/ and public/: a change to one of these also makes dist/ stale */
const buildInputs = [
  fileURLToPath(import.meta.url),
  join(root, 'scripts', 'utrecht-components.mjs'),
  join(root, 'scripts', 'pglite-template.mjs'),
  join(root, 'tsconfig.json'),
  join(root, 'package.json'),
  // an update of a package (the Utrecht CSS, htmx) changes the lock
  join(root, 'package-lock.json'),
].filter((file) => existsSync(file));

/**
 * In the bundle every module shares dist/cli.js's `import.meta.url`. A source file that finds a file
 * next to itself (`new URL('../../../assets/fonts/…', import.meta.url)`, the migrations beside
 * database.ts) would then look next to dist/cli.js. This gives each project file its own URL back:
 * `import.meta.url` becomes that file's source URL, worked out from the bundle's at run time, so the
 * same code finds the same files from src/ (vitest) and from dist/ (the CLI), wherever the project lies.
 */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const source = readFileSync(args.path, 'utf8');
      if (/\bimport\.meta\.(dirname|filename)\b/.test(source)) {
        return { errors: [{ text: 'use import.meta.url here: import.meta.dirname and .filename are not rewritten for the bundle' }] };
      }
      if (!source.includes('import.meta.url')) return undefined;
      const fromBundle = relative(dist, args.path).split('\\').join('/');
      const url = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`;
      return { contents: source.replace(/\bimport\.meta\.url\b/g, url), loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

/**
 * npm packages stay imports of node_modules, but for a few that are ES modules of many small files: Node
 * resolves each file of a package by reading that package's package.json again (drizzle-orm's is 179 KB,
 * some hundred files; zod's some ninety), which cost a start about half a second (decision 013, where a
 * resolve hook won it back). Bundled, they are parsed once with the rest. A package bundled here must not
 * also be imported by a package left outside, or two copies would meet (zod's schemas go to
 * fastify-type-provider-zod, so it is bundled too); the build checks that.
 */
export const bundledPackages = ['drizzle-orm', 'zod', 'fastify-type-provider-zod'];
const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

const packagesOutside = {
  name: 'packages-outside',
  setup(build) {
    const external = new Set();
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || bundledPackages.includes(packageOf(args.path))) return undefined;
      external.add(packageOf(args.path));
      return { path: args.path, external: true };
    });
    build.onEnd((result) => {
      for (const name of external) {
        let manifest;
        try {
          manifest = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));
        } catch {
          continue; // a Node built-in named without node:, or a package that is not installed (esbuild has no say in that)
        }
        const needs = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }).filter((d) => bundledPackages.includes(d));
        for (const need of needs) {
          result.errors.push({
            text: `${name} depends on ${need}, which the build bundles: bundle ${name} too (bundledPackages in scripts/build.mjs), or leave ${need} outside`,
          });
        }
      }
    });
  },
};

/** Writes a file whole under a temporary name and renames it: a process starting meanwhile reads the old file or the new one. */
function writeWhole(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/**
 * The one stylesheet of every page, as an esbuild entry: src/ui/styles/*.css with tokens.css (the design
 * tokens) first and the rest by name, and between them the stylesheets of the Utrecht components that src/
 * uses (scripts/utrecht-components.mjs), so that our own rules come after the components'. The components
 * read their tokens' values (a button's text colour, for one) from tokens.css (decision 025).
 */
const stylesheetEntry = {
  name: 'stylesheet-entry',
  setup(build) {
    build.onResolve({ filter: /^pages-stylesheet$/ }, () => ({ path: 'app.css', namespace: 'pages-stylesheet' }));
    build.onLoad({ filter: /.*/, namespace: 'pages-stylesheet' }, () => {
      const styles = join(root, 'src', 'ui', 'styles');
      const own = readdirSync(styles)
        .filter((name) => name.endsWith('.css'))
        .sort()
        .map((name) => join(styles, name));
      const tokens = join(styles, 'tokens.css');
      const files = [tokens, ...componentStylesheets(root), ...own.filter((file) => file !== tokens)];
      return { contents: files.map((file) => `@import ${JSON.stringify(file)};`).join('\n'), loader: 'css', resolveDir: root };
    });
  },
};

const contentHash = (contents) => createHash('sha256').update(contents).digest('hex').slice(0, 12);
/** `app.css` with these contents → `app.<hash>.css` */
const fingerprinted = (name, contents) => `${basename(name, extname(name))}.${contentHash(contents)}${extname(name)}`;

/** The pages' assets: `{ name, file, contents, map? }` each, `file` named by its contents. */
async function buildAssets(esbuild, shared) {
  const css = await esbuild.build({
    ...shared,
    entryPoints: { app: 'pages-stylesheet', fonts: 'public/fonts.css' },
    outdir: publicDir,
    minify: true,
    // the Utrecht components' EUPL notices, once each at the end
    legalComments: 'eof',
    // the pages' own URLs (fonts, images under /static/) are served as they are
    external: ['/static/*'],
    plugins: [stylesheetEntry],
  });
  const assets = [];
  for (const output of css.outputFiles.filter((file) => file.path.endsWith('.css'))) {
    const name = basename(output.path);
    const file = fingerprinted(name, output.contents);
    const map = css.outputFiles.find((other) => other.path === `${output.path}.map`);
    // the comment esbuild ends the file with names the map by the unfingerprinted name
    const contents = Buffer.from(output.text.replace(`sourceMappingURL=${name}.map`, `sourceMappingURL=${file}.map`));
    assets.push({ name, file, contents, map: map?.contents });
  }
  const require = createRequire(import.meta.url);
  const copied = {
    'htmx.js': join(dirname(require.resolve('htmx.org/package.json')), 'dist', 'htmx.min.js'),
    'favicon.svg': join(root, 'public', 'favicon.svg'),
  };
  for (const [name, path] of Object.entries(copied)) {
    const contents = readFileSync(path);
    assets.push({ name, file: fingerprinted(name, contents), contents });
  }
  return assets;
}

/** A smaller file is not worth a compressed copy of its own (@fastify/compress's threshold for answers made per request). */
const precompressFrom = 1024;

/**
 * Writes the assets with their .br and .gz beside them (the static files plugin serves those as they are),
 * then the manifest. A file already there has the same contents, as its name says: it is not compressed
 * again. Files of neither this build nor the one before are removed; the one before stays for a server still
 * running on it.
 */
function writeAssets(assets) {
  mkdirSync(publicDir, { recursive: true });
  for (const { file, contents, map } of assets) {
    const path = join(publicDir, file);
    if (map) writeWhole(`${path}.map`, map);
    const compressible = /\.(css|js|svg)$/.test(file) && contents.length >= precompressFrom;
    if (existsSync(path) && (!compressible || (existsSync(`${path}.br`) && existsSync(`${path}.gz`)))) continue;
    if (compressible) {
      const brotli = { [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: contents.length };
      writeWhole(`${path}.br`, brotliCompressSync(contents, { params: brotli }));
      writeWhole(`${path}.gz`, gzipSync(contents, { level: zlibConstants.Z_BEST_COMPRESSION }));
    }
    writeWhole(path, contents);
  }
  let previous = {};
  try {
    previous = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch {
    // the first build, or one from before the manifest: nothing to keep
  }
  const manifest = Object.fromEntries(assets.map(({ name, file }) => [name, file]));
  writeWhole(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  const kept = new Set([...Object.values(manifest), ...Object.values(previous)].flatMap((file) => [file, `${file}.map`, `${file}.br`, `${file}.gz`]));
  for (const entry of readdirSync(publicDir)) {
    if (!kept.has(entry)) rmSync(join(publicDir, entry), { force: true, recursive: true });
  }
}

/** Builds dist/ and returns the time it took, in ms. Throws (with esbuild's messages printed) when a file does not compile. */
export async function build({ logLevel = 'warning' } = {}) {
  const started = performance.now();
  const startedAt = new Date();
  const esbuild = await import('esbuild');
  const shared = { absWorkingDir: root, bundle: true, write: false, sourcemap: 'linked', sourcesContent: false, logLevel, legalComments: 'none' };
  const [server, assets] = await Promise.all([
    esbuild.build({
      ...shared,
      entryPoints: { cli: 'src/cli.ts' },
      outdir: dist,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      jsx: 'automatic',
      jsxImportSource: '@kitajs/html',
      plugins: [packagesOutside, ownImportMetaUrl],
    }),
    buildAssets(esbuild, shared),
  ]);
  for (const file of server.outputFiles) writeWhole(file.path, file.contents);
  writeAssets(assets);
  writeFileSync(stamp, `${JSON.stringify({ esbuild: esbuild.version, builtAt: startedAt.toISOString() })}\n`);
  // the stamp's time is when the build began reading: a file saved while it ran is newer, and is built next time
  utimesSync(stamp, startedAt, startedAt);
  return performance.now() - started;
}

/** The newest change time under `dir`: files, and directories too (a file deleted or renamed changes its directory's). */
function newestUnder(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Why dist/ must be built again, or undefined when it is up to date. */
export function staleBecause() {
  if (!existsSync(stamp)) return 'dist/ ontbreekt';
  const builtAt = statSync(stamp).mtimeMs;
  const sources = Math.max(newestUnder(join(root, 'src')), newestUnder(join(root, 'public')), ...buildInputs.map((file) => statSync(file).mtimeMs));
  return sources > builtAt ? 'de bronbestanden zijn nieuwer dan dist/' : undefined;
}

/**
 * Builds dist/ when it is missing or older than the sources (a developer edited a file and did not run
 * `npm run build`): esbuild takes well under a second. A source that does not compile stops it; when dist/
 * is there but cannot be written (say the installation is read-only), it runs what is there and says so.
 */
export async function ensureBuilt() {
  await ensurePgliteTemplate(root).catch((error) =>
    console.error(`Let op: geen PGlite-sjabloon (${error.message}); een nieuwe database draait initdb. / No PGlite template; a new database runs initdb.`),
  );
  const reason = staleBecause();
  if (!reason) return;
  try {
    await build();
  } catch (error) {
    // a source that does not compile is the developer's to fix (esbuild has printed where)
    if (error.errors || !existsSync(join(dist, 'cli.js'))) throw error;
    console.error(
      `Let op: ${reason}, maar opnieuw bouwen lukte niet (${error.message}); de bestaande dist/ draait.\n` +
        `Note: dist/ is older than the sources and could not be rebuilt; running the existing build.`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const took = await build({ logLevel: 'warning' });
    console.log(`dist/ gebouwd in ${Math.round(took)} ms`);
  } catch {
    // esbuild has printed what failed
    process.exit(1);
  }
  const template = await ensurePgliteTemplate(root);
  if (template) console.log(`lege PGlite-database (initdb) als sjabloon in dist/ gemaakt in ${Math.round(template)} ms`);
}
