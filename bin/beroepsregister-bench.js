#!/usr/bin/env node
// `npm run bench -- <name> [options]`: runs a benchmark from bench/ on the TypeScript sources, through tsx
// (a devDependency: the benchmarks are for development). What they start with bin/beroepsregister.js runs
// the build in dist/, as production does.
import { runOnNode22 } from './node22.js';

await runOnNode22(import.meta.url, 'De benchmarks', async () => {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../bench/index.ts');
});
