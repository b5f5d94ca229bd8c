/**
 * The exact optimum of the diversity score (decision 028) by exhaustive search, for checking the
 * heuristic in the tests on small cases (up to about 16 people). Not for the product: the number of
 * splits grows faster than exponentially.
 *
 * Every split is visited once: the people are placed one by one in a fixed order, each into a group
 * already opened that has room, or into the first unopened group of a size (groups of the same size
 * are interchangeable, so a split is found only with its groups opened in the order of their first
 * member). Branches are cut with a bound on what the people not yet placed can still add:
 * per attribute, the smaller of
 *   - the sum over its values v of min(people left with v, groups with room that lack v), and
 *   - the sum over the groups with room of min(room, values lacking there that someone left has),
 * as each person adds at most one value per attribute to their group and a value counts once per group.
 */
import { encodePeople, groupSizes, type GroupingPerson } from './diverse-groups.ts';

export type ExactOptimum = { score: number; groups: string[][]; nodes: number };

export function exactOptimum(people: readonly GroupingPerson[], groupSize: number, attributes?: readonly string[]): ExactOptimum {
  const encoded = encodePeople(people, attributes);
  const { n, m, width, starts, columns, ids } = encoded;
  const sizes = groupSizes(n, groupSize);
  const k = sizes.length;
  if (n === 0) return { score: 0, groups: [], nodes: 0 };
  // size classes: the larger groups first, then the smaller (groupSizes orders them so)
  const classes: { first: number; end: number }[] = [];
  for (let g = 0; g < k; g++) {
    if (g === 0 || sizes[g] !== sizes[g - 1]) classes.push({ first: g, end: g + 1 });
    else classes[classes.length - 1].end = g + 1;
  }
  const opened = classes.map(() => 0);
  const fill = new Int32Array(k);
  const counts = new Int32Array(k * width);
  const left = new Int32Array(width);
  for (let i = 0; i < n * m; i++) if (columns[i] >= 0) left[columns[i]]++;
  const groupOf = new Int32Array(n).fill(-1);
  let best = -1;
  let bestGroupOf = groupOf.slice();
  let nodes = 0;

  // a fixed order: people with the rarest values first, so that good splits are found early
  const rarity = Array.from({ length: n }, (_, p) => {
    let r = 0;
    for (let a = 0; a < m; a++) if (columns[p * m + a] >= 0) r += 1 / left[columns[p * m + a]];
    return r;
  });
  const order = Array.from({ length: n }, (_, p) => p).sort((x, y) => rarity[y] - rarity[x] || x - y);

  const gainIn = (p: number, g: number) => {
    let gain = 0;
    for (let a = 0; a < m; a++) {
      const c = columns[p * m + a];
      if (c >= 0 && counts[g * width + c] === 0) gain++;
    }
    return gain;
  };

  const stillPossible = () => {
    let total = 0;
    for (let a = 0; a < m; a++) {
      let byValue = 0;
      for (let c = starts[a]; c < starts[a + 1]; c++) {
        if (left[c] === 0) continue;
        let lacking = 0;
        for (let g = 0; g < k; g++) if (fill[g] < sizes[g] && counts[g * width + c] === 0) lacking++;
        byValue += Math.min(left[c], lacking);
      }
      let byGroup = 0;
      for (let g = 0; g < k; g++) {
        const room = sizes[g] - fill[g];
        if (room === 0) continue;
        let lacking = 0;
        for (let c = starts[a]; c < starts[a + 1]; c++) if (left[c] > 0 && counts[g * width + c] === 0) lacking++;
        byGroup += Math.min(room, lacking);
      }
      total += Math.min(byValue, byGroup);
    }
    return total;
  };

  const place = (p: number, g: number, sign: 1 | -1) => {
    for (let a = 0; a < m; a++) {
      const c = columns[p * m + a];
      if (c < 0) continue;
      counts[g * width + c] += sign;
      left[c] -= sign;
    }
    fill[g] += sign;
    groupOf[p] = sign === 1 ? g : -1;
  };

  const visit = (i: number, score: number) => {
    nodes++;
    if (i === n) {
      if (score > best) {
        best = score;
        bestGroupOf = groupOf.slice();
      }
      return;
    }
    if (score + stillPossible() <= best) return;
    const p = order[i];
    const options: { g: number; gain: number; opens: number }[] = [];
    classes.forEach((cls, ci) => {
      for (let g = cls.first; g < cls.first + opened[ci]; g++) if (fill[g] < sizes[g]) options.push({ g, gain: gainIn(p, g), opens: -1 });
      if (opened[ci] < cls.end - cls.first) options.push({ g: cls.first + opened[ci], gain: gainIn(p, cls.first + opened[ci]), opens: ci });
    });
    options.sort((x, y) => y.gain - x.gain || x.g - y.g);
    for (const { g, gain, opens } of options) {
      if (opens >= 0) opened[opens]++;
      place(p, g, 1);
      visit(i + 1, score + gain);
      place(p, g, -1);
      if (opens >= 0) opened[opens]--;
    }
  };
  visit(0, 0);

  const groups: string[][] = sizes.map(() => []);
  for (let p = 0; p < n; p++) groups[bestGroupOf[p]].push(ids[p]);
  return { score: best, groups, nodes };
}
