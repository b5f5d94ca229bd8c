/**
 * `npm run bench -- public-search [--registrations N] [--postgres URL] [--connections C] [--seconds S]`
 *
 * The public register under load: N enrolled professionals (default 300,000; two thirds registered) with
 * Dutch names over the real DUO schools, loaded into PostgreSQL with COPY. Then the public API
 * (`GET /api/v1/registraties`, the whole app, rate limiter off) and a bare Node HTTP handler that runs the
 * same search function, each under C concurrent clients (default 20) on loopback, with a query mix drawn
 * from the loaded data: surname prefixes of 3 to 5 letters, full names with tussenvoegsel, register numbers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import { firstNames, generator } from '../src/demo/demo-staff.ts';
import { demoDuoDir } from '../src/demo/demo.service.ts';
import { importDuo } from '../src/features/organisations/index.ts';
import { registerNumberFor } from '../src/features/register/index.ts';
import { checkQuery } from '../src/features/register/index.ts';
import { searchRegister } from '../src/features/register/index.ts';
import { csvLine } from '../src/platform/csv/write.ts';
import { uuidV7 } from '../src/lib/uuid-v7.ts';
import { readFileSync } from 'node:fs';
import { machineLoad, ms, table, UsageError, verdict } from './support.ts';
import { postgresTarget } from './targets.ts';

const targets = { p99Ms: 100, share: 0.6 };

const prefixes = ['', '', '', '', 'de', 'van', 'van der', 'van den', 'ter', 'van de'];
const stems = [
  'Jansen',
  'Vries',
  'Berg',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'Boer',
  'Mulder',
  'Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'Leeuwen',
  'Dekker',
  'Brouwer',
  'Wit',
  'Dijkstra',
  'Smits',
  'Graaf',
  'Meer',
  'Linden',
  'Kok',
  'Jacobs',
  'Haan',
  'Vermeulen',
  'Heuvel',
  'Yılmaz',
  'Bouzid',
];
const suffixes = ['', '', 'man', 'ink', 'sma', 'stra', 'ing', 'hof', 'veld', 'kamp', 'huis', 'berg', 'ema', 'ga', 'ens'];

type Person = { initials: string; first: string; prefix: string; surname: string; registerNumber: string };

/** N professionals, enrolled (account, person, employment, enrolment), two thirds registered; COPY per 50,000. */
export async function load(database: Database, total: number): Promise<Person[]> {
  const { pick } = generator(300_000);
  const schools = await database.query<{ id: string; board_id: string }>(`SELECT id, board_id FROM schools WHERE closed_at IS NULL ORDER BY brin`);
  const [teachers] = await database.query<{ register_id: string; version_id: string }>(
    `SELECT r.id AS register_id, v.id AS version_id FROM registers r JOIN register_versions v ON v.register_id = r.id WHERE r.code = 'lerarenregister' AND v.version = 1`,
  );
  const people: Person[] = [];
  for (let start = 0; start < total; start += 50_000) {
    const csv = { accounts: '', persons: '', employments: '', enrolments: '', applications: '' };
    for (let i = start; i < Math.min(total, start + 50_000); i++) {
      const first = pick(firstNames);
      const surname = `${pick(stems)}${pick(suffixes)}`;
      const person: Person = { initials: `${first[0]}.`, first, prefix: pick(prefixes), surname, registerNumber: registerNumberFor(1_000_000 + i) };
      people.push(person);
      const [accountId, personId, enrolmentId] = [uuidV7(), uuidV7(), uuidV7()];
      const school = schools[i % schools.length];
      const email = `p${i}@bench.example`;
      const registered = i % 3 !== 0;
      csv.accounts += csvLine([accountId, email, `${first} ${person.prefix} ${surname}`.replace(/\s+/g, ' ')]);
      csv.persons += csvLine([personId, person.initials, first, person.prefix || null, surname, '1980-01-01', email, accountId]);
      csv.employments += csvLine([uuidV7(), personId, school.board_id, school.id, `S${i}`, `S${i}|x||LERAAR`, 'LERAAR', '2015-08-01']);
      csv.enrolments += csvLine([enrolmentId, personId, accountId, person.registerNumber, registered ? 'geregistreerd' : 'ingeschreven']);
      if (registered) {
        csv.applications += csvLine([
          uuidV7(),
          personId,
          enrolmentId,
          teachers.register_id,
          teachers.version_id,
          'Registerleraar',
          'geregistreerd',
          'bench',
          '[]',
          'geregistreerd',
          '2025-09-01',
          '2029-08-31',
        ]);
      }
    }
    await database.copyCsv('accounts', ['id', 'email', 'display_name'], csv.accounts);
    await database.copyCsv('persons', ['id', 'initials', 'first_names', 'prefix', 'surname', 'birth_date', 'email', 'account_id'], csv.persons);
    await database.copyCsv(
      'employments',
      ['id', 'person_id', 'board_id', 'school_id', 'staff_number', 'employment_key', 'function', 'start_date'],
      csv.employments,
    );
    await database.copyCsv('enrolments', ['id', 'person_id', 'account_id', 'register_number', 'status'], csv.enrolments);
    await database.copyCsv(
      'registration_applications',
      [
        'id',
        'person_id',
        'enrolment_id',
        'register_id',
        'register_version_id',
        'title',
        'level',
        'motivation',
        'evidence_ids',
        'status',
        'decided_on',
        'valid_until',
      ],
      csv.applications,
    );
    console.log(`  … ${Math.min(total, start + 50_000)} geladen`);
  }
  // a steady-state register is vacuumed by autovacuum: the visibility map lets the search read its indexes alone
  await database.exec('VACUUM ANALYZE');
  return people;
}

/** The query mix, from the loaded people: surname prefixes of 3 to 5 letters, full names with tussenvoegsel, register numbers. */
export function queryMix(people: Person[], count: number): string[] {
  const { next } = generator(42);
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const p = people[Math.floor(next() * people.length)];
    const kind = i % 3;
    const params = new URLSearchParams({ pageSize: '20' });
    if (kind === 0) params.set('naam', p.surname.slice(0, 3 + Math.floor(next() * 3)));
    else if (kind === 1) params.set('naam', [next() < 0.5 ? p.first : p.initials, p.prefix, p.surname].filter(Boolean).join(' '));
    else params.set('registernummer', p.registerNumber);
    paths.push(`/api/v1/registraties?${params}`);
  }
  return paths;
}

/** The least a server can do for the same answer: parse, run the same search function, write JSON. */
function bareServer(database: Database): Server {
  return createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const checked = checkQuery({ naam: url.searchParams.get('naam') ?? undefined, registernummer: url.searchParams.get('registernummer') ?? undefined });
    if (!checked.ok) {
      res.writeHead(400).end();
      return;
    }
    try {
      const { rows, total } = await searchRegister(database.db, checked.query, { offset: 0, limit: Number(url.searchParams.get('pageSize') ?? 20) });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ resultaten: rows, totaal: total, page: 1, pageSize: 20 }));
    } catch {
      // a query still running when the benchmark closes the database
      if (!res.headersSent) res.writeHead(500).end();
    }
  });
}

type Load = { rps: number; p50: number; p99: number; errors: number; non2xx: number };

async function hammer(url: string, paths: string[], connections: number, seconds: number): Promise<Load> {
  let i = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [{ method: 'GET', setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths[i++ % paths.length] }) }],
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx };
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { registrations: { type: 'string' }, postgres: { type: 'string' }, connections: { type: 'string' }, seconds: { type: 'string' } },
  });
  const total = values.registrations ? Number(values.registrations) : 300_000;
  const connections = values.connections ? Number(values.connections) : 20;
  const seconds = values.seconds ? Number(values.seconds) : 10;
  if (!Number.isInteger(total) || total < 1000 || total > 2_000_000) throw new UsageError('--registrations: een aantal tussen 1.000 en 2.000.000');
  const postgresUrl = values.postgres ?? process.env.TEST_DATABASE_URL;
  if (!postgresUrl) throw new UsageError('Geef --postgres (of TEST_DATABASE_URL): deze benchmark meet op PostgreSQL.');
  console.log(`public-search: ${total} registraties, ${connections} gelijktijdige clients, ${seconds} s per meting; ${machineLoad()}`);
  const target = postgresTarget(postgresUrl);
  const database = await target.open();
  // the app closes the database when it closes; the benchmark closes it too, when the app never started
  const closeOnce = database.close;
  let closed = false;
  database.close = async () => {
    if (closed) return;
    closed = true;
    await closeOnce();
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'br-bench-search-'));
  try {
    const duo = demoDuoDir();
    await importDuo(database, {
      locations: { name: 'vestigingen.csv', bytes: readFileSync(join(duo, 'alle-schoolvestigingen-basisonderwijs.csv')) },
      boards: { name: 'besturen.csv', bytes: readFileSync(join(duo, 'besturen-po.csv')) },
    });
    const started = performance.now();
    const people = await load(database, total);
    console.log(`  geladen in ${ms(performance.now() - started)}`);
    const paths = queryMix(people, 5000);
    const config = loadConfig(
      {
        NODE_ENV: 'production',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        API_RATE_LIMIT: '1000000000',
        PUBLIC_SEARCH_RATE_LIMIT: '1000000000',
        BASE_URL: 'http://127.0.0.1',
      },
      {},
    );
    const app = await buildApp({ config, database, logger: false });
    const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const bare = bareServer(database);
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const bareUrl = `http://127.0.0.1:${(bare.address() as { port: number }).port}`;
    try {
      await hammer(appUrl, paths, connections, 2); // warm-up: caches, JIT, connections
      await hammer(bareUrl, paths, connections, 2);
      const product = await hammer(appUrl, paths, connections, seconds);
      const baseline = await hammer(bareUrl, paths, connections, seconds);
      console.log(`\n${target.label}: ${total} registraties`);
      console.log(
        table([
          ['', 'verzoeken/s', 'p50', 'p99', 'fouten', 'niet-2xx'],
          [
            'kale handler (zelfde zoekfunctie)',
            baseline.rps.toFixed(0),
            `${baseline.p50} ms`,
            `${baseline.p99} ms`,
            String(baseline.errors),
            String(baseline.non2xx),
          ],
          ['openbare API (hele app)', product.rps.toFixed(0), `${product.p50} ms`, `${product.p99} ms`, String(product.errors), String(product.non2xx)],
        ]),
      );
      // a run where requests failed or none completed measured nothing: it cannot pass
      const sound = (l: Load) => l.rps > 0 && l.errors === 0 && l.non2xx === 0;
      console.log(`  p99 < ${targets.p99Ms} ms bij ${connections} clients: ${product.p99} ms  ${verdict(sound(product) && product.p99 < targets.p99Ms)}`);
      const share = baseline.rps > 0 ? `${((product.rps / baseline.rps) * 100).toFixed(0)}%` : 'niet te meten';
      console.log(
        `  doorvoer ≥ ${targets.share * 100}% van de kale handler: ${share}  ${verdict(sound(product) && sound(baseline) && product.rps >= targets.share * baseline.rps)}`,
      );
    } finally {
      await app.close();
      await new Promise((resolve) => bare.close(resolve));
    }
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`\n${machineLoad()}`);
}
