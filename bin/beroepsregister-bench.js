#!/usr/bin/env node
// `npm run bench -- <name> [options]`: runs a benchmark from bench/ on the TypeScript sources (tsx).
// Like bin/beroepsregister.js it needs Node 22 and hands over to the Node 22 that `npm ci` installed
// when started by an older system Node.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  const node22 = join(root, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(node22)) {
    console.error(`De benchmarks hebben Node 22 nodig (dit is ${process.version}). Voer eerst \`npm ci\` uit.`);
    process.exit(1);
  }
  const child = spawn(node22, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../bench/index.ts');
}
