import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRealLocations, realBoardsPath, realLocationsPath } from './support/duo-csv.ts';

/**
 * The real command line, as an administrator runs it: a separate Node process on a fresh data
 * directory with the embedded database (PGlite; DATABASE_URL is removed from its environment).
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'beroepsregister.js');

type Run = { code: number | null; stdout: string; stderr: string };

function cli(args: string[], dataDir: string, env: Record<string, string> = {}): Promise<Run> {
  // a clean environment: not the test runner's (vitest sets BASE_URL=/, and DATABASE_URL would leave PGlite)
  const inherited = Object.fromEntries(['PATH', 'HOME', 'TMPDIR', 'LANG', 'SYSTEMROOT'].flatMap((k) => (process.env[k] ? [[k, process.env[k]!]] : [])));
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: root,
      env: { ...inherited, NODE_ENV: 'test', DATA_DIR: dataDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

const freshDataDir = () => join(mkdtempSync(join(tmpdir(), 'br-cli-')), 'data');
const scratch = mkdtempSync(join(tmpdir(), 'br-cli-files-'));
const csv = readRealLocations();

describe.concurrent('commands that need no database', () => {
  it('help lists the commands', async () => {
    const run = await cli(['help'], freshDataDir());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Gebruik: beroepsregister <opdracht> [opties]');
    for (const command of ['serve', 'migrate', 'seed --demo', 'import-duo <bestand>']) expect(run.stdout).toContain(command);
  });

  it('import-duo --help explains the import and its options', async () => {
    const run = await cli(['import-duo', '--help'], freshDataDir());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('beroepsregister import-duo <vestigingen.csv> [--besturen <besturen.csv>] [--bevestig-sluiten]');
    expect(run.stdout).toContain('--bevestig-sluiten');
    expect(run.stdout).not.toContain('Opdrachten:');
  });

  it('an unknown command exits with 2 and shows the help', async () => {
    const run = await cli(['importeer'], freshDataDir());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Onbekende opdracht: importeer');
    expect(run.stdout).toContain('Gebruik: beroepsregister');
  });

  it('a file that does not exist exits with 2 and says which, in Dutch', async () => {
    const dataDir = freshDataDir();
    const missing = join(scratch, 'bestaat-niet.csv');
    const run = await cli(['import-duo', missing], dataDir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Bestand niet gevonden: ${missing}`);
    expect(run.stdout).toContain('beroepsregister import-duo <vestigingen.csv>');
    // nothing was created for a command that could not start
    expect(existsSync(join(dataDir, 'pglite'))).toBe(false);
  });

  it('refuses a data directory that another running process holds', async () => {
    const dataDir = freshDataDir();
    mkdirSync(dataDir, { recursive: true });
    // this test process is alive and is not the CLI: to the CLI it is the server holding the database
    writeFileSync(join(dataDir, 'pglite.lock'), String(process.pid));
    const run = await cli(['migrate'], dataDir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`De database in deze datamap is in gebruik door proces ${process.pid}; stop dat eerst.`);
    expect(run.stdout).not.toContain('Database is bijgewerkt.');
    expect(readFileSync(join(dataDir, 'pglite.lock'), 'utf8')).toBe(String(process.pid));
    expect(existsSync(join(dataDir, 'pglite'))).toBe(false);
  });
});

describe('migrating and importing on one data directory', () => {
  const dataDir = freshDataDir();

  it('migrate creates the database in an empty data directory and releases it', async () => {
    const run = await cli(['migrate'], dataDir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Database is bijgewerkt.');
    expect(existsSync(join(dataDir, 'pglite'))).toBe(true);
    expect(existsSync(join(dataDir, 'secrets.json'))).toBe(true);
    expect(existsSync(join(dataDir, 'pglite.lock'))).toBe(false);
  });

  it('import-duo reads the real files, shows its progress and a summary with the counts', async () => {
    const run = await cli(['import-duo', realLocationsPath(), '--besturen', realBoardsPath()], dataDir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`… ${csv.lines.length} regels gelezen (windows-1252), 0 afgekeurd`);
    expect(run.stdout).toContain('… 740 besturen gelezen, 0 afgekeurd');
    expect(run.stdout).toContain('… organisatiegids vergelijken met het bestand');
    expect(run.stdout).toContain('… besturen, scholen en vestigingen bijwerken');
    expect(run.stdout).toMatch(new RegExp(`Klaar in \\d+\\.\\d s: ${csv.lines.length} regels gelezen, 0 afgekeurd\\.`));
    expect(run.stdout).toContain('Vestigingen: 6107 nieuw, 0 gewijzigd, 0 heropend, 0 gesloten.');
    expect(run.stdout).toContain('Besturen: 751 nieuw, 0 gewijzigd. Scholen: 5996 nieuw.');
  });

  it('a second run of the same files reports nothing new or changed', async () => {
    const run = await cli(['import-duo', realLocationsPath(), '--besturen', realBoardsPath()], dataDir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Vestigingen: 0 nieuw, 0 gewijzigd, 0 heropend, 0 gesloten.');
    expect(run.stdout).toContain('Besturen: 0 nieuw, 0 gewijzigd. Scholen: 0 nieuw.');
  });

  it('reports a broken line as "regel N: …", imports the rest and exits 0', async () => {
    const broken = csv.lines[99];
    const fields = [...broken.fields];
    fields[csv.col.brin] = '9X9X';
    const file = join(scratch, 'vestigingen-met-fout.csv');
    writeFileSync(file, csv.file(csv.lines.map((l) => (l === broken ? fields : l.fields))));
    const run = await cli(['import-duo', file], dataDir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`regel ${broken.lineNumber}: instellingscode "9X9X" is geen BRIN (2 cijfers en 2 letters)`);
    expect(broken.lineNumber).toBe(101);
    expect(run.stdout).toContain(`${csv.lines.length} regels gelezen, 1 afgekeurd.`);
    // the location on the unreadable line stays open
    expect(run.stdout).toContain('Vestigingen: 0 nieuw, 0 gewijzigd, 0 heropend, 0 gesloten.');
  });

  it('an empty file is refused with exit 1 and a Dutch message, changing nothing', async () => {
    const file = join(scratch, 'leeg.csv');
    writeFileSync(file, '');
    const run = await cli(['import-duo', file], dataDir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Fout: Het vestigingenbestand is leeg.');
    expect(existsSync(join(dataDir, 'pglite.lock'))).toBe(false);
  });
});
