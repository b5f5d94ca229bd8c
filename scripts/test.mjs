#!/usr/bin/env node
// `npm test`: the static checks, then every vitest project (PGlite; PostgreSQL when TEST_DATABASE_URL
// is set; the browser journeys), and a closing line `N passed, N failed` over all of them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from './chromium.mjs';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(
    `De tests draaien op Node 22 (dit is ${process.version}). Start ze met \`npm test\` na \`npm install\`.\n` +
      `The tests run on Node 22 (this is ${process.version}). Start them with \`npm test\` after \`npm install\`.`,
  );
  process.exit(1);
}

const bin = (name) => join('node_modules', '.bin', name);
let passed = 0;
let failed = 0;
let skipped = 0;

function step(name, command, args, env = {}) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(name, command, args) {
  if (step(name, command, args)) passed++;
  else {
    failed++;
    console.error(`✗ ${name} faalde`);
  }
}

// what the tests that start bin/beroepsregister.js run, and a compile error counted as one
check('build (esbuild → dist/)', process.execPath, ['scripts/build.mjs']);
check('typecheck (tsc)', bin('tsc'), ['-p', 'tsconfig.json']);
check('lint: boundaries, Biome, clones (npm run lint)', 'npm', ['run', '--silent', 'lint']);
const tsxFiles = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'src/*.tsx'], { encoding: 'utf8' })
  .stdout.split('\n')
  .filter(Boolean);
check('xss-scan (@kitajs/ts-html-plugin)', bin('xss-scan'), tsxFiles);

const chromium = ensureChromium();
const env = { CHROMIUM_PATH: chromium };
if (process.env.TEST_DATABASE_URL) console.log(`\nDatabasetests ook op PostgreSQL: ${process.env.TEST_DATABASE_URL}`);
else console.log('\nTEST_DATABASE_URL is niet gezet: de databasetests draaien alleen op PGlite.');

const report = join(mkdtempSync(join(tmpdir(), 'br-vitest-')), 'report.json');
step('vitest', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], env);
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  skipped += json.numPendingTests + json.numTodoTests;
  // a test file that fails to load has no tests to count, but it did fail
  failed += json.testResults.filter((r) => r.status === 'failed' && r.assertionResults.length === 0).length;
} else {
  failed++;
  console.error('✗ vitest schreef geen rapport');
}

// CI runs on a bare clone: a test skipped there (for a file or service it could not find) is a failure
if (process.env.CI && skipped > 0) {
  failed++;
  console.error(`✗ ${skipped} tests overgeslagen; in CI mag geen test worden overgeslagen / ${skipped} tests skipped; none may be skipped in CI`);
}

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
