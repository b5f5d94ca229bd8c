/**
 * Diverse groups (issue 21, part 4; decision 028): people split into groups of at most a given size,
 * as diverse as possible, for the exploratory conversations ("verkennende gesprekken") of about ten.
 *
 * The score. For a partition into groups, the sum over the groups and over the attributes of the
 * number of distinct values of that attribute in that group: a group of ten from four provinces, three
 * roles and two settings scores 4 + 3 + 2. An absent value (the directory or the form did not say) is
 * no value: it adds nothing, and two people without a value do not share one. Values are compared as
 * they are; nothing is invented or filled in.
 *
 * Why distinct values and not entropy: staff read it ("this group has people from four provinces"),
 * one person moved changes each attribute's count by -1, 0 or +1, so the change a move makes is a small
 * whole number they can follow; absent values need no made-up category; and it has an exact upper bound
 * (below) that is reached for each attribute on its own, so "score / bound" says how much room is left.
 * Entropy would also reward even proportions inside a group (five and five over nine and one), which
 * the issue does not ask for, would need a choice about absent values, and has no such simple bound.
 * What distinct values ignore: once a value is in a group, a second person with it adds nothing.
 *
 * The sizes. n people into ceil(n / size) groups whose sizes differ by at most one and never exceed
 * `size` (23 people by 10: 8, 8, 7). Every split `proposeGroups` visits has these sizes; `improveGroups`
 * keeps the sizes of the groups it is given.
 *
 * The heuristic. A greedy start (people with rare values first, each to the group with room where they
 * add the most new values, ties to the group with the most room), then local search: the best improving
 * swap of two people in different groups, or move of one person from a group to one that is one person
 * smaller (which keeps the sizes), pair of groups by pair of groups, until no swap or move between any
 * two groups improves the score. Then rounds of iterated local search: a random swap or two, local search
 * again, kept when the score is not lower, undone otherwise; they stop early when the score reaches the
 * upper bound, which proves the split optimal. Deterministic for the same people, options
 * and seed, whatever the order of the people (they are sorted by id first).
 *
 * The upper bound: see `diversityBound`.
 */

export type GroupingAttributes = Readonly<Record<string, string | null | undefined>>;
export type GroupingPerson = { readonly id: string; readonly attributes: GroupingAttributes };

export type GroupScore = { total: number; perAttribute: Record<string, number> };
export type DiversityScore = GroupScore & { groups: GroupScore[] };
export type DiversityBound = { total: number; perAttribute: Record<string, number> };

export type ProposeOptions = {
  /** the most people in a group; default 10 */
  groupSize?: number;
  /** the same seed gives the same groups; default 1 */
  seed?: number;
  /** the attributes that count, in this order; default every attribute any person has a value for */
  attributes?: readonly string[];
  /** rounds of iterated local search after the first local optimum; default by the number of people */
  rounds?: number;
  /** false: run every round even when the score reaches the upper bound (to measure the rounds); default true */
  stopAtBound?: boolean;
};

export type GroupProposal = {
  /** the ids of each group's members, in the order of the people given */
  groups: string[][];
  attributes: string[];
  score: DiversityScore;
  bound: DiversityBound;
};

export const defaultGroupSize = 10;

/** Sizes of ceil(n / size) groups as equal as possible, larger first: 23 by 10 gives [8, 8, 7]. */
export function groupSizes(n: number, size: number = defaultGroupSize): number[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`the number of people must be a whole number ≥ 0, not ${n}`);
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`the group size must be a whole number ≥ 1, not ${size}`);
  if (n === 0) return [];
  const k = Math.ceil(n / size);
  const small = Math.floor(n / k);
  const large = n - small * k;
  return Array.from({ length: k }, (_, g) => (g < large ? small + 1 : small));
}

/** A value counts when it is a non-blank string; anything else is no value. */
export function presentValue(attributes: GroupingAttributes, name: string): string | null {
  const value = Object.hasOwn(attributes, name) ? attributes[name] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** Every attribute some person has a value for, sorted. */
export function attributeNames(people: readonly GroupingPerson[]): string[] {
  const names = new Set<string>();
  for (const person of people) for (const name of Object.keys(person.attributes)) if (presentValue(person.attributes, name) !== null) names.add(name);
  return [...names].sort();
}

/**
 * The score of given groups (ids), per group and attribute: what staff see change when they move
 * someone. Groups may have any sizes here. Throws on an id that is not among the people or that is
 * in two groups.
 */
export function diversityScore(people: readonly GroupingPerson[], groups: readonly (readonly string[])[], attributes?: readonly string[]): DiversityScore {
  const names = attributes ? [...attributes] : attributeNames(people);
  const byId = new Map(people.map((p) => [p.id, p]));
  const seen = new Set<string>();
  const perAttribute = Object.fromEntries(names.map((name) => [name, 0]));
  const scored = groups.map((group) => {
    const own: GroupScore = { total: 0, perAttribute: {} };
    const values = names.map(() => new Set<string>());
    for (const id of group) {
      const person = byId.get(id);
      if (!person) throw new RangeError(`${id} is not one of the people`);
      if (seen.has(id)) throw new RangeError(`${id} is in two groups`);
      seen.add(id);
      names.forEach((name, a) => {
        const value = presentValue(person.attributes, name);
        if (value !== null) values[a].add(value);
      });
    }
    names.forEach((name, a) => {
      own.perAttribute[name] = values[a].size;
      own.total += values[a].size;
      perAttribute[name] += values[a].size;
    });
    return own;
  });
  return { total: scored.reduce((sum, g) => sum + g.total, 0), perAttribute, groups: scored };
}

/**
 * An upper bound on the score of any split of these people into groups of these sizes: the sum over
 * the attributes of the most distinct values the groups could hold for that attribute alone.
 *
 * For one attribute with values v (c_v people each) and groups g (s_g places each), a value can count
 * in at most min(c_v, k) groups and a group can count at most s_g values (and at most D, the number of
 * values there are). The most for the attribute alone is the maximum flow from the values (c_v each) to
 * the groups (one per value and group) to the places (s_g each); by max-flow/min-cut it is
 *
 *   min over a in 0..D and b in 0..k of  (sum of c_v but the a largest) + (sum of the b smallest s_g) + a·(k − b),
 *
 * which is at most min( sum_g min(s_g, D), sum_v min(c_v, k) ), the two simple bounds (a = D with the
 * groups smaller than D, and b = 0 with the values of more than k people). It is reached: place one
 * person per unit of flow, the others anywhere with room. So per attribute the bound is exact; their
 * sum bounds the score, and is reached only when one split reaches them all at once.
 */
export function diversityBound(people: readonly GroupingPerson[], sizes: readonly number[], attributes?: readonly string[]): DiversityBound {
  const names = attributes ? [...attributes] : attributeNames(people);
  const k = sizes.length;
  const smallest = [...sizes].sort((x, y) => x - y);
  const smallestSum = [0];
  for (const s of smallest) smallestSum.push(smallestSum[smallestSum.length - 1] + s);
  const perAttribute: Record<string, number> = {};
  let total = 0;
  for (const name of names) {
    const counts = new Map<string, number>();
    for (const person of people) {
      const value = presentValue(person.attributes, name);
      if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    const largest = [...counts.values()].sort((x, y) => y - x);
    // restSum[a]: the sum of c_v over all values but the a largest
    const restSum = new Array<number>(largest.length + 1).fill(0);
    for (let a = largest.length - 1; a >= 0; a--) restSum[a] = restSum[a + 1] + largest[a];
    let best = Number.POSITIVE_INFINITY;
    for (let a = 0; a <= largest.length; a++) {
      for (let b = 0; b <= k; b++) best = Math.min(best, restSum[a] + smallestSum[b] + a * (k - b));
    }
    perAttribute[name] = best;
    total += best;
  }
  return { total, perAttribute };
}

/** The people as numbers: each person's value per attribute as a column index into one row of counts. */
export type EncodedPeople = {
  /** person index → id, sorted */
  ids: string[];
  attributes: string[];
  n: number;
  m: number;
  /** columns: one per value of each attribute, attribute after attribute */
  width: number;
  /** attribute a has the columns starts[a] up to starts[a + 1] */
  starts: number[];
  /** person p, attribute a → its column, or -1 for no value */
  columns: Int32Array;
};

export function encodePeople(people: readonly GroupingPerson[], attributes?: readonly string[]): EncodedPeople {
  const names = attributes ? [...attributes] : attributeNames(people);
  const sorted = [...people].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) if (sorted[i].id === sorted[i - 1].id) throw new RangeError(`${sorted[i].id} is given twice`);
  const n = sorted.length;
  const m = names.length;
  const columns = new Int32Array(n * m);
  let width = 0;
  const starts = [0];
  names.forEach((name, a) => {
    const column = new Map<string, number>();
    sorted.forEach((person, p) => {
      const value = presentValue(person.attributes, name);
      if (value === null) {
        columns[p * m + a] = -1;
        return;
      }
      let c = column.get(value);
      if (c === undefined) {
        c = width + column.size;
        column.set(value, c);
      }
      columns[p * m + a] = c;
    });
    width += column.size;
    starts.push(width);
  });
  return { ids: sorted.map((p) => p.id), attributes: names, n, m, width, starts, columns };
}

/** mulberry32: a small seeded generator, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One change the search made, to undo it: a swap of p and q, or p moved from group `from`. */
type Step = { p: number; q: number; from: number };

/** A split being improved: who is where, and per group how many members have each value. */
class Search {
  readonly k: number;
  readonly groupOf: Int32Array;
  readonly members: number[][];
  readonly counts: Int32Array;
  score = 0;
  /** for skipping pairs of groups already known to have no improving swap or move */
  private clock = 0;
  private readonly changedAt: Float64Array;
  private readonly checkedAt: Float64Array;
  /** the groups changed since local search last went over all their pairs, first in first out */
  private readonly dirty: Uint8Array;
  private queue: number[] = [];
  /** per group, the columns two or more members share, as of `duplicatesAt` */
  private readonly duplicates: number[][];
  private readonly duplicatesAt: Float64Array;
  /** the changes since the last `commit`, and the groups' `changedAt` before their first change */
  private log: Step[] = [];
  private savedChangedAt = new Map<number, number>();

  constructor(
    private readonly people: EncodedPeople,
    sizes: readonly number[],
  ) {
    this.k = sizes.length;
    this.groupOf = new Int32Array(people.n).fill(-1);
    this.members = sizes.map(() => []);
    this.counts = new Int32Array(this.k * people.width);
    this.changedAt = new Float64Array(this.k);
    this.checkedAt = new Float64Array(this.k * this.k).fill(-1);
    this.dirty = new Uint8Array(this.k);
    this.duplicates = sizes.map(() => []);
    this.duplicatesAt = new Float64Array(this.k).fill(-1);
  }

  /** How many attributes p would add a new value for in group g (p not in g). */
  gainIn(p: number, g: number): number {
    const { m, width, columns } = this.people;
    let gain = 0;
    for (let a = 0; a < m; a++) {
      const c = columns[p * m + a];
      if (c >= 0 && this.counts[g * width + c] === 0) gain++;
    }
    return gain;
  }

  place(p: number, g: number): void {
    const { m, width, columns } = this.people;
    this.score += this.gainIn(p, g);
    for (let a = 0; a < m; a++) {
      const c = columns[p * m + a];
      if (c >= 0) this.counts[g * width + c]++;
    }
    this.groupOf[p] = g;
    this.members[g].push(p);
    this.markDirty(g);
  }

  private take(p: number, g: number): void {
    const { m, width, columns } = this.people;
    for (let a = 0; a < m; a++) {
      const c = columns[p * m + a];
      if (c >= 0 && --this.counts[g * width + c] === 0) this.score--;
    }
  }

  private put(p: number, g: number): void {
    const { m, width, columns } = this.people;
    for (let a = 0; a < m; a++) {
      const c = columns[p * m + a];
      if (c >= 0 && this.counts[g * width + c]++ === 0) this.score++;
    }
    this.groupOf[p] = g;
  }

  /** The change in score if p and q (in different groups) swapped. */
  swapDelta(p: number, q: number): number {
    const { m, width, columns } = this.people;
    const counts = this.counts;
    const g = this.groupOf[p] * width;
    const h = this.groupOf[q] * width;
    let delta = 0;
    for (let a = 0; a < m; a++) {
      const cp = columns[p * m + a];
      const cq = columns[q * m + a];
      if (cp === cq) continue;
      if (cp >= 0) {
        if (counts[g + cp] === 1) delta--;
        if (counts[h + cp] === 0) delta++;
      }
      if (cq >= 0) {
        if (counts[h + cq] === 1) delta--;
        if (counts[g + cq] === 0) delta++;
      }
    }
    return delta;
  }

  /** The change in score if p moved to group h. */
  moveDelta(p: number, h: number): number {
    const { m, width, columns } = this.people;
    const g = this.groupOf[p] * width;
    let delta = 0;
    for (let a = 0; a < m; a++) {
      const c = columns[p * m + a];
      if (c < 0) continue;
      if (this.counts[g + c] === 1) delta--;
      if (this.counts[h * width + c] === 0) delta++;
    }
    return delta;
  }

  private touched(g: number): void {
    if (!this.savedChangedAt.has(g)) this.savedChangedAt.set(g, this.changedAt[g]);
    this.changedAt[g] = ++this.clock;
    this.markDirty(g);
  }

  private markDirty(g: number): void {
    if (this.dirty[g]) return;
    this.dirty[g] = 1;
    this.queue.push(g);
  }

  swap(p: number, q: number): void {
    this.applySwap(p, q);
    this.log.push({ p, q, from: -1 });
  }

  move(p: number, h: number): void {
    this.log.push({ p, q: -1, from: this.groupOf[p] });
    this.applyMove(p, h);
  }

  private applySwap(p: number, q: number): void {
    const g = this.groupOf[p];
    const h = this.groupOf[q];
    this.take(p, g);
    this.take(q, h);
    this.put(q, g);
    this.put(p, h);
    const mg = this.members[g];
    const mh = this.members[h];
    mg[mg.indexOf(p)] = q;
    mh[mh.indexOf(q)] = p;
    this.touched(g);
    this.touched(h);
  }

  private applyMove(p: number, h: number): void {
    const g = this.groupOf[p];
    this.take(p, g);
    this.put(p, h);
    const mg = this.members[g];
    mg[mg.indexOf(p)] = mg[mg.length - 1];
    mg.pop();
    this.members[h].push(p);
    this.touched(g);
    this.touched(h);
  }

  /** Keeps the changes made since the last commit. */
  commit(): void {
    this.log = [];
    this.savedChangedAt.clear();
  }

  /**
   * Undoes every change since the last commit. The split is then the one that was committed, for
   * which the pairs of groups checked before are still known to have no improving change.
   */
  rollback(): void {
    for (let i = this.log.length - 1; i >= 0; i--) {
      const { p, q, from } = this.log[i];
      if (from < 0) this.applySwap(p, q);
      else this.applyMove(p, from);
    }
    for (const [g, at] of this.savedChangedAt) this.changedAt[g] = at;
    this.dirty.fill(0);
    this.queue = [];
    this.commit();
  }

  /**
   * Whether some swap or move between g and h could improve the score. A swap of p (in g) and q (in h)
   * changes it by at most B(p, h) + B(q, g), and a move of p to h by at most B(p, h), where B(p, h) counts
   * the attributes whose value p shares with someone else in g and that h lacks: on an attribute where
   * p and q have the same value nothing changes, on any other p's side adds at most [h lacks p's value] −
   * [p is the only one in g with it].
   */
  private mayImprove(g: number, h: number): boolean {
    return this.mayGain(g, h) || this.mayGain(h, g);
  }

  /** Whether someone in `from` has a value another member of `from` has too and `to` lacks. */
  private mayGain(from: number, to: number): boolean {
    const width = this.people.width;
    for (const c of this.duplicatesOf(from)) if (this.counts[to * width + c] === 0) return true;
    return false;
  }

  private duplicatesOf(g: number): number[] {
    if (this.duplicatesAt[g] === this.changedAt[g]) return this.duplicates[g];
    const { m, width, columns } = this.people;
    const found: number[] = [];
    for (const p of this.members[g]) {
      for (let a = 0; a < m; a++) {
        const c = columns[p * m + a];
        if (c >= 0 && this.counts[g * width + c] >= 2 && !found.includes(c)) found.push(c);
      }
    }
    this.duplicates[g] = found;
    this.duplicatesAt[g] = this.changedAt[g];
    return found;
  }

  /** Applies the best improving swap or move between g and h; false when there is none. */
  private improvePair(g: number, h: number): boolean {
    let best = 0;
    let bestP = -1;
    let bestQ = -1;
    let bestTo = -1;
    const mg = this.members[g];
    const mh = this.members[h];
    for (const p of mg) {
      for (const q of mh) {
        const delta = this.swapDelta(p, q);
        if (delta > best) [best, bestP, bestQ, bestTo] = [delta, p, q, -1];
      }
    }
    // a move from a group to one that is one smaller keeps the sizes
    const moves = mg.length === mh.length + 1 ? { from: mg, to: h } : mh.length === mg.length + 1 ? { from: mh, to: g } : null;
    if (moves) {
      for (const p of moves.from) {
        const delta = this.moveDelta(p, moves.to);
        if (delta > best) [best, bestP, bestQ, bestTo] = [delta, p, -1, moves.to];
      }
    }
    if (best <= 0) return false;
    if (bestTo >= 0) this.move(bestP, bestTo);
    else this.swap(bestP, bestQ);
    return true;
  }

  /**
   * Improves until no swap or move between any two groups raises the score. Only pairs with a group
   * changed since the pair was last checked are looked at: a group is queued when it changes, and
   * taken from the queue to check its pairs; when the queue is empty every pair has been checked since
   * its groups last changed.
   */
  localSearch(): void {
    const k = this.k;
    for (let next = 0; next < this.queue.length; next++) {
      const g = this.queue[next];
      this.dirty[g] = 0;
      for (let h = 0; h < k; h++) {
        if (h === g) continue;
        const pair = g < h ? g * k + h : h * k + g;
        const checked = this.checkedAt[pair];
        if (checked >= this.changedAt[g] && checked >= this.changedAt[h]) continue;
        if (this.mayImprove(g, h)) while (this.improvePair(g, h));
        this.checkedAt[pair] = this.clock;
      }
    }
    this.queue = [];
  }

  /** A random swap of two people in two random groups, whatever it does to the score. */
  kick(random: () => number): void {
    const g = Math.floor(random() * this.k);
    const h = (g + 1 + Math.floor(random() * (this.k - 1))) % this.k;
    const p = this.members[g][Math.floor(random() * this.members[g].length)];
    const q = this.members[h][Math.floor(random() * this.members[h].length)];
    this.swap(p, q);
  }
}

/** People with rare values first (the sum over their values of 1 / how many have it), then at random. */
function greedyOrder(people: EncodedPeople, random: () => number): number[] {
  const { n, m, width, columns } = people;
  const frequency = new Int32Array(width);
  for (let i = 0; i < n * m; i++) if (columns[i] >= 0) frequency[columns[i]]++;
  const rarity = new Float64Array(n);
  const tie = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    for (let a = 0; a < m; a++) {
      const c = columns[p * m + a];
      if (c >= 0) rarity[p] += 1 / frequency[c];
    }
    tie[p] = random();
  }
  return Array.from({ length: n }, (_, p) => p).sort((x, y) => rarity[y] - rarity[x] || tie[x] - tie[y]);
}

function greedyStart(search: Search, people: EncodedPeople, sizes: readonly number[], random: () => number): void {
  for (const p of greedyOrder(people, random)) {
    let best = -1;
    let bestGain = -1;
    let bestRoom = 0;
    for (let g = 0; g < sizes.length; g++) {
      const room = sizes[g] - search.members[g].length;
      if (room === 0) continue;
      const gain = search.gainIn(p, g);
      if (gain > bestGain || (gain === bestGain && room > bestRoom)) [best, bestGain, bestRoom] = [g, gain, room];
    }
    search.place(p, best);
  }
}

/** The default rounds of iterated local search: many for a handful of people, a few thousand at most. */
export function defaultRounds(n: number): number {
  return Math.min(3000, Math.max(300, 2 * n));
}

/** Groups that maximise the diversity score, found by the heuristic above. */
export function proposeGroups(people: readonly GroupingPerson[], options: ProposeOptions = {}): GroupProposal {
  const sizes = groupSizes(people.length, options.groupSize ?? defaultGroupSize);
  const encoded = encodePeople(people, options.attributes);
  const random = seededRandom(options.seed ?? 1);
  const search = new Search(encoded, sizes);
  greedyStart(search, encoded, sizes, random);
  return improve(people, encoded, search, sizes, options, random);
}

/**
 * Improves given groups (staff's, after moving people) by the same local search and rounds, keeping
 * the sizes as they are (as a multiset: a move goes from a group to one that is one smaller). Every
 * person must be in exactly one group; empty groups are left out.
 */
export function improveGroups(
  people: readonly GroupingPerson[],
  groups: readonly (readonly string[])[],
  options: Omit<ProposeOptions, 'groupSize'> = {},
): GroupProposal {
  const encoded = encodePeople(people, options.attributes);
  const index = new Map(encoded.ids.map((id, p) => [id, p]));
  const given = groups.filter((g) => g.length > 0);
  const sizes = given.map((g) => g.length);
  const search = new Search(encoded, sizes);
  given.forEach((group, g) => {
    for (const id of group) {
      const p = index.get(id);
      if (p === undefined) throw new RangeError(`${id} is not one of the people`);
      if (search.groupOf[p] >= 0) throw new RangeError(`${id} is in two groups`);
      search.place(p, g);
    }
  });
  const missing = encoded.ids.find((_, p) => search.groupOf[p] < 0);
  if (missing !== undefined) throw new RangeError(`${missing} is in no group`);
  return improve(people, encoded, search, sizes, options, seededRandom(options.seed ?? 1));
}

function improve(
  people: readonly GroupingPerson[],
  encoded: EncodedPeople,
  search: Search,
  sizes: readonly number[],
  options: Omit<ProposeOptions, 'groupSize'>,
  random: () => number,
): GroupProposal {
  const bound = diversityBound(people, sizes, encoded.attributes);
  search.localSearch();
  search.commit();
  if (search.k > 1) {
    const rounds = options.rounds ?? defaultRounds(encoded.n);
    // at the bound the split is optimal: nothing to search for
    const stop = options.stopAtBound === false ? Number.POSITIVE_INFINITY : bound.total;
    for (let round = 0; round < rounds && search.score < stop; round++) {
      const before = search.score;
      search.kick(random);
      if (random() < 0.5) search.kick(random);
      search.localSearch();
      if (search.score >= before) search.commit();
      else search.rollback();
    }
  }
  // members in the order the people were given, groups by their first member
  const position = new Map(people.map((p, i) => [p.id, i]));
  const groups = search.members
    .map((members) => members.map((p) => encoded.ids[p]).sort((x, y) => position.get(x)! - position.get(y)!))
    .sort((x, y) => position.get(x[0])! - position.get(y[0])!);
  const score = diversityScore(people, groups, encoded.attributes);
  if (score.total !== search.score) throw new Error(`internal: the search counted ${search.score}, the groups score ${score.total}`);
  return { groups, attributes: encoded.attributes, score, bound };
}
