/**
 * `npm run bench -- groups [--people N] [--size S] [--runs R]`
 *
 * Diverse groups for an exploratory conversation (issue 21, decision 028): N registrants (default
 * 4,300, the school leaders of seed 001) into groups of S (default 10) by `proposeGroups`. The
 * registrants are drawn with fixed seeds from the demo directory as the product reads it: DUO's files
 * imported into PGlite, each registrant a random open school (one in twenty a board only), the facts read
 * with `getDirectoryFacts` (real provinces, COROP regions, denominations and board sizes); role and
 * setting drawn, one in twenty without a setting. The baseline, in the same run on the same people: a
 * random deal into groups of the same sizes and its score (`diversityScore`), the least work that gives
 * valid groups. Printed: the times (median of R runs), the scores beside the upper bound and their ratio.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { demoDuoDir } from '../src/demo/demo.service.ts';
import { getDirectoryFacts, importDuo } from '../src/features/organisations/index.ts';
import {
  defaultRounds,
  diversityScore,
  groupSizes,
  proposeGroups,
  seededRandom,
  type GroupingPerson,
  type GroupProposal,
} from '../src/platform/grouping/diverse-groups.ts';
import { registrantAttributeNames, registrantAttributes, type SchoolSetting } from '../src/platform/grouping/registrant-attributes.ts';
import { all, machineLoad, median, ms, readRuns, table, type Timed, timed, UsageError, verdict } from './support.ts';
import { pgliteTarget } from './targets.ts';

const targets = { proposeMs: 2000 };

const roles: [string, number][] = [
  ['schoolleider', 0.55],
  ['adjunct-directeur', 0.15],
  ['meerschools directeur', 0.15],
  ['teamleider', 0.1],
  ['bovenschools directeur', 0.05],
];
const settings: [SchoolSetting, number][] = [
  ['city', 0.35],
  ['town', 0.35],
  ['village', 0.3],
];

function weighted<T>(random: () => number, options: [T, number][]): T {
  let x = random();
  for (const [value, weight] of options) {
    x -= weight;
    if (x < 0) return value;
  }
  return options[options.length - 1][0];
}

/** N registrants from the demo directory, the same for the same N. */
async function registrants(total: number): Promise<{ people: GroupingPerson[]; readMs: number }> {
  const database = await pgliteTarget().open();
  try {
    const dir = demoDuoDir();
    await importDuo(database, {
      locations: { name: 'alle-schoolvestigingen-basisonderwijs.csv', bytes: readFileSync(join(dir, 'alle-schoolvestigingen-basisonderwijs.csv')) },
      boards: { name: 'besturen-po.csv', bytes: readFileSync(join(dir, 'besturen-po.csv')) },
    });
    const schools = await database.query<{ id: string; board_id: string }>(`SELECT id, board_id FROM schools WHERE closed_at IS NULL ORDER BY brin`);
    const pick = seededRandom(2026);
    const role = seededRandom(21);
    const setting = seededRandom(28);
    const drawn = Array.from({ length: total }, (_, i) => {
      const school = schools[Math.floor(pick() * schools.length)];
      const boardOnly = pick() < 0.05;
      return {
        id: `registrant-${String(i).padStart(5, '0')}`,
        schoolId: boardOnly ? null : school.id,
        boardId: school.board_id,
        role: weighted(role, roles),
        setting: setting() < 0.05 ? null : weighted(setting, settings),
      };
    });
    const started = performance.now();
    const facts = await getDirectoryFacts(
      database.db,
      drawn.flatMap((r) => (r.schoolId ? [r.schoolId, r.boardId] : [r.boardId])),
    );
    const readMs = performance.now() - started;
    const people = drawn.map((r) => ({
      id: r.id,
      attributes: registrantAttributes({ school: r.schoolId ? facts.get(r.schoolId) : null, board: facts.get(r.boardId), role: r.role, setting: r.setting }),
    }));
    return { people, readMs };
  } finally {
    await database.close();
  }
}

/** The baseline: the people dealt in a random order into groups of the same sizes, and scored. */
function randomDeal(people: GroupingPerson[], size: number, seed: number) {
  const random = seededRandom(seed);
  const order = people.map((p) => ({ id: p.id, key: random() })).sort((x, y) => x.key - y.key);
  const groups: string[][] = [];
  let at = 0;
  for (const s of groupSizes(people.length, size)) {
    groups.push(order.slice(at, at + s).map((p) => p.id));
    at += s;
  }
  return diversityScore(people, groups);
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { people: { type: 'string' }, size: { type: 'string' }, runs: { type: 'string' } } });
  const total = values.people ? Number(values.people) : 4300;
  const size = values.size ? Number(values.size) : 10;
  const runs = readRuns(values.runs);
  if (!Number.isInteger(total) || total < 2 || total > 100_000) throw new UsageError('--people: een aantal tussen 2 en 100.000');
  if (!Number.isInteger(size) || size < 2 || size > 1000) throw new UsageError('--size: een groepsgrootte tussen 2 en 1.000');
  console.log(`groups: ${total} aanmelders in groepen van ${size}; ${runs} run(s); ${machineLoad()}`);

  const { people, readMs } = await registrants(total);
  console.log(`  kenmerken gelezen met getDirectoryFacts in ${ms(readMs)} (PGlite, demogids)`);
  for (const name of registrantAttributeNames) {
    const present = people.map((p) => p.attributes[name]).filter((v) => v !== null && v !== undefined);
    console.log(`  ${name.padEnd(13)} ${String(new Set(present).size).padStart(3)} waarden, ${people.length - present.length} zonder waarde`);
  }

  const measured: { deal: Timed<ReturnType<typeof randomDeal>>; start: Timed<GroupProposal>; full: Timed<GroupProposal>; every: Timed<GroupProposal> }[] = [];
  for (let i = 0; i < runs; i++) {
    const deal = timed(() => randomDeal(people, size, 1));
    const start = timed(() => proposeGroups(people, { groupSize: size, rounds: 0 }));
    const full = timed(() => proposeGroups(people, { groupSize: size }));
    const every = timed(() => proposeGroups(people, { groupSize: size, stopAtBound: false }));
    measured.push({ deal, start, full, every });
    console.log(
      `  run ${i + 1}/${runs}: willekeurig ${ms(deal.ms)}, start + lokaal zoeken ${ms(start.ms)}, proposeGroups ${ms(full.ms)}, alle rondes ${ms(every.ms)}`,
    );
  }
  const time = (pick: (m: (typeof measured)[number]) => { ms: number }) => median(measured.map((m) => pick(m).ms));
  const cpu = (pick: (m: (typeof measured)[number]) => { cpu: number }) => median(measured.map((m) => pick(m).cpu));
  const { bound } = measured[0].full.result;
  const ratio = (score: number) => `${((100 * score) / bound.total).toFixed(1)}%`;
  const deal = measured[0].deal.result.total;
  const start = measured[0].start.result.score.total;
  const full = measured[0].full.result.score.total;
  const every = measured[0].every.result.score.total;
  console.log(`\n${people.length} aanmelders, ${groupSizes(people.length, size).length} groepen; mediaan van ${runs} run(s)`);
  console.log(
    table([
      ['', 'tijd', 'CPU', 'alle runs (ms)', 'score', 'bovengrens', 'score / grens'],
      [
        'willekeurig verdeeld (basislijn)',
        ms(time((m) => m.deal)),
        ms(cpu((m) => m.deal)),
        all(measured.map((m) => m.deal.ms)),
        String(deal),
        String(bound.total),
        ratio(deal),
      ],
      [
        'gretige start + lokaal zoeken (rounds: 0)',
        ms(time((m) => m.start)),
        ms(cpu((m) => m.start)),
        all(measured.map((m) => m.start.ms)),
        String(start),
        String(bound.total),
        ratio(start),
      ],
      ['proposeGroups', ms(time((m) => m.full)), ms(cpu((m) => m.full)), all(measured.map((m) => m.full.ms)), String(full), String(bound.total), ratio(full)],
      [
        `  met alle ${defaultRounds(people.length)} rondes (stopAtBound: false)`,
        ms(time((m) => m.every)),
        ms(cpu((m) => m.every)),
        all(measured.map((m) => m.every.ms)),
        String(every),
        String(bound.total),
        ratio(every),
      ],
    ]),
  );
  const perAttribute = measured[0].full.result.score.perAttribute;
  console.log(
    `  per kenmerk (score / grens): ${Object.entries(perAttribute)
      .map(([name, score]) => `${name} ${score}/${bound.perAttribute[name]}`)
      .join(', ')}`,
  );
  const proposeMs = time((m) => m.full);
  console.log(`  proposeGroups < ${targets.proposeMs / 1000} s: ${ms(proposeMs)}  ${verdict(proposeMs < targets.proposeMs)}`);
  const everyMs = time((m) => m.every);
  console.log(
    `  ook met alle rondes (wanneer de grens niet gehaald wordt) < ${targets.proposeMs / 1000} s: ${ms(everyMs)}  ${verdict(everyMs < targets.proposeMs)}`,
  );
  console.log(
    `  proposeGroups / willekeurig verdelen: ${(proposeMs / time((m) => m.deal)).toFixed(0)}× (geen doel; om runs op een drukke machine te vergelijken)`,
  );
  console.log(`  score / bovengrens: ${full} / ${bound.total} = ${(full / bound.total).toFixed(4)}`);
  console.log(`\n${machineLoad()}`);
}
