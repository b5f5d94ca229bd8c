/**
 * `npm run bench -- panels [--runs R] [--seed S] [--cap C] [--small N] [--reviewers N]`
 *
 * Peer-review panels without conflicts of interest (issue 22 part 5, decision 031): 300 partnerships
 * (members drawn by region, so some share an institute or a board), 1,500 reviewers (or N: fewer makes it
 * tight), past reviews over six
 * years, and a panel of 3 for each review due this year (a sixth of the recognised partnerships, the
 * aspirant ones in their fourth year), generated with seed S (default 1). `assignPanels` against two
 * baselines in the same run on the same data: a random valid assignment (each place in a random order gets
 * a random reviewer who breaks no rule) and a greedy one (scarcest review first, each place the best
 * reviewer left). Every result is checked by an independent checker (every rule written out again).
 * Printed: the times (median of R runs), places filled, conflicts, total suitability, the load spread; then
 * on N small generated cases (default 200) `assignPanels` against the exhaustive optimum.
 */
import { parseArgs } from 'node:util';
import { seededRandom } from '../src/platform/grouping/diverse-groups.ts';
import { exactPanels } from '../src/platform/panels/exact-panels.ts';
import { benchProfile, generatePanelCase, smallProfile } from '../src/platform/panels/generated-case.ts';
import { violations } from '../src/platform/panels/independent-check.ts';
import {
  assignPanels,
  conflictsOf,
  defaultCap,
  type PanelContext,
  type PanelReview,
  panelContext,
  type Reviewer,
  suitability,
  totalSuitability,
} from '../src/platform/panels/panel-assignment.ts';
import { all, machineLoad, median, ms, readRuns, table, type Timed, timed, UsageError, verdict } from './support.ts';

const targets = { assignMs: 2000 };

type Panels = { reviewId: string; reviewerIds: string[] }[];

/** Who may still take a place: no conflict, room under the cap, not on this panel, and not reviewing back. */
function available(r: Reviewer, review: PanelReview, panel: string[], count: Map<string, number>, directed: Set<string>, cap: number, context: PanelContext) {
  return (
    !panel.includes(r.id) &&
    r.load + (count.get(r.id) ?? 0) < cap &&
    !directed.has(`${review.partnershipId}>${r.partnershipId}`) &&
    conflictsOf(r, review, context).length === 0
  );
}

function take(r: Reviewer, review: PanelReview, panel: string[], count: Map<string, number>, directed: Set<string>) {
  panel.push(r.id);
  count.set(r.id, (count.get(r.id) ?? 0) + 1);
  directed.add(`${r.partnershipId}>${review.partnershipId}`);
}

/** The baseline: each place, in a random order, a random reviewer who breaks no rule. */
function randomValid(reviews: readonly PanelReview[], reviewers: readonly Reviewer[], context: PanelContext, cap: number, seed: number): Panels {
  const random = seededRandom(seed);
  const panels = new Map(reviews.map((r) => [r.id, [] as string[]]));
  const places = reviews.flatMap((r) => Array.from({ length: r.panelSize }, () => ({ review: r, key: random() }))).sort((a, b) => a.key - b.key);
  const count = new Map<string, number>();
  const directed = new Set<string>();
  for (const { review } of places) {
    const panel = panels.get(review.id) as string[];
    const options = reviewers.filter((r) => available(r, review, panel, count, directed, cap, context));
    if (options.length > 0) take(options[Math.floor(random() * options.length)], review, panel, count, directed);
  }
  return reviews.map((r) => ({ reviewId: r.id, reviewerIds: panels.get(r.id) as string[] }));
}

/** A second baseline: the review with the fewest eligible reviewers first, each place the best one left. */
function greedy(reviews: readonly PanelReview[], reviewers: readonly Reviewer[], context: PanelContext, cap: number): Panels {
  const eligibleCount = new Map(reviews.map((r) => [r.id, reviewers.filter((x) => conflictsOf(x, r, context).length === 0).length]));
  const order = [...reviews].sort((a, b) => (eligibleCount.get(a.id) ?? 0) - (eligibleCount.get(b.id) ?? 0) || (a.id < b.id ? -1 : 1));
  const count = new Map<string, number>();
  const directed = new Set<string>();
  const panels = new Map<string, string[]>();
  for (const review of order) {
    const panel: string[] = [];
    for (let place = 0; place < review.panelSize; place++) {
      let best: Reviewer | null = null;
      let bestScore = Number.NEGATIVE_INFINITY;
      for (const r of reviewers) {
        if (!available(r, review, panel, count, directed, cap, context)) continue;
        const score = suitability(r, review, context, count.get(r.id) ?? 0).total;
        if (score > bestScore) {
          best = r;
          bestScore = score;
        }
      }
      if (best) take(best, review, panel, count, directed);
    }
    panels.set(review.id, panel);
  }
  return reviews.map((r) => ({ reviewId: r.id, reviewerIds: panels.get(r.id) as string[] }));
}

function readInt(value: string | undefined, fallback: number, name: string, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name}: een geheel getal van ${min} tot ${max}, niet "${value}"`);
  return n;
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { runs: { type: 'string' }, seed: { type: 'string' }, cap: { type: 'string' }, small: { type: 'string' }, reviewers: { type: 'string' } },
  });
  const runs = readRuns(values.runs);
  const seed = readInt(values.seed, 1, 'seed', 0, 2 ** 31 - 1);
  const cap = readInt(values.cap, defaultCap, 'cap', 1, 20);
  const smallCases = readInt(values.small, 200, 'small', 0, 10_000);

  const reviewerCount = readInt(values.reviewers, benchProfile.reviewers, 'reviewers', 1, 100_000);
  const c = generatePanelCase(seed, { ...benchProfile, reviewers: reviewerCount });
  const places = c.reviews.reduce((s, r) => s + r.panelSize, 0);
  const shared = c.partnerships.filter((p) =>
    c.partnerships.some((q) => q.id !== p.id && q.memberOrganisationIds.some((m) => p.memberOrganisationIds.includes(m))),
  ).length;
  console.log(
    `panels: ${c.partnerships.length} samenwerkingsverbanden (${shared} delen een lid met een ander), ${c.reviewers.length} reviewers, ` +
      `${c.pastReviews.length} eerdere panelplaatsen; ${c.reviews.length} reviews dit jaar (${c.reviews.filter((r) => r.kind === 'beoordelend').length} beoordelend), ` +
      `${places} plaatsen; hoogstens ${cap} panels per reviewer; seed ${seed}; ${runs} run(s); ${machineLoad()}`,
  );

  type Run = { random: Timed<Panels>; greedy: Timed<Panels>; assign: Timed<ReturnType<typeof assignPanels>> };
  const measured: Run[] = [];
  for (let i = 0; i < runs; i++) {
    // the context (indexes over partnerships and past reviews) is part of what is timed
    const random = timed(() => randomValid(c.reviews, c.reviewers, panelContext(c), cap, 1));
    const greedyRun = timed(() => greedy(c.reviews, c.reviewers, panelContext(c), cap));
    const assign = timed(() => assignPanels(c.reviews, c.reviewers, panelContext(c), { cap }));
    measured.push({ random, greedy: greedyRun, assign });
    console.log(`  run ${i + 1}/${runs}: willekeurig ${ms(random.ms)}, gretig ${ms(greedyRun.ms)}, assignPanels ${ms(assign.ms)}`);
  }
  const context = panelContext(c);
  const time = (pick: (m: Run) => { ms: number }) => median(measured.map((m) => pick(m).ms));
  const cpu = (pick: (m: Run) => { cpu: number }) => median(measured.map((m) => pick(m).cpu));
  const result = measured[0].assign.result;
  const rows = [
    { name: 'willekeurig geldig (basislijn)', panels: measured[0].random.result, pick: (m: Run) => m.random },
    { name: 'gretig, schaarste eerst (basislijn)', panels: measured[0].greedy.result, pick: (m: Run) => m.greedy },
    { name: 'assignPanels (min-cost flow + vertakken)', panels: result.panels, pick: (m: Run) => m.assign },
  ].map((row) => {
    const filled = row.panels.reduce((s, p) => s + p.reviewerIds.length, 0);
    const conflicts = violations(c, { panels: row.panels }, cap);
    const total = totalSuitability(row.panels, c.reviews, c.reviewers, context);
    return { ...row, filled, conflicts, total };
  });
  console.log(`\n${c.reviews.length} reviews, ${places} plaatsen; mediaan van ${runs} run(s)`);
  console.log(
    table([
      ['', 'tijd', 'CPU', 'alle runs (ms)', 'toegewezen', 'conflicten', 'geschiktheid', 't.o.v. assignPanels'],
      ...rows.map((row) => [
        row.name,
        ms(time(row.pick)),
        ms(cpu(row.pick)),
        all(measured.map((m) => row.pick(m).ms)),
        `${row.filled}/${places}`,
        String(row.conflicts.length),
        String(row.total),
        `${((100 * row.total) / rows[2].total).toFixed(1)}%`,
      ]),
    ]),
  );
  for (const row of rows) for (const problem of row.conflicts.slice(0, 5)) console.log(`  conflict in ${row.name}: ${problem}`);

  const count = new Map<string, number>(c.reviewers.map((r) => [r.id, 0]));
  for (const p of result.panels) for (const id of p.reviewerIds) count.set(id, (count.get(id) ?? 0) + 1);
  const newPanels = [...count.values()];
  const used = newPanels.filter((n) => n > 0);
  const loads = c.reviewers.map((r) => r.load + (count.get(r.id) ?? 0));
  const spread = (xs: number[]) => `min ${Math.min(...xs)} / mediaan ${median(xs)} / max ${Math.max(...xs)}`;
  console.log(
    `  nieuwe panels per reviewer (alle ${c.reviewers.length}): ${spread(newPanels)}; ${used.length} reviewers ingezet, ${used.filter((n) => n > 1).length} op twee nieuwe panels`,
  );
  console.log(`  panels dit jaar per reviewer (met wat er al was): ${spread(loads)}; reviewers op ${cap}: ${loads.filter((l) => l >= cap).length}`);
  const parts = { sector: 0, province: 0, corop: 0, experience: 0 };
  const reviewerById = new Map(c.reviewers.map((r) => [r.id, r]));
  for (const p of result.panels) {
    const review = c.reviews.find((r) => r.id === p.reviewId) as PanelReview;
    for (const id of p.reviewerIds) {
      const s = suitability(reviewerById.get(id) as Reviewer, review, context);
      parts.sector += s.sector ? 1 : 0;
      parts.province += s.province ? 1 : 0;
      parts.corop += s.corop ? 1 : 0;
      parts.experience += s.experience;
    }
  }
  console.log(
    `  plaatsen met: sector ${parts.sector}/${result.filled}, zelfde provincie ${parts.province}, zelfde COROP ${parts.corop}; gemiddelde ervaringspunten ${(parts.experience / Math.max(1, result.filled)).toFixed(1)} van 20`,
  );
  console.log(`  flows opgelost: ${result.solves} (vertakken op verbanden die elkaar zouden beoordelen); optimum bewezen: ${result.proven ? 'ja' : 'nee'}`);

  let equal = 0;
  let worst = 1;
  let branched = 0;
  let exactMs = 0;
  for (let s = 1; s <= smallCases; s++) {
    const small = generatePanelCase(s, smallProfile);
    const smallContext = panelContext(small);
    const heuristic = assignPanels(small.reviews, small.reviewers, smallContext);
    const started = performance.now();
    const exact = exactPanels(small.reviews, small.reviewers, smallContext);
    exactMs += performance.now() - started;
    if (heuristic.solves > 1) branched++;
    if (heuristic.filled === exact.filled && heuristic.total === exact.total) equal++;
    else worst = Math.min(worst, heuristic.filled < exact.filled ? 0 : exact.total > 0 ? heuristic.total / exact.total : 1);
  }
  const assignMs = time((m) => m.assign);
  const allAssigned = result.filled === places;
  const conflicts = rows[2].conflicts.length;
  console.log(
    `  kleine gevallen (≤ 8 reviewers, ≤ 3 reviews; ${smallCases}, waarvan ${branched} met vertakken): assignPanels gelijk aan het exacte optimum in ${equal}/${smallCases}; slechtste verhouding ${worst.toFixed(4)} (exhaustief: ${ms(exactMs)} samen)`,
  );
  console.log(`  assignPanels < ${targets.assignMs / 1000} s: ${ms(assignMs)}  ${verdict(assignMs < targets.assignMs)}`);
  console.log(`  alle plaatsen toegewezen: ${allAssigned ? 'ja' : 'nee'} (${result.filled}/${places})  ${verdict(allAssigned)}`);
  console.log(`  conflicten (onafhankelijke controle): ${conflicts}  ${verdict(conflicts === 0)}`);
  console.log(`  gelijk aan het exacte optimum op de kleine gevallen: ${equal}/${smallCases}  ${verdict(equal === smallCases)}`);
  console.log(
    `  geschiktheid assignPanels / willekeurig geldig: ${rows[2].total} / ${rows[0].total} = ${(rows[2].total / rows[0].total).toFixed(2)}×; / gretig: ${(rows[2].total / rows[1].total).toFixed(4)}`,
  );
  console.log(`\n${machineLoad()}`);
}
