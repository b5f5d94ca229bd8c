import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { assetUrl, builtAssetsDir } from '../ui/assets.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** A file named by its contents never changes: a browser keeps it a year without asking again. */
const immutable = 'public, max-age=31536000, immutable';
/** A file whose name stays when it changes (public/: fonts.css, favicon.svg by their old names): an hour. */
const shortLived = 'public, max-age=3600';

/**
 * /static/: the build's assets (dist/public, each named by its contents, with .br and .gz beside it), then
 * public/ as it is; /static/fonts/: the self-hosted font files (decision 024). The page links come from
 * src/ui/assets.ts.
 */
export const staticFiles = fp(async (app: FastifyInstance) => {
  await app.register(fastifyStatic, {
    root: [builtAssetsDir, join(root, 'public')],
    prefix: '/static/',
    preCompressed: true,
    // the path of the file sent: the .br or .gz beside an asset is in the same folder
    setHeaders: (reply, path) => reply.header('Cache-Control', path.startsWith(builtAssetsDir) ? immutable : shortLived),
  });
  // fontsource's file names carry the font's version, not its contents, but a release never changes a file
  await app.register(fastifyStatic, {
    root: join(packageDir('@fontsource/source-sans-3'), 'files'),
    prefix: '/static/fonts/',
    decorateReply: false,
    maxAge: '30d',
    immutable: true,
  });

  // browsers ask for it by this name when a page names none (the pages name the fingerprinted favicon)
  app.get('/favicon.ico', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) => reply.redirect(assetUrl('favicon.svg'), 301));
});
