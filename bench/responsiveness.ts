/**
 * `npm run bench -- responsiveness [--rows N] [--postgres URL] [--zonder-pglite]`
 *
 * Is the web process still there for everyone else while it works through a national delivery? The real
 * server (`serve`, with its job queue) in a process of its own, on an embedded database in a data
 * directory as the product runs it (and on PostgreSQL with `--postgres`). This process asks `/health`
 * 20 times a second, whether or not the last answer came, while a board's software sends a full
 * delivery of N employments (default 250,000) through the API with `verwerken=true`: received, checked,
 * applied, and the invitations sent. Prints the answer times per phase against the same server at rest
 * (the baseline); the goal is a p99 under 200 ms while the delivery is checked and applied (issue 17).
 */
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { probeHealth, percentile, type HealthSample } from '../tests/support/health-probe.ts';
import { writeLargeDelivery } from '../tests/support/large-delivery.ts';
import { readRealLocations } from '../tests/support/duo-csv.ts';
import { serverProcesses, until } from '../tests/support/server-process.ts';
import { machineLoad, ms, table, UsageError, verdict } from './support.ts';

const goalP99Ms = 200;
const restSeconds = 5;

/** The board with the most locations in DUO's file: its delivery spreads over the most schools. */
function largestBoard(): string {
  const duo = readRealLocations();
  const counts = new Map<string, number>();
  for (const line of duo.lines) {
    const board = line.fields[duo.col.board].trim();
    counts.set(board, (counts.get(board) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
}

type Delivery = {
  id: string;
  status: string;
  aangeleverdOp: string;
  gecontroleerdOp: string | null;
  afgerondOp: string | null;
  samenvatting?: Record<string, number> | null;
};
/** a phase of the work from its first to its last moment (epoch ms), as the server recorded them */
type Phase = { name: string; from: number; to: number };
type Result = {
  label: string;
  samples: HealthSample[];
  phases: Phase[];
  delivery: Delivery;
  csv: { madeMs: number; downloadMs: number; mb: number; lines: number } | null;
};

async function measure(label: string, rows: number, postgresUrl?: string): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'br-bench-responsive-'));
  const processes = await serverProcesses({ NODE_ENV: 'test', LOG_LEVEL: 'warn', DATA_DIR: join(dir, 'data') }, postgresUrl);
  try {
    const board = largestBoard();
    const token = await processes.boardWithToken(board);
    const file = join(dir, 'aanlevering.csv');
    const persons = writeLargeDelivery(file, board, rows);
    console.log(`  bestuur ${board}: ${rows} dienstverbanden van ${persons} personen, ${(statSync(file).size / 1024 / 1024).toFixed(0)} MB`);

    const server = await processes.startServer();
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${server.base}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });
    const probe = probeHealth(server.base);
    const restFrom = Date.now();
    await new Promise((r) => setTimeout(r, restSeconds * 1000));
    const sendFrom = Date.now();
    const body = Readable.toWeb(createReadStream(file)) as ReadableStream;
    const submitted = await api('/aanleveringen?modus=volledig&verwerken=true', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body,
      duplex: 'half',
    } as RequestInit);
    if (submitted.status !== 201 && submitted.status !== 202) throw new Error(`aanleveren: ${submitted.status} ${await submitted.text()}`);
    const sendTo = Date.now();
    const { id } = (await submitted.json()) as { id: string };
    const delivery = await until(
      'de aanlevering verwerkt',
      async () => {
        if (server.exited()) throw new Error(`de server is gestopt:\n${server.output().slice(-4000)}`);
        const answer = await api(`/aanleveringen/${id}`).catch(() => null);
        if (!answer?.ok) return undefined;
        const d = (await answer.json()) as Delivery;
        if (d.status === 'afgewezen' || d.status === 'geannuleerd') throw new Error(`de aanlevering is ${d.status}`);
        await new Promise((r) => setTimeout(r, 200));
        return d.status === 'verwerkt' ? d : undefined;
      },
      3600,
    );
    const invitations = delivery.samenvatting?.uitnodigingen ?? 0;
    await until(
      'de uitnodigingen verstuurd',
      async () => (new RegExp(`klaar: ${invitations} uitnodigingen verstuurd`).test(server.output()) ? true : undefined),
      3600,
    );
    const invitedTo = Date.now();
    // the terugmelding as CSV: made once by a job after the check, then downloaded as a file
    const csvFile = join(dir, 'data', 'terugmeldingen', `${id}.csv`);
    let csv: Result['csv'] = null;
    if (existsSync(csvFile)) {
      const started = performance.now();
      const body = await (await api(`/aanleveringen/${id}/terugmelding`, { headers: { accept: 'text/csv' } })).text();
      csv = {
        madeMs: statSync(csvFile).mtimeMs - Date.parse(delivery.gecontroleerdOp!),
        downloadMs: performance.now() - started,
        mb: Buffer.byteLength(body) / 1024 / 1024,
        lines: body.split('\n').length - 2,
      };
    }
    const samples = await probe.stop();
    await server.stop('SIGTERM');
    const checkedAt = Date.parse(delivery.gecontroleerdOp!);
    const appliedAt = Date.parse(delivery.afgerondOp!);
    const phases: Phase[] = [
      { name: 'in rust', from: restFrom, to: sendFrom },
      { name: 'versturen', from: sendFrom, to: sendTo },
      { name: 'controleren', from: sendTo, to: checkedAt },
      { name: 'verwerken', from: checkedAt, to: appliedAt },
      { name: 'uitnodigen', from: appliedAt, to: invitedTo },
    ];
    return { label, samples, phases, delivery, csv };
  } finally {
    await processes.cleanUp();
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(r: Result) {
  const during = (names: string[]) => r.samples.filter((s) => r.phases.some((p) => names.includes(p.name) && s.at >= p.from && s.at < p.to));
  const restP99 = percentile(
    during(['in rust']).map((s) => s.ms),
    99,
  );
  const line = (phase: Phase) => {
    const samples = during([phase.name]);
    const times = samples.map((s) => s.ms);
    const p99 = percentile(times, 99);
    const failed = samples.filter((s) => s.status !== 200).length;
    return [
      phase.name,
      ms(phase.to - phase.from),
      String(samples.length),
      ms(percentile(times, 50)),
      ms(p99),
      ms(Math.max(0, ...times)),
      String(failed),
      `${(p99 / restP99).toFixed(1)}×`,
    ];
  };
  console.log(
    `\n${r.label}: aanlevering ${r.delivery.status}; ${Object.entries(r.delivery.samenvatting ?? {})
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(table([['/health tijdens', 'duur', 'vragen', 'p50', 'p99', 'max', 'mislukt', 'p99 / rust'], ...r.phases.map(line)]));
  if (r.csv) {
    console.log(
      `  terugmelding als CSV (${r.csv.lines} regels, ${r.csv.mb.toFixed(1)} MB): klaar ${ms(r.csv.madeMs)} na de controle, gedownload in ${ms(r.csv.downloadMs)}`,
    );
  }
  const slowest = [...r.samples]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3)
    .map((s) => {
      const phase = r.phases.find((p) => s.at >= p.from && s.at < p.to);
      return `${ms(s.ms)} (${phase ? `${phase.name}, na ${ms(s.at - phase.from)}` : 'na afloop'})`;
    });
  console.log(`  traagste antwoorden: ${slowest.join('; ')}`);
  const work = during(['controleren', 'verwerken']);
  const p99 = percentile(
    work.map((s) => s.ms),
    99,
  );
  console.log(
    `  /health p99 tijdens controleren en verwerken < ${goalP99Ms} ms: ${ms(p99)}  ${verdict(p99 < goalP99Ms && work.every((s) => s.status === 200))}`,
  );
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { rows: { type: 'string' }, postgres: { type: 'string' }, 'zonder-pglite': { type: 'boolean', default: false } },
  });
  const rows = values.rows ? Number(values.rows) : 250_000;
  if (!Number.isInteger(rows) || rows < 1000 || rows > 2_000_000) throw new UsageError('--rows: een aantal tussen 1.000 en 2.000.000');
  const targets: [string, string | undefined][] = [
    ...(values['zonder-pglite'] ? [] : [['PGlite (datamap op schijf)', undefined] as [string, undefined]]),
    ...(values.postgres ? [[`PostgreSQL`, values.postgres] as [string, string]] : []),
  ];
  if (targets.length === 0) throw new UsageError('Niets te meten: laat --zonder-pglite weg of geef --postgres.');
  console.log(`responsiveness: ${rows} dienstverbanden; ${machineLoad()}`);
  const results: Result[] = [];
  for (const [label, url] of targets) {
    console.log(`\n${label}`);
    results.push(await measure(label, rows, url));
  }
  for (const result of results) report(result);
  console.log(`\n${machineLoad()}`);
}
