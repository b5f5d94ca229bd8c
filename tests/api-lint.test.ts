import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.ts';

/**
 * The OpenAPI document the app serves, linted with Spectral against the NL API Design Rules
 * (tests/api-design-rules, a copy in the repository: see its README for source and licence).
 */

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const rulesDir = resolve(projectRoot, 'tests', 'api-design-rules');
const spectral = join(projectRoot, 'node_modules', '.bin', 'spectral');

type Finding = { code: string; message: string; path: string[]; severity: number };
const severities = ['error', 'warning', 'info', 'hint'];

async function lint(file: string, ruleset: string): Promise<Finding[]> {
  // spectral exits non-zero when it finds errors; its JSON report is on stdout either way
  const { stdout } = await promisify(execFile)(spectral, ['lint', file, '--ruleset', join(rulesDir, ruleset), '--format', 'json', '--quiet'], {
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
    if (error.stdout?.trim().startsWith('[')) return { stdout: error.stdout };
    throw new Error(`spectral failed: ${error.stderr || error.message}`);
  });
  return JSON.parse(stdout) as Finding[];
}

const describeFindings = (findings: Finding[]) =>
  findings.map((f) => `${severities[f.severity] ?? f.severity} ${f.code} at ${f.path.join('.') || '(document)'}: ${f.message}`).join('\n');

let testApp: TestApp;
let dir: string;
let file: string;

beforeAll(async () => {
  // linted as it is served in production, behind TLS
  testApp = await createTestApp({ env: { BASE_URL: 'https://beroepsregister.example.nl' } });
  const response = await testApp.app.inject({ url: '/api/v1/openapi.json' });
  expect(response.statusCode).toBe(200);
  dir = mkdtempSync(join(tmpdir(), 'br-openapi-'));
  file = join(dir, 'openapi.json');
  writeFileSync(file, response.body);
});

afterAll(async () => {
  await testApp?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the OpenAPI document', () => {
  it('passes the NL API Design Rules 2.1.0 ruleset without errors', async () => {
    const findings = await lint(file, 'spectral-adr-2.1.0.yml');
    const errors = findings.filter((f) => f.severity === 0);
    expect(errors, `Spectral errors (spectral-adr-2.1.0.yml):\n${describeFindings(errors)}`).toEqual([]);
    if (findings.length > 0) console.info(`spectral-adr-2.1.0.yml, not errors:\n${describeFindings(findings)}`);
  });

  it('the linter does find errors (a broken document fails)', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ openapi: '3.0.3', info: { title: 'x' }, paths: { '/Foo_Bar/': { get: { responses: {} } } } }));
    const findings = await lint(broken, 'spectral-adr-2.1.0.yml');
    expect(findings.filter((f) => f.severity === 0).length).toBeGreaterThan(0);
  });

  it('the develop ruleset (rules to come) finds no errors either', async () => {
    const findings = await lint(file, 'spectral-adr-develop.yml');
    if (findings.length > 0) console.info(`spectral-adr-develop.yml:\n${describeFindings(findings)}`);
    const errors = findings.filter((f) => f.severity === 0).map((f) => `${f.code} at ${f.path.join('.')}`);
    expect(errors, describeFindings(findings)).toEqual([]);
  });
});
