/**
 * `npm run bench -- fuzz [--cases N] [--seed S]`
 *
 * The fuzz suite of tests/fuzz by the thousand (default 10,000 cases): fuzzed delivery files through the
 * API, fuzzed query strings on every public GET route, fuzzed public forms, in turn, against one app on
 * PGlite. Prints the cases run, the responses 5xx (with the first few requests), other broken promises
 * (a delivery not in a final state, the register or accounts changed by a refusal), and the RSS of this
 * process (app and database) after the first and the last 1,000 cases and at its peak: a leak shows as growth.
 */
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { runDeliveryCase } from '../tests/fuzz/delivery-case.ts';
import { deliveryFileCase } from '../tests/fuzz/delivery-files.arb.ts';
import { formCase, runFormCase } from '../tests/fuzz/form-case.ts';
import { createFuzzApp } from '../tests/fuzz/fuzz-app.ts';
import type { FuzzOutcome } from '../tests/fuzz/outcome.ts';
import { queryCase, runQueryCase } from '../tests/fuzz/query-case.ts';
import { knownIds, publicQueryTargets } from '../tests/fuzz/query-targets.ts';
import { machineLoad, UsageError, verdict } from './support.ts';

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const window = 1_000;

function rss(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss;
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { cases: { type: 'string' }, seed: { type: 'string' } } });
  const cases = Number(values.cases ?? 10_000);
  const seed = Number(values.seed ?? 17);
  if (!Number.isInteger(cases) || cases < 3) throw new UsageError(`--cases verwacht een geheel getal van ten minste 3, niet "${values.cases}"`);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed verwacht een geheel getal, niet "${values.seed}"`);

  console.log(`fuzz: ${cases} gevallen, seed ${seed}; ${machineLoad()}`);
  const fz = await createFuzzApp();
  const targets = await publicQueryTargets(fz.app);
  const ids = await knownIds(fz.app);
  const forms = fz.app.registeredRoutes.filter((r) => r.method === 'POST' && r.access === 'public').map((r) => r.url);
  const kinds = [
    { name: 'aanleveringen', arbitrary: deliveryFileCase, run: (c: never) => runDeliveryCase(fz, c) },
    { name: 'queryparameters', arbitrary: queryCase(targets, ids), run: (c: never) => runQueryCase(fz.app, c) },
    { name: 'formulieren', arbitrary: formCase(forms), run: (c: never) => runFormCase(fz.app, fz.database, c) },
  ] as const;

  const tally = new Map<string, { cases: number; fiveXx: number; statuses: Map<number, number> }>(
    kinds.map((k) => [k.name, { cases: 0, fiveXx: 0, statuses: new Map() }]),
  );
  const failures: (FuzzOutcome & { kind: string })[] = [];
  const started = performance.now();
  let afterFirst = 0;
  let peak = rss();
  const batch = 100;
  for (let done = 0; done < cases; ) {
    const kind = kinds[Math.floor(done / batch) % kinds.length];
    const size = Math.min(batch, cases - done);
    for (const c of fc.sample(kind.arbitrary as fc.Arbitrary<unknown>, { seed: seed + done, numRuns: size })) {
      const outcome = await kind.run(c as never);
      const t = tally.get(kind.name)!;
      t.cases++;
      t.statuses.set(outcome.status, (t.statuses.get(outcome.status) ?? 0) + 1);
      if (outcome.status >= 500) t.fiveXx++;
      if (outcome.problems.length) failures.push({ ...outcome, kind: kind.name });
      done++;
      peak = Math.max(peak, process.memoryUsage().rss);
      if (done === Math.min(window, cases)) afterFirst = rss();
      if (done % 1000 === 0) console.log(`  ${done} gevallen, ${Math.round((performance.now() - started) / 1000)} s, RSS ${mb(process.memoryUsage().rss)}`);
    }
  }
  const afterLast = rss();
  peak = Math.max(peak, afterLast);
  await fz.close();

  const fiveXx = [...tally.values()].reduce((n, t) => n + t.fiveXx, 0);
  console.log(`\ngevallen: ${cases} in ${Math.round((performance.now() - started) / 1000)} s`);
  for (const [name, t] of tally) {
    const statuses = [...t.statuses]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}×${n}`)
      .join(' ');
    console.log(`  ${name.padEnd(16)} ${String(t.cases).padStart(6)} gevallen, ${t.fiveXx} × 5xx   (${statuses})`);
  }
  console.log(`antwoorden 5xx: ${fiveXx}   ${verdict(fiveXx === 0)} (doel 0)`);
  console.log(`andere bevindingen (geen eindstatus, register of accounts veranderd, geen problem+json): ${failures.filter((f) => f.status < 500).length}`);
  for (const f of failures.slice(0, 5)) console.log(`  [${f.kind}] ${f.request}\n    ${f.problems.join('\n    ')}`);
  const growth = afterFirst ? afterLast / afterFirst - 1 : 0;
  console.log(
    `RSS na de eerste ${Math.min(window, cases)} gevallen: ${mb(afterFirst)}; na de laatste ${Math.min(window, cases)}: ${mb(afterLast)} (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}%)   ${verdict(growth <= 0.1)} (doel ≤ +10%)`,
  );
  console.log(`piek-RSS: ${mb(peak)}${(globalThis as { gc?: unknown }).gc ? ' (gemeten na gc)' : ' (zonder --expose-gc: gemeten zoals het is)'}`);
}
