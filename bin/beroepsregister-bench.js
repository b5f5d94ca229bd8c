#!/usr/bin/env node
// `npm run bench -- <name> [options]`: runs a benchmark from bench/ on the TypeScript sources.
import { runOnNode22 } from './node22.js';

await runOnNode22(import.meta.url, new URL('../bench/index.ts', import.meta.url).href, 'De benchmarks');
