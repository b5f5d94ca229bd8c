/**
 * `npm run bench -- import-duo [--runs N] [--postgres URL]`
 *
 * The DUO import against the least work that gets the same rows into the same database, measured in
 * the same run: the files decoded, split into fields (quote-aware, nothing checked) and COPYed into a
 * plain table without indexes that has the file's own columns. Every run uses fresh databases: one
 * for the baseline, one for the import into an empty directory followed by a re-import of the same
 * files (nothing changed). PGlite always (in memory); PostgreSQL too with --postgres or TEST_DATABASE_URL,
 * in a database of its own that is dropped afterwards.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Database } from '../src/db/database.ts';
import { demoDuoDir } from '../src/demo/demo.service.ts';
import { importDuo, type ImportDuoInput, type ImportDuoResult } from '../src/features/organisations/index.ts';
import { decodeText, detectSeparator } from '../src/platform/csv/decode.ts';
import { csvLine } from '../src/platform/csv/write.ts';
import { all, machineLoad, median, ms, readRuns, table, UsageError, verdict } from './support.ts';
import { pgliteTarget, postgresTarget, type Target } from './targets.ts';

const targets = { importMs: 3000, ratio: 5 };

type Files = { locations: Buffer; boards: Buffer };

type Run = {
  copy: number;
  import: number;
  reimport: number;
  /** CPU time of this process: with PGlite that is all the work, whatever else the machine is doing */
  cpu: { copy: number; import: number; reimport: number };
  phases: Record<Phase, number>;
  result: ImportDuoResult;
};
type Phase = 'parse' | 'plan' | 'write';

/** Splits one CSV line into fields: quotes and doubled quotes understood, nothing else. */
function splitLine(line: string, separator: string): string[] {
  if (!line.includes('"')) return line.split(separator);
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

function columnNames(header: string[]): string[] {
  return header.map(
    (h, i) =>
      `c${i}_${h
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_|_$/g, '')}`,
  );
}

/** The baseline: decode, split, COPY into a plain table with the file's columns. */
async function bareCopy(database: Database, files: Files): Promise<{ ms: number; cpu: number }> {
  const tables: { table: string; bytes: Buffer }[] = [
    { table: 'bench_raw_locations', bytes: files.locations },
    { table: 'bench_raw_boards', bytes: files.boards },
  ];
  // the tables exist before the clock starts, as the directory's tables do for the import
  const prepared = tables.map(({ table, bytes }) => {
    const { text } = decodeText(bytes);
    const separator = detectSeparator(text.slice(0, text.indexOf('\n')));
    return { table, columns: columnNames(splitLine(text.slice(0, text.search(/\r?\n/)), separator)) };
  });
  for (const { table, columns } of prepared) {
    await database.exec(`CREATE TABLE ${table} (${columns.map((c) => `${c} text`).join(', ')})`);
  }
  const started = performance.now();
  const cpuStarted = cpuMs();
  for (const [i, { bytes }] of tables.entries()) {
    const { table, columns } = prepared[i];
    const { text } = decodeText(bytes);
    const lines = text.split(/\r?\n/);
    const separator = detectSeparator(lines[0]);
    let csv = '';
    for (let n = 1; n < lines.length; n++) {
      if (lines[n] === '') continue;
      const fields = splitLine(lines[n], separator);
      fields.length = columns.length; // a short line gets nulls, a long one is cut: nothing is checked
      csv += csvLine(fields);
    }
    await database.copyCsv(table, columns, csv);
  }
  return { ms: performance.now() - started, cpu: cpuMs() - cpuStarted };
}

function importInput(files: Files, marks?: Map<string, number>): ImportDuoInput {
  return {
    locations: { name: 'alle-schoolvestigingen-basisonderwijs.csv', bytes: files.locations },
    boards: { name: 'besturen-po.csv', bytes: files.boards },
    onProgress: marks ? (message) => marks.set(message, performance.now()) : undefined,
  };
}

async function timedImport(database: Database, files: Files) {
  const marks = new Map<string, number>();
  const started = performance.now();
  const cpuStarted = cpuMs();
  const result = await importDuo(database, importInput(files, marks));
  const ended = performance.now();
  const cpu = cpuMs() - cpuStarted;
  const at = (prefix: string) => [...marks].find(([m]) => m.startsWith(prefix))?.[1];
  const plan = at('organisatiegids vergelijken') ?? started;
  const write = at('besturen, scholen') ?? ended;
  return { ms: ended - started, cpu, result, phases: { parse: plan - started, plan: write - plan, write: ended - write } };
}

async function measure(target: Target, files: Files, runs: number): Promise<Run[]> {
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const base = await target.open();
    let copy: { ms: number; cpu: number };
    try {
      copy = await bareCopy(base, files);
    } finally {
      await base.close();
    }
    const database = await target.open();
    try {
      const first = await timedImport(database, files);
      const second = await timedImport(database, files);
      const changed = Object.entries(second.result).filter(([k, v]) => typeof v === 'number' && k !== 'rowsRead' && v > 0);
      if (changed.length > 0) console.log(`  let op: de herimport veranderde iets: ${changed.map(([k, v]) => `${k}=${v}`).join(', ')}`);
      results.push({
        copy: copy.ms,
        import: first.ms,
        reimport: second.ms,
        cpu: { copy: copy.cpu, import: first.cpu, reimport: second.cpu },
        phases: first.phases,
        result: first.result,
      });
      console.log(`  run ${i + 1}/${runs}: COPY ${ms(copy.ms)}, import ${ms(first.ms)}, herimport ${ms(second.ms)}`);
    } finally {
      await database.close();
    }
  }
  return results;
}

function report(label: string, inProcess: boolean, runs: Run[]) {
  const copy = median(runs.map((r) => r.copy));
  const imp = median(runs.map((r) => r.import));
  const reimport = median(runs.map((r) => r.reimport));
  const ratio = imp / copy;
  const r = runs[0].result;
  const phase = (p: Phase) => median(runs.map((x) => x.phases[p]));
  console.log(`\n${label}: mediaan van ${runs.length} run(s), elk op een verse database`);
  console.log(
    table([
      ['', 'mediaan', 'alle runs (ms)'],
      ['kale COPY (basislijn)', ms(copy), all(runs.map((x) => x.copy))],
      ['importDuo, lege gids', ms(imp), all(runs.map((x) => x.import))],
      ['  inlezen + controles', ms(phase('parse')), all(runs.map((x) => x.phases.parse))],
      ['  gids lezen en vergelijken', ms(phase('plan')), all(runs.map((x) => x.phases.plan))],
      ['  schrijven (COPY + updates)', ms(phase('write')), all(runs.map((x) => x.phases.write))],
      ['herimport, niets gewijzigd', ms(reimport), all(runs.map((x) => x.reimport))],
    ]),
  );
  console.log(
    `  resultaat: ${r.rowsRead} regels, ${r.rejected.length} afgekeurd; ${r.boardsAdded} besturen, ${r.schoolsAdded} scholen, ${r.locationsAdded} vestigingen`,
  );
  console.log(`  import < ${targets.importMs / 1000} s: ${ms(imp)}  ${verdict(imp < targets.importMs)}`);
  console.log(`  import / COPY ≤ ${targets.ratio}×: ${ratio.toFixed(1)}×  ${verdict(ratio <= targets.ratio)}`);
  if (inProcess) {
    const cpu = (k: keyof Run['cpu']) => median(runs.map((x) => x.cpu[k]));
    console.log(
      `  CPU-tijd (mediaan; de database draait in dit proces, dus ongevoelig voor andere belasting): ` +
        `COPY ${ms(cpu('copy'))}, import ${ms(cpu('import'))} (${(cpu('import') / cpu('copy')).toFixed(1)}×), herimport ${ms(cpu('reimport'))}`,
    );
  }
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { runs: { type: 'string' }, postgres: { type: 'string' } } });
  const runs = readRuns(values.runs);
  const dir = demoDuoDir();
  if (!existsSync(join(dir, 'alle-schoolvestigingen-basisonderwijs.csv')) || !existsSync(join(dir, 'besturen-po.csv'))) {
    throw new UsageError(
      `De DUO-bestanden staan niet in ${dir}; zet DUO_DATA_DIR naar de map met alle-schoolvestigingen-basisonderwijs.csv en besturen-po.csv.`,
    );
  }
  const files: Files = {
    locations: readFileSync(join(dir, 'alle-schoolvestigingen-basisonderwijs.csv')),
    boards: readFileSync(join(dir, 'besturen-po.csv')),
  };
  console.log(`import-duo: ${dir}, ${files.locations.length} + ${files.boards.length} bytes; ${runs} run(s) per database`);
  console.log(machineLoad());
  const postgresUrl = values.postgres ?? process.env.TEST_DATABASE_URL;
  const list = [pgliteTarget(), ...(postgresUrl ? [postgresTarget(postgresUrl)] : [])];
  if (!postgresUrl) console.log('(geen --postgres of TEST_DATABASE_URL: alleen PGlite)');
  const measured: [Target, Run[]][] = [];
  for (const target of list) {
    console.log(`\n${target.label}`);
    measured.push([target, await measure(target, files, runs)]);
  }
  for (const [target, result] of measured) report(target.label, target.inProcess, result);
  console.log(`\n${machineLoad()}`);
}
