import { describe, expect, it } from 'vitest';
import {
  diversityBound,
  diversityScore,
  groupSizes,
  improveGroups,
  proposeGroups,
  seededRandom,
  type GroupingAttributes,
  type GroupingPerson,
} from './diverse-groups.ts';
import { exactOptimum } from './exact-optimum.ts';

type Case = { seed: number; people: GroupingPerson[]; size: number; description: string };

const distributions = ['uniform', 'skewed', 'one dominant'] as const;

type Profile = { people: [number, number]; sizes: [number, number]; attributes: [number, number]; values: [number, number] };

/** The cases of the issue: up to 16 people, groups of 3–8, 2–4 attributes of 2–7 values. */
const plain: Profile = { people: [4, 16], sizes: [3, 8], attributes: [2, 4], values: [2, 7] };
/** Harder: 13–16 people in groups of 3–5, 3–5 attributes of 3–8 values (more groups, more to balance). */
const harder: Profile = { people: [13, 16], sizes: [3, 5], attributes: [3, 5], values: [3, 8] };

/** A small random case: attributes drawn evenly, skewed or mostly one value, some absent. */
function generateCase(seed: number, profile: Profile = plain): Case {
  const random = seededRandom(seed);
  const int = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
  const size = int(profile.sizes[0], Math.min(profile.sizes[1], profile.people[1] - 1));
  const n = int(Math.max(size + 1, profile.people[0]), profile.people[1]);
  const attributes = Array.from({ length: int(...profile.attributes) }, (_, a) => {
    const values = int(...profile.values);
    const distribution = distributions[int(0, 2)];
    const weights = Array.from({ length: values }, (_, v) =>
      distribution === 'uniform' ? 1 : distribution === 'skewed' ? 1 / (v + 1) ** 1.5 : v === 0 ? 3 * (values - 1) : 1,
    );
    const absent = [0, 0, 0.1, 0.3][int(0, 3)];
    return { name: `attribute${a}`, values, distribution, weights, absent };
  });
  const draw = (weights: number[]) => {
    let x = random() * weights.reduce((s, w) => s + w, 0);
    for (let v = 0; v < weights.length; v++) {
      x -= weights[v];
      if (x < 0) return v;
    }
    return weights.length - 1;
  };
  const people = Array.from({ length: n }, (_, i) => {
    const values: Record<string, string | null> = {};
    for (const attribute of attributes) {
      if (random() < attribute.absent) {
        if (random() < 0.5) values[attribute.name] = null; // left out or null: both no value
      } else values[attribute.name] = `value${draw(attribute.weights)}`;
    }
    return { id: `person${String(i).padStart(2, '0')}`, attributes: values };
  });
  const description = `seed ${seed}: ${n} people in groups of ${size}; ${attributes.map((a) => `${a.values} ${a.distribution}${a.absent ? ` ${a.absent * 100}% absent` : ''}`).join(', ')}`;
  return { seed, people, size, description };
}

/** Every labelling of n people with k group numbers, kept when the sizes are right: obviously every split. */
function bruteForce(people: GroupingPerson[], size: number): number {
  const sizes = groupSizes(people.length, size);
  const k = sizes.length;
  const labels = new Array<number>(people.length).fill(0);
  let best = -1;
  for (let i = 0; i < k ** people.length; i++) {
    let rest = i;
    for (let p = 0; p < people.length; p++) {
      labels[p] = rest % k;
      rest = Math.floor(rest / k);
    }
    const groups = sizes.map((_, g) => people.filter((_, p) => labels[p] === g).map((person) => person.id));
    if (groups.some((group, g) => group.length !== sizes[g])) continue;
    best = Math.max(best, diversityScore(people, groups).total);
  }
  return best;
}

const person = (id: string, attributes: GroupingAttributes): GroupingPerson => ({ id, attributes });

describe('group sizes', () => {
  it('makes ceil(n / size) groups as equal as possible, none larger than the size', () => {
    expect(groupSizes(23, 10)).toEqual([8, 8, 7]);
    expect(groupSizes(11, 10)).toEqual([6, 5]);
    expect(groupSizes(10, 10)).toEqual([10]);
    expect(groupSizes(3, 10)).toEqual([3]);
    expect(groupSizes(0, 10)).toEqual([]);
    expect(groupSizes(4300, 10)).toEqual(new Array(430).fill(10));
    expect(groupSizes(4301, 10)).toEqual([...new Array(422).fill(10), ...new Array(9).fill(9)]);
  });

  it('refuses a size below 1 or a fraction', () => {
    expect(() => groupSizes(10, 0)).toThrow(RangeError);
    expect(() => groupSizes(10, 2.5)).toThrow(RangeError);
    expect(() => groupSizes(-1, 10)).toThrow(RangeError);
  });
});

describe('the diversity score of given groups', () => {
  const people = [
    person('a', { province: 'Utrecht', role: 'leraar' }),
    person('b', { province: 'Utrecht', role: 'schoolleider' }),
    person('c', { province: 'Drenthe', role: 'leraar' }),
    person('d', { province: 'Limburg' }),
    person('e', { province: null, role: '  ' }),
  ];

  it('counts the distinct values per group and attribute, and nothing for an absent value', () => {
    const score = diversityScore(people, [
      ['a', 'b', 'e'],
      ['c', 'd'],
    ]);
    expect(score.groups).toEqual([
      { total: 3, perAttribute: { province: 1, role: 2 } },
      { total: 3, perAttribute: { province: 2, role: 1 } },
    ]);
    expect(score.total).toBe(6);
    expect(score.perAttribute).toEqual({ province: 3, role: 3 });
  });

  it('changes by what the moved person adds and takes away', () => {
    const before = diversityScore(people, [
      ['a', 'b', 'e'],
      ['c', 'd'],
    ]).total;
    // b to the second group: the first loses "schoolleider", the second gains Utrecht and "schoolleider"
    const after = diversityScore(people, [
      ['a', 'e'],
      ['b', 'c', 'd'],
    ]).total;
    expect(after - before).toBe(1);
  });

  it('refuses an unknown person and a person in two groups', () => {
    expect(() => diversityScore(people, [['a', 'x']])).toThrow(/x is not one of the people/);
    expect(() => diversityScore(people, [['a'], ['a', 'b']])).toThrow(/a is in two groups/);
  });
});

describe('the upper bound', () => {
  it('is per attribute the smaller of sum_g min(size, values) and sum_v min(people with v, groups) in plain cases', () => {
    // role: 4 × A, 2 × B into two groups of 3: each group can hold both (2 + 2), and B can be in both
    const people = ['A', 'A', 'A', 'A', 'B', 'B'].map((role, i) => person(`p${i}`, { role }));
    expect(diversityBound(people, [3, 3]).perAttribute).toEqual({ role: 4 });
    // one B only: it can be in one group
    const fewer = ['A', 'A', 'A', 'A', 'A', 'B'].map((role, i) => person(`p${i}`, { role }));
    expect(diversityBound(fewer, [3, 3]).perAttribute).toEqual({ role: 3 });
    // six values among six people into groups of 2: each group at most 2
    const many = ['A', 'B', 'C', 'D', 'E', 'F'].map((role, i) => person(`p${i}`, { role }));
    expect(diversityBound(many, [2, 2, 2]).perAttribute).toEqual({ role: 6 });
  });

  it('counts no absent values: an attribute nobody has bounds nothing', () => {
    const people = [person('a', { role: 'leraar', setting: null }), person('b', { role: 'leraar' })];
    expect(diversityBound(people, [1, 1], ['role', 'setting'])).toEqual({ total: 2, perAttribute: { role: 2, setting: 0 } });
  });
});

describe('the exhaustive search', () => {
  it('finds what a brute force over every labelling finds, on 60 tiny cases', () => {
    let checked = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const c = generateCase(10_000 + seed, { ...plain, people: [4, 8], sizes: [3, 7] });
      if (groupSizes(c.people.length, c.size).length ** c.people.length > 200_000) continue;
      checked++;
      const exact = exactOptimum(c.people, c.size);
      expect(exact.score, c.description).toBe(bruteForce(c.people, c.size));
      expect(diversityScore(c.people, exact.groups).total, c.description).toBe(exact.score);
      expect(exact.groups.map((g) => g.length)).toEqual(groupSizes(c.people.length, c.size));
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('finds the known optimum of a hand-made case', () => {
    // two groups of 3 from two people of each of three provinces, one of each role per province: at most
    // 3 provinces + 2 roles per group, reached only by splitting each province's pair over the groups
    const people = [
      person('u1', { province: 'Utrecht', role: 'A' }),
      person('u2', { province: 'Utrecht', role: 'B' }),
      person('d1', { province: 'Drenthe', role: 'A' }),
      person('d2', { province: 'Drenthe', role: 'B' }),
      person('l1', { province: 'Limburg', role: 'A' }),
      person('l2', { province: 'Limburg', role: 'B' }),
    ];
    expect(exactOptimum(people, 3).score).toBe(10); // {u1, d2, l1} and {u2, d1, l2}: 3 + 2 each
    expect(proposeGroups(people, { groupSize: 3 }).score.total).toBe(10);
  });
});

describe('the heuristic against the exact optimum', () => {
  const cases = Array.from({ length: 200 }, (_, i) => generateCase(i + 1));
  const harderCases = Array.from({ length: 200 }, (_, i) => generateCase(1000 + i, harder));

  it('the generated cases vary: sizes 3–8, up to 16 people, 2–4 attributes, each distribution, absences', () => {
    expect(new Set(cases.map((c) => c.size))).toEqual(new Set([3, 4, 5, 6, 7, 8]));
    expect(Math.max(...cases.map((c) => c.people.length))).toBe(16);
    expect(cases.filter((c) => c.description.includes('absent')).length).toBeGreaterThan(50);
    for (const d of distributions) expect(cases.filter((c) => c.description.includes(d)).length).toBeGreaterThan(50);
  });

  for (const [label, set] of [
    ['200 cases of the issue', cases],
    ['200 harder cases (more groups and attributes)', harderCases],
  ] as const) {
    it(`is within 2% of the optimum on each of ${label}, and the bound is never below the optimum`, { timeout: 120_000 }, () => {
      let worst = { ratio: 1, description: '' };
      let optimal = 0;
      for (const c of set) {
        const proposal = proposeGroups(c.people, { groupSize: c.size, seed: c.seed });
        const exact = exactOptimum(c.people, c.size);
        const ratio = proposal.score.total / exact.score;
        expect(ratio, c.description).toBeGreaterThanOrEqual(0.98);
        expect(proposal.score.total, c.description).toBeLessThanOrEqual(exact.score);
        expect(proposal.bound.total, c.description).toBeGreaterThanOrEqual(exact.score);
        if (ratio < worst.ratio) worst = { ratio, description: c.description };
        if (ratio === 1) optimal++;
      }
      console.info(`${label}: heuristic / optimum at worst ${worst.ratio.toFixed(4)} (${worst.description || 'all optimal'}); optimal in ${optimal}`);
    });
  }

  it('needs its rounds: without them (greedy start and local search only) some harder cases fall short', () => {
    const short = harderCases.filter((c) => {
      const proposal = proposeGroups(c.people, { groupSize: c.size, seed: c.seed, rounds: 0 });
      return proposal.score.total < exactOptimum(c.people, c.size).score;
    });
    expect(short.length).toBeGreaterThan(0);
  });

  it('the bound for each attribute alone is that attribute’s exact optimum', { timeout: 60_000 }, () => {
    for (const c of cases.slice(0, 60)) {
      const bound = diversityBound(c.people, groupSizes(c.people.length, c.size));
      for (const [attribute, most] of Object.entries(bound.perAttribute)) {
        expect(most, `${c.description}, ${attribute}`).toBe(exactOptimum(c.people, c.size, [attribute]).score);
      }
    }
  });
});

describe('the proposed groups', () => {
  const c = generateCase(4242);
  const larger = Array.from({ length: 537 }, (_, i) => {
    const random = seededRandom(i + 1);
    const attributes: Record<string, string> = { province: `province${Math.floor(random() * 12)}`, role: `role${Math.floor(random() ** 2 * 4)}` };
    if (random() < 0.8) attributes.setting = ['stad', 'dorp', 'platteland'][Math.floor(random() * 3)];
    return person(`p${i}`, attributes);
  });

  it('hold every person exactly once, in groups of the sizes as equal as possible', () => {
    for (const [people, size] of [
      [c.people, c.size],
      [larger, 10],
      [larger, 7],
    ] as const) {
      const { groups } = proposeGroups(people, { groupSize: size });
      expect(groups.flat().sort()).toEqual(people.map((p) => p.id).sort());
      expect(groups.map((g) => g.length).sort((x, y) => y - x)).toEqual(groupSizes(people.length, size));
      expect(Math.max(...groups.map((g) => g.length))).toBeLessThanOrEqual(size);
    }
  });

  it('score what diversityScore says they score, and no more than the bound', () => {
    const proposal = proposeGroups(larger, { groupSize: 10 });
    expect(proposal.score).toEqual(diversityScore(larger, proposal.groups));
    expect(proposal.score.total).toBeLessThanOrEqual(proposal.bound.total);
    expect(proposal.bound).toEqual(diversityBound(larger, groupSizes(larger.length, 10)));
  });

  it('leave no swap of two people and no move to a group one smaller that would raise the score', () => {
    const byId = new Map(larger.map((p) => [p.id, p.attributes]));
    const names = ['province', 'role', 'setting'];
    const valuesOf = new Map([...byId].map(([id, attributes]) => [id, names.map((name) => attributes[name])]));
    /** the distinct values of a group with `out` taken out and `added` put in */
    const scoreOf = (group: string[], out?: string, added?: string) => {
      let total = 0;
      for (let a = 0; a < names.length; a++) {
        const values = new Set<string>();
        for (const id of added ? [...group, added] : group) {
          const value = valuesOf.get(id)![a];
          if (id !== out && value) values.add(value);
        }
        total += values.size;
      }
      return total;
    };
    // from the greedy start, and from a deal in order of province (far from good)
    const sorted = [...larger].sort((x, y) => String(x.attributes.province).localeCompare(String(y.attributes.province)));
    const sizes = groupSizes(larger.length, 10);
    const starts = sizes.map((_, g) => sizes.slice(0, g).reduce((sum, s) => sum + s, 0));
    const dealt = sizes.map((s, g) => sorted.slice(starts[g], starts[g] + s).map((p) => p.id));
    for (const { groups } of [proposeGroups(larger, { groupSize: 10, rounds: 0 }), improveGroups(larger, dealt, { rounds: 0 })]) {
      expect(new Set(groups.map((g) => g.length))).toEqual(new Set([9, 10]));
      let checked = 0;
      for (let g = 0; g < groups.length; g++) {
        for (let h = g + 1; h < groups.length; h++) {
          const before = scoreOf(groups[g]) + scoreOf(groups[h]);
          for (const p of groups[g]) {
            for (const q of groups[h]) {
              const after = scoreOf(groups[g], p, q) + scoreOf(groups[h], q, p);
              if (after > before) expect.fail(`swapping ${p} and ${q} would raise the score from ${before} to ${after}`);
              checked++;
            }
          }
          const [from, to] =
            groups[g].length === groups[h].length + 1 ? [groups[g], groups[h]] : groups[h].length === groups[g].length + 1 ? [groups[h], groups[g]] : [[], []];
          for (const p of from) {
            expect(scoreOf(from, p) + scoreOf(to, undefined, p), `move ${p}`).toBeLessThanOrEqual(before);
          }
        }
      }
      expect(checked).toBeGreaterThan(100_000);
    }
  });

  it('can start from groups staff made, keeping their sizes, and refuse groups that miss or repeat someone', () => {
    const mine = [larger.slice(0, 300).map((p) => p.id), larger.slice(300, 500).map((p) => p.id), [], larger.slice(500).map((p) => p.id)];
    const before = diversityScore(larger, mine).total;
    const improved = improveGroups(larger, mine);
    expect(improved.groups.map((g) => g.length).sort((x, y) => x - y)).toEqual([37, 200, 300]);
    expect(improved.groups.flat().sort()).toEqual(larger.map((p) => p.id).sort());
    expect(improved.score.total).toBeGreaterThan(before);
    expect(improved.bound).toEqual(diversityBound(larger, [300, 200, 37]));
    expect(() => improveGroups(larger, [mine[0], mine[1]])).toThrow(/is in no group/);
    expect(() => improveGroups(larger, [...mine, [mine[0][0]]])).toThrow(/is in two groups/);
    expect(() => improveGroups(larger, [...mine, ['nobody']])).toThrow(/nobody is not one of the people/);
  });

  it('are the same for the same seed, whatever the order of the people', () => {
    const once = proposeGroups(larger, { groupSize: 10, seed: 7 });
    expect(proposeGroups(larger, { groupSize: 10, seed: 7 }).groups).toEqual(once.groups);
    const shuffled = [...larger].reverse();
    const again = proposeGroups(shuffled, { groupSize: 10, seed: 7 });
    const asSets = (groups: string[][]) => groups.map((g) => [...g].sort()).sort((x, y) => (x[0] < y[0] ? -1 : 1));
    expect(asSets(again.groups)).toEqual(asSets(once.groups));
  });

  it('beat a plain deal in order by a wide margin', () => {
    const proposal = proposeGroups(larger, { groupSize: 10 });
    const sizes = groupSizes(larger.length, 10);
    const sorted = [...larger].sort((x, y) => String(x.attributes.province).localeCompare(String(y.attributes.province)));
    const starts = sizes.map((_, g) => sizes.slice(0, g).reduce((sum, s) => sum + s, 0));
    const dealt = sizes.map((s, g) => sorted.slice(starts[g], starts[g] + s).map((p) => p.id));
    expect(proposal.score.total).toBeGreaterThan(diversityScore(larger, dealt).total * 1.2);
    expect(proposal.score.total / proposal.bound.total).toBeGreaterThan(0.95);
  });

  it('never count an absent value: people without values score nothing, blank values are none', () => {
    const people = [
      person('a', {}),
      person('b', { role: null }),
      person('c', { role: '' }),
      person('d', { role: 'leraar' }),
      person('e', { role: undefined, setting: 'dorp' }),
    ];
    const proposal = proposeGroups(people, { groupSize: 2 });
    expect(proposal.attributes).toEqual(['role', 'setting']);
    expect(proposal.score.total).toBe(2);
    expect(proposal.bound.total).toBe(2);
    expect(proposeGroups([person('a', {}), person('b', {})], { groupSize: 1 }).score.total).toBe(0);
  });

  it('count only the attributes asked for', () => {
    const proposal = proposeGroups(larger, { groupSize: 10, attributes: ['role'] });
    expect(proposal.attributes).toEqual(['role']);
    expect(Object.keys(proposal.score.perAttribute)).toEqual(['role']);
  });

  it('are empty for nobody, and one group for fewer than the size', () => {
    expect(proposeGroups([], {}).groups).toEqual([]);
    expect(proposeGroups(c.people, { groupSize: 100 }).groups).toEqual([c.people.map((p) => p.id)]);
  });

  it('refuse the same id twice', () => {
    expect(() => proposeGroups([person('a', {}), person('a', {})])).toThrow(/a is given twice/);
  });
});
