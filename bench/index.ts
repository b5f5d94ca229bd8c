/**
 * `npm run bench -- <name> [options]`. Benchmarks are not tests: they print figures, each against a
 * baseline measured in the same run, and the targets with PASS/MISS; they never fail a build.
 */
import { UsageError } from './support.ts';

type Benchmark = { summary: string; usage: string; run: (args: string[]) => Promise<void> };

const benchmarks: Record<string, Benchmark> = {
  'import-duo': {
    summary: 'DUO-import (importDuo) tegen een kale COPY van dezelfde regels; ook de herimport',
    usage: 'import-duo [--runs N] [--postgres URL]   (of TEST_DATABASE_URL voor PostgreSQL)',
    run: async (args) => (await import('./import-duo.ts')).run(args),
  },
  delivery: {
    summary: 'aanleveren (ontvangen, controleren, verwerken) van N dienstverbanden in één bestand, tegen een kale COPY',
    usage: 'delivery [--rows N] [--postgres URL] [--zonder-pglite] [--alle-besturen]   (standaard 250000 rijen)',
    run: async (args) => (await import('./delivery.ts')).run(args),
  },
  'public-search': {
    summary: 'de openbare register-API onder gelijktijdige belasting, tegen een kale handler met dezelfde zoekfunctie',
    usage: 'public-search [--registrations N] [--postgres URL] [--connections C] [--seconds S]   (standaard 300000, 20, 10)',
    run: async (args) => (await import('./public-search.ts')).run(args),
  },
  reregistration: {
    summary: 'de nachtelijke beoordeling van de herregistratieregels over N professionals, tegen een kaal aggregaat over dezelfde activiteiten',
    usage: 'reregistration [--professionals N] [--activities A] [--postgres URL]   (standaard 300000 en 20)',
    run: async (args) => (await import('./reregistration.ts')).run(args),
  },
  fuzz: {
    summary: 'de fuzz-suite (tests/fuzz) met N gevallen: aanleveringen, queryparameters en formulieren; telt 5xx en meet het RSS',
    usage: 'fuzz [--cases N] [--seed S]   (standaard 10000 gevallen)',
    run: async (args) => (await import('./fuzz.ts')).run(args),
  },
  responsiveness: {
    summary:
      'de /health-antwoordtijden van de echte server terwijl hij een landelijke aanlevering controleert, verwerkt en uitnodigt, tegen dezelfde server in rust',
    usage: 'responsiveness [--rows N] [--postgres URL] [--zonder-pglite]   (standaard 250000 rijen, PGlite op schijf)',
    run: async (args) => (await import('./responsiveness.ts')).run(args),
  },
  'page-weight': {
    summary: "wat een eerste bezoek aan vijf pagina's over de lijn kost (html, css, js, iconen; gzip zoals over http), tegen dezelfde bestanden onverpakt",
    usage: 'page-weight [--base-url URL]   (standaard een eigen server met de demodata)',
    run: async (args) => (await import('./page-weight.ts')).run(args),
  },
  groups: {
    summary: 'diverse groepen (proposeGroups) van N aanmelders uit de demogids, tegen een willekeurige verdeling; score naast de bovengrens',
    usage: 'groups [--people N] [--size S] [--runs R]   (standaard 4300 aanmelders in groepen van 10, 3 runs)',
    run: async (args) => (await import('./groups.ts')).run(args),
  },
  panels: {
    summary:
      'panels voor peer reviews zonder belangenconflict (assignPanels): 300 verbanden, 1.500 reviewers, tegen een willekeurige en een gretige toewijzing; klein tegen het exacte optimum',
    usage:
      'panels [--runs R] [--seed S] [--cap C] [--small N] [--reviewers N]   (standaard 1500 reviewers, 3 runs, seed 1, hoogstens 2 panels per reviewer, 200 kleine gevallen)',
    run: async (args) => (await import('./panels.ts')).run(args),
  },
  'cold-start': {
    summary: 'start van `serve` tot /health 200, tegen een kale Node-HTTP-server; ook de eerste start en het stoppen',
    usage: 'cold-start [--runs N]',
    run: async (args) => (await import('./cold-start.ts')).run(args),
  },
};

function printList(): void {
  console.log('Gebruik: npm run bench -- <naam> [opties]\n\nBenchmarks:');
  for (const [name, b] of Object.entries(benchmarks)) {
    console.log(`  ${name.padEnd(12)} ${b.summary}`);
    console.log(`  ${''.padEnd(12)} npm run bench -- ${b.usage}`);
  }
}

const [name, ...args] = process.argv.slice(2);
if (!name || name === '--help' || name === '-h' || name === 'help') {
  printList();
  process.exit(0);
}
const benchmark = benchmarks[name];
if (!benchmark) {
  console.error(`Onbekende benchmark: ${name}\n`);
  printList();
  process.exit(2);
}
if (args.includes('--help') || args.includes('-h')) {
  console.log(`npm run bench -- ${benchmark.usage}\n\n${benchmark.summary}`);
  process.exit(0);
}
try {
  await benchmark.run(args);
  process.exit(0);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (error instanceof UsageError || code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`${(error as Error).message}\n\nnpm run bench -- ${benchmark.usage}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
}
