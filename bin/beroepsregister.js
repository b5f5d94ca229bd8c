#!/usr/bin/env node
// The CLI: `npx beroepsregister <command>` (see bin/node22.js for how it runs).
import { runOnNode22 } from './node22.js';

await runOnNode22(import.meta.url, new URL('../src/cli.ts', import.meta.url).href, 'Beroepsregister Onderwijs');
