#!/usr/bin/env node
// The CLI: `npx beroepsregister <command>`. On Node 22 (see node22.js) it runs dist/cli.js, the plain
// JavaScript that `npm install` built from src/ (scripts/build.mjs, decision 020). It builds dist/ first
// when it is missing or older than the sources.
import { runOnNode22 } from './node22.js';

await runOnNode22(import.meta.url, 'Beroepsregister Onderwijs', async () => {
  const { ensureBuilt } = await import('../scripts/build.mjs');
  try {
    await ensureBuilt();
  } catch (error) {
    console.error(
      `Beroepsregister Onderwijs kon dist/ niet bouwen uit src/ (\`npm run build\`). / Could not build dist/ from src/.\n${error.errors ? '' : error.stack}`,
    );
    process.exit(1);
  }
  // stack traces name the lines in src/ (dist/cli.js.map)
  process.setSourceMapsEnabled(true);
  await import('../dist/cli.js');
});
