/**
 * `npm run bench -- delivery [--rows N] [--postgres URL] [--zonder-pglite] [--alle-besturen]`
 *
 * A national-scale delivery: N employments (default 250,000) in one valid file, received, checked and
 * applied through the real use cases (persons, employments, history, invitations written). A delivery
 * belongs to one board, so the one file is the real DUO board with the most open schools, its N
 * employments spread over those schools. `--alle-besturen` instead spreads N over all real boards, one
 * file each (the first load of the whole country, where each delivery's fixed cost counts). Against the
 * least work that gets the same rows into the same database in the same run: one COPY of all of them
 * into a plain table of text columns. The files are generated to disk first and streamed in, as an
 * upload is. Prints rows/s, the ratio and the peak RSS of this process (which on PGlite includes the
 * database). For one file it also prints a floor: the time to write only the register rows the apply must
 * make, unchecked, which no apply can beat (decision 014).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, createReadStream, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { Database } from '../src/db/database.ts';
import { demoDuoDir } from '../src/demo/demo.service.ts';
import { applyDelivery, submitDelivery, type DeliveryDeps } from '../src/features/deliveries/index.ts';
import { columns } from '../src/features/deliveries/index.ts';
import { importDuo } from '../src/features/organisations/index.ts';
import { createApiToken } from '../src/platform/auth/api-tokens.ts';
import { createCrypto } from '../src/platform/crypto.ts';
import { csvLine } from '../src/platform/csv/write.ts';
import { createMailer } from '../src/platform/mail/mailer.ts';
import { randomBsn } from '../tests/support/large-delivery.ts';
import { machineLoad, ms, table, UsageError, verdict } from './support.ts';
import { pgliteTarget, postgresTarget, type Target } from './targets.ts';

const targets = { totalMs: 20_000, ratio: 5, rssMb: 400 };

/** One board's delivery file, written to disk as generated: the benchmark holds no rows in memory, like the product. */
type BoardFile = { boardId: string; path: string; rows: number };

const surnames = [
  'Jansen',
  'de Vries',
  'van den Berg',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
];

/** N employments spread over the open schools (of every board, or of the largest); one in eight persons has a second function. */
async function generate(database: Database, total: number, allBoards: boolean, dir: string): Promise<BoardFile[]> {
  const schools = await database.query<{ board_id: string; number: string; brin: string; location: string }>(
    `WITH open_schools AS (
       SELECT b.id AS board_id, b.number, s.brin, min(l.code) AS location, count(*) OVER (PARTITION BY b.id) AS schools_of_board
       FROM schools s JOIN boards b ON b.id = s.board_id JOIN locations l ON l.school_id = s.id AND l.closed_at IS NULL
       WHERE s.closed_at IS NULL GROUP BY b.id, b.number, s.brin)
     SELECT board_id, number, brin, location FROM open_schools
     WHERE ${allBoards ? 'true' : 'board_id = (SELECT board_id FROM open_schools ORDER BY schools_of_board DESC, number LIMIT 1)'}
     ORDER BY number, brin`,
  );
  const bsns = new Set<string>();
  const uniqueBsn = () => {
    for (;;) {
      const bsn = randomBsn();
      if (!bsns.has(bsn)) {
        bsns.add(bsn);
        return bsn;
      }
    }
  };
  const perSchool = total / schools.length;
  const files: BoardFile[] = [];
  let current: { file: BoardFile; fd: number } | undefined;
  const close = () => {
    if (!current) return;
    closeSync(current.fd);
    files.push(current.file);
  };
  let made = 0;
  let person = 0;
  schools.forEach((school, i) => {
    if (current?.file.boardId !== school.board_id) {
      close();
      const path = join(dir, `${school.number}.csv`);
      current = { file: { boardId: school.board_id, path, rows: 0 }, fd: openSync(path, 'w') };
      writeSync(current.fd, `${columns.join(';')}\r\n`);
    }
    const quota = Math.round(perSchool * (i + 1)) - Math.round(perSchool * i);
    let lines = '';
    for (let k = 0; k < quota && made < total; ) {
      person++;
      const base = {
        bevoegd_gezag_nummer: school.number,
        personeelsnummer: `B${person}`,
        bsn: person % 5 === 0 ? '' : uniqueBsn(),
        voorletters: 'A.B.',
        voornamen: 'Anna Bea',
        tussenvoegsel: '',
        achternaam: `${surnames[person % surnames.length]}-${person}`,
        geboortedatum: `${1960 + (person % 40)}-${String(1 + (person % 12)).padStart(2, '0')}-${String(1 + (person % 28)).padStart(2, '0')}`,
        email: `medewerker${person}@school.example`,
        instellingscode: school.brin,
        vestigingscode: school.location,
        functie: 'LERAAR',
        benoemingsgrondslag: 'BEVOEGD',
        begindatum: '2018-08-01',
        einddatum: '',
        werktijdfactor: '0,8',
        mutatie: '',
      };
      const functions = person % 8 === 0 ? ['LERAAR', 'INTERN_BEGELEIDER'] : ['LERAAR'];
      for (const functie of functions) {
        if (k >= quota || made >= total) break;
        const row = { ...base, functie, benoemingsgrondslag: functie === 'LERAAR' ? 'BEVOEGD' : '' };
        lines += `${columns.map((c) => row[c]).join(';')}\r\n`;
        current!.file.rows++;
        k++;
        made++;
      }
    }
    writeSync(current!.fd, lines);
  });
  close();
  return files.filter((f) => f.rows > 0);
}

/** The lines of a delivery file after its header, in chunks of up to `size`. */
async function* lineChunks(path: string, size: number): AsyncGenerator<string[]> {
  let chunk: string[] = [];
  let header = true;
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    if (header) {
      header = false;
      continue;
    }
    chunk.push(line);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** The baseline: every row, as text, into a plain table with the format's columns, by COPY (50,000 rows a statement). */
async function bareCopy(database: Database, files: BoardFile[]): Promise<number> {
  await database.exec(`CREATE TABLE bench_raw_delivery (${columns.map((c) => `${c} text`).join(', ')})`);
  const started = performance.now();
  for (const file of files) {
    for await (const lines of lineChunks(file.path, 50_000)) {
      let csv = '';
      for (const line of lines) csv += csvLine(line.split(';'));
      await database.copyCsv('bench_raw_delivery', [...columns], csv);
    }
  }
  return performance.now() - started;
}

/**
 * The floor under any apply: only the register rows the issue asks for (persons, their personeelsnummers,
 * employments, invitations), written straight from the bare rows into empty tables with the register's
 * columns and indexes, in one transaction, with no check, matching, history or temporary table. Each
 * person has one LERAAR row in the generated file, so those rows are the persons. Runs after the
 * delivery, into copies (LIKE … INCLUDING ALL), so the delivery meets an untouched register.
 */
async function registerWritesFloor(database: Database, boardId: string): Promise<number> {
  const tables = ['persons', 'staff_numbers', 'employments', 'person_invitations'];
  for (const table of tables) await database.exec(`CREATE TABLE floor_${table} (LIKE ${table} INCLUDING ALL)`);
  // the delivery just wrote a gigabyte of WAL: start from a checkpoint, as the delivery nearly did (needs superuser)
  if (database.kind === 'postgres') await database.exec('CHECKPOINT').catch(() => {});
  // the generator numbers persons B1, B2, …: ids in that order, as the apply's own ids are (row-ids.ts)
  const person = `('00000000-0000-7000-a000-' || lpad(to_hex(substr(r.personeelsnummer, 2)::bigint), 12, '0'))::uuid`;
  const id = (prefix: string) => `('${prefix}' || lpad(to_hex(row_number() OVER ()), 12, '0'))::uuid`;
  const started = performance.now();
  await database.exec(`BEGIN;
    INSERT INTO floor_persons (id, bsn_sealed, bsn_hash, initials, first_names, prefix, surname, birth_date, email, created_at, updated_at)
      SELECT ${person}, 'v1.' || nullif(r.bsn, '') || repeat('x', 52), nullif(r.bsn, '') || repeat('h', 34), r.voorletters, r.voornamen,
        nullif(r.tussenvoegsel, ''), r.achternaam, r.geboortedatum::date, r.email, now(), now()
      FROM bench_raw_delivery r WHERE r.functie = 'LERAAR';
    INSERT INTO floor_staff_numbers (board_id, staff_number, person_id)
      SELECT '${boardId}', r.personeelsnummer, ${person} FROM bench_raw_delivery r WHERE r.functie = 'LERAAR';
    INSERT INTO floor_employments (id, person_id, board_id, school_id, staff_number, employment_key, function, appointment_basis,
        start_date, fte, approval_status, created_at, updated_at)
      SELECT ${id('00000000-0000-7000-8000-')}, ${person}, '${boardId}', '${boardId}', r.personeelsnummer,
        concat_ws('|', r.personeelsnummer, r.instellingscode, r.vestigingscode, r.functie), r.functie, nullif(r.benoemingsgrondslag, ''),
        r.begindatum::date, replace(r.werktijdfactor, ',', '.')::numeric, 'te-controleren', now(), now()
      FROM bench_raw_delivery r;
    INSERT INTO floor_person_invitations (id, person_id, delivery_id, email, created_at)
      SELECT ${id('00000000-0000-7000-9000-')}, ${person}, '${boardId}', r.email, now() FROM bench_raw_delivery r WHERE r.functie = 'LERAAR';
    COMMIT`);
  return performance.now() - started;
}

/** The floor must have written as many persons, invitations and employments as the delivery did, or it measures something else. */
async function checkFloorMatches(database: Database, summary: Record<string, number>): Promise<void> {
  const [counts] = await database.query<{ persons: number; invitations: number; employments: number }>(`SELECT
    (SELECT count(*)::int FROM floor_persons) AS persons, (SELECT count(*)::int FROM floor_person_invitations) AS invitations,
    (SELECT count(*)::int FROM floor_employments) AS employments`);
  const expected = { persons: summary.personenNieuw, invitations: summary.uitnodigingen, employments: summary.dienstverbandenNieuw };
  if (JSON.stringify(counts) !== JSON.stringify(expected)) {
    throw new Error(`ondergrens schreef ${JSON.stringify(counts)}, de aanlevering ${JSON.stringify(expected)}`);
  }
}

type Result = {
  copyMs: number;
  floorMs: number;
  totalMs: number;
  checkMs: number;
  applyMs: number;
  stepMs: Record<string, number>;
  rows: number;
  deliveries: number;
  peakRssMb: number;
  errors: number;
  summary: Record<string, number>;
};

async function measure(target: Target, total: number, allBoards: boolean): Promise<Result> {
  const database = await target.open();
  const dataDir = mkdtempSync(join(tmpdir(), 'br-bench-delivery-'));
  try {
    const duo = demoDuoDir();
    await importDuo(database, {
      locations: { name: 'vestigingen.csv', bytes: readFileSync(join(duo, 'alle-schoolvestigingen-basisonderwijs.csv')) },
      boards: { name: 'besturen.csv', bytes: readFileSync(join(duo, 'besturen-po.csv')) },
    });
    const files = await generate(database, total, allBoards, dataDir);
    const rows = files.reduce((n, f) => n + f.rows, 0);
    console.log(`  ${rows} dienstverbanden in ${files.length} bestand(en), één per bestuur; basislijn meten`);
    const copyMs = await bareCopy(database, files);
    const deps: DeliveryDeps = {
      db: database.db,
      database,
      mailer: createMailer({ from: 'bench@beroepsregister.nl' }),
      dataDir,
      baseUrl: 'http://localhost:3000',
      crypto: createCrypto({
        sessionSecret: randomBytes(32).toString('hex'),
        encryptionKey: randomBytes(32).toString('hex'),
        hashKey: randomBytes(32).toString('hex'),
      }),
      maxBytes: 1024 * 1024 * 1024,
      inlineBytes: Number.MAX_SAFE_INTEGER,
      schedule: async () => {},
      afterApplyStep: (step) => {
        const now = performance.now();
        stepMs[step] = (stepMs[step] ?? 0) + now - stepStarted;
        stepStarted = now;
      },
    };
    const stepMs: Record<string, number> = {};
    let stepStarted = 0;
    const tokens = new Map<string, string>();
    for (const file of files) {
      const { row } = await createApiToken(database.db, {
        organisation: { kind: 'bestuur', id: file.boardId },
        name: 'bench',
        scopes: ['aanleveren'],
        expiresAt: new Date(Date.now() + 86_400_000),
        createdBy: null,
      });
      tokens.set(file.boardId, row.id);
    }
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);
    let checkMs = 0;
    let applyMs = 0;
    let errors = 0;
    const summary: Record<string, number> = {};
    const started = performance.now();
    for (const [i, file] of files.entries()) {
      const ctx = {
        actor: {
          type: 'token' as const,
          tokenId: tokens.get(file.boardId)!,
          organisation: { kind: 'bestuur' as const, id: file.boardId },
          scopes: ['aanleveren' as const],
        },
      };
      const t0 = performance.now();
      const delivery = await submitDelivery(deps, ctx, {
        boardId: file.boardId,
        mode: 'volledig',
        fileName: null,
        body: createReadStream(file.path),
        applyWhenValid: false,
        channel: 'api',
      });
      const t1 = performance.now();
      stepStarted = t1;
      errors += delivery.errorRows;
      if (delivery.errorRows === 0) {
        const applied = await applyDelivery(deps, ctx, delivery.id, { confirmed: true });
        for (const [k, v] of Object.entries(applied.summary ?? {})) summary[k] = (summary[k] ?? 0) + v;
      }
      checkMs += t1 - t0;
      applyMs += performance.now() - t1;
      if ((i + 1) % 100 === 0 && files.length > 1) console.log(`  … ${i + 1}/${files.length} besturen, ${ms(performance.now() - started)}`);
    }
    const totalMs = performance.now() - started;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const floorMs = files.length === 1 ? await registerWritesFloor(database, files[0].boardId) : Number.NaN;
    if (files.length === 1) await checkFloorMatches(database, summary);
    return { copyMs, floorMs, totalMs, checkMs, applyMs, stepMs, rows, deliveries: files.length, peakRssMb: peakRss / 1024 / 1024, errors, summary };
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function report(label: string, r: Result) {
  console.log(`\n${label}: ${r.rows} dienstverbanden, ${r.deliveries} aanleveringen`);
  console.log(
    table([
      ['', 'tijd', 'rijen/s'],
      ['kale COPY (basislijn)', ms(r.copyMs), String(Math.round(r.rows / (r.copyMs / 1000)))],
      ['aanleveren: ontvangen, controleren, verwerken', ms(r.totalMs), String(Math.round(r.rows / (r.totalMs / 1000)))],
      ['  ontvangen + controleren', ms(r.checkMs), ''],
      ['  verwerken', ms(r.applyMs), ''],
      ...Object.entries(r.stepMs).map(([step, t]) => [`    tot ${step}`, ms(t), '']),
      ...(Number.isNaN(r.floorMs) ? [] : [['ondergrens: alleen de registerrijen schrijven', ms(r.floorMs), String(Math.round(r.rows / (r.floorMs / 1000)))]]),
    ]),
  );
  console.log(
    `  resultaat: ${Object.entries(r.summary)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}; rijen met fouten: ${r.errors}`,
  );
  console.log(`  totaal < ${targets.totalMs / 1000} s: ${ms(r.totalMs)}  ${verdict(r.totalMs < targets.totalMs)}`);
  console.log(`  totaal / COPY ≤ ${targets.ratio}×: ${(r.totalMs / r.copyMs).toFixed(1)}×  ${verdict(r.totalMs / r.copyMs <= targets.ratio)}`);
  if (!Number.isNaN(r.floorMs)) {
    console.log(
      `  ondergrens / COPY: ${(r.floorMs / r.copyMs).toFixed(1)}× (met de COPY van het bestand zelf erbij: ${((r.floorMs + r.copyMs) / r.copyMs).toFixed(1)}×)`,
    );
  }
  console.log(`  piek-RSS < ${targets.rssMb} MB: ${Math.round(r.peakRssMb)} MB  ${verdict(r.peakRssMb < targets.rssMb)}`);
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      rows: { type: 'string' },
      postgres: { type: 'string' },
      'zonder-pglite': { type: 'boolean', default: false },
      'alle-besturen': { type: 'boolean', default: false },
    },
  });
  const rows = values.rows ? Number(values.rows) : 250_000;
  if (!Number.isInteger(rows) || rows < 100 || rows > 5_000_000) throw new UsageError('--rows: een aantal tussen 100 en 5.000.000');
  const postgresUrl = values.postgres ?? process.env.TEST_DATABASE_URL;
  const list = [...(postgresUrl ? [postgresTarget(postgresUrl)] : []), ...(values['zonder-pglite'] ? [] : [pgliteTarget({ onDisk: true })])];
  if (list.length === 0) throw new UsageError('Niets te meten: geef --postgres (of TEST_DATABASE_URL) of laat --zonder-pglite weg.');
  console.log(`delivery: ${rows} dienstverbanden; ${machineLoad()}`);
  const results: [string, Result][] = [];
  for (const target of list) {
    console.log(`\n${target.label}`);
    results.push([target.label, await measure(target, rows, values['alle-besturen'])]);
  }
  for (const [label, result] of results) report(label, result);
  console.log(`\n${machineLoad()}`);
}
