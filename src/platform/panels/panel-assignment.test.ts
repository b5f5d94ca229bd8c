import { describe, expect, it } from 'vitest';
import { exactPanels } from './exact-panels.ts';
import { generatePanelCase, smallProfile } from './generated-case.ts';
import { violations } from './independent-check.ts';
import { MinCostFlow } from './min-cost-flow.ts';
import {
  assignPanels,
  checkOverride,
  conflictsOf,
  type PanelReview,
  type Partnership,
  type PastReview,
  panelContext,
  type Reviewer,
  suggestReviewers,
  suitability,
  totalSuitability,
  visitsBehind,
  yearsBefore,
} from './panel-assignment.ts';

const partnership = (id: string, members: string[], extra: Partial<Partnership> = {}): Partnership => ({
  id,
  memberOrganisationIds: members,
  sectors: ['po'],
  provinces: ['Utrecht'],
  coropRegions: ['corop-utrecht'],
  ...extra,
});
const reviewer = (id: string, partnershipId: string, extra: Partial<Reviewer> = {}): Reviewer => ({
  id,
  partnershipId,
  sectors: ['po'],
  yearsOfExperience: 5,
  load: 0,
  declaredConflicts: [],
  ...extra,
});
const review = (id: string, partnershipId: string, extra: Partial<PanelReview> = {}): PanelReview => ({
  id,
  partnershipId,
  kind: 'ontwikkelingsgericht',
  panelSize: 3,
  due: '2027-06-01',
  ...extra,
});

describe('conflict rules', () => {
  const context = panelContext({
    partnerships: [
      partnership('A', ['pabo-1', 'board-1']),
      partnership('B', ['pabo-2', 'board-1']), // shares board-1 with A
      partnership('C', ['pabo-3', 'board-3']),
      partnership('D', ['pabo-4', 'board-4']),
      partnership('E', ['pabo-5', 'board-5']),
    ],
    pastReviews: [
      { reviewerPartnershipId: 'A', reviewedPartnershipId: 'D', date: '2022-03-01' }, // A reviewed D within six years
      { reviewerPartnershipId: 'A', reviewedPartnershipId: 'E', date: '2021-05-31' }, // six years and a day before
    ],
  });
  const reviewOfA = review('r-A', 'A');

  it('refuses a member of the reviewed partnership itself', () => {
    expect(conflictsOf(reviewer('x', 'A'), reviewOfA, context)).toEqual(['own-partnership']);
  });
  it('refuses anyone from a partnership sharing a member organisation', () => {
    expect(conflictsOf(reviewer('x', 'B'), reviewOfA, context)).toEqual(['shared-member']);
  });
  it('refuses a declared conflict', () => {
    expect(conflictsOf(reviewer('x', 'C', { declaredConflicts: ['A'] }), reviewOfA, context)).toEqual(['declared-conflict']);
    expect(conflictsOf(reviewer('x', 'C', { declaredConflicts: ['B'] }), reviewOfA, context)).toEqual([]);
  });
  it('refuses the partnership A reviewed in the six years before the due date (it does not review A back)', () => {
    expect(conflictsOf(reviewer('x', 'D'), reviewOfA, context)).toEqual(['mutual-review']);
    // six years and one day: no longer
    expect(conflictsOf(reviewer('x', 'E'), reviewOfA, context)).toEqual([]);
    expect(conflictsOf(reviewer('x', 'E'), review('r-A2', 'A', { due: '2027-05-31' }), context)).toEqual(['mutual-review']);
    // the direction matters: A reviewed D, so A may review D again (that is not reviewing each other)
    expect(conflictsOf(reviewer('x', 'A'), review('r-D', 'D'), context)).toEqual([]);
  });
  it('lists every rule broken, and override refusals name them', () => {
    const both = reviewer('x', 'B', { declaredConflicts: ['A'] });
    expect(conflictsOf(both, reviewOfA, context)).toEqual(['shared-member', 'declared-conflict']);
    expect(checkOverride(both, reviewOfA, context)).toEqual({ ok: false, rules: ['shared-member', 'declared-conflict'] });
    expect(checkOverride(reviewer('y', 'D'), reviewOfA, context)).toEqual({ ok: false, rules: ['mutual-review'] });
    expect(checkOverride(reviewer('z', 'C'), reviewOfA, context, ['z'])).toEqual({ ok: false, rules: ['already-on-panel'] });
    // a low rank is no reason to refuse
    expect(checkOverride(reviewer('z', 'C', { sectors: ['mbo'], yearsOfExperience: 0, load: 5 }), reviewOfA, context)).toEqual({ ok: true });
  });
  it('suggestions never hold a conflicted reviewer, and are ranked by suitability', () => {
    const people = [
      reviewer('own', 'A', { yearsOfExperience: 20 }),
      reviewer('shares', 'B', { yearsOfExperience: 20 }),
      reviewer('declared', 'C', { declaredConflicts: ['A'], yearsOfExperience: 20 }),
      reviewer('back', 'D', { yearsOfExperience: 20 }),
      reviewer('novice', 'E', { yearsOfExperience: 0 }),
      reviewer('other-sector', 'C', { sectors: ['vo'], yearsOfExperience: 20 }),
      reviewer('expert', 'C', { yearsOfExperience: 12 }),
      reviewer('busy-expert', 'E', { yearsOfExperience: 12, load: 2 }),
    ];
    const suggestions = suggestReviewers(reviewOfA, people, context, 10);
    expect(suggestions.map((s) => s.reviewerId)).toEqual(['expert', 'busy-expert', 'novice', 'other-sector']);
    expect(suggestions[0].suitability).toEqual({ total: 110, sector: 60, province: 20, corop: 10, experience: 20, load: 0 });
    expect(suggestReviewers(reviewOfA, people, context, 2)).toHaveLength(2);
  });
});

describe('suitability', () => {
  const context = panelContext({
    partnerships: [
      partnership('A', ['a'], { sectors: ['po', 'vo'], provinces: ['Utrecht'], coropRegions: ['Utrecht'] }),
      partnership('same-corop', ['b'], { provinces: ['Utrecht'], coropRegions: ['Utrecht'] }),
      partnership('same-province', ['c'], { provinces: ['Utrecht'], coropRegions: ['Amersfoort'] }),
      partnership('far', ['d'], { provinces: ['Groningen'], coropRegions: ['Oost-Groningen'] }),
    ],
  });
  const r = review('r', 'A');
  it('adds sector, province, COROP and experience, and subtracts load', () => {
    expect(suitability(reviewer('1', 'same-corop', { yearsOfExperience: 3.9 }), r, context)).toEqual({
      total: 96,
      sector: 60,
      province: 20,
      corop: 10,
      experience: 6,
      load: 0,
    });
    expect(suitability(reviewer('2', 'same-province', { sectors: ['vo'], yearsOfExperience: 30, load: 1 }), r, context).total).toBe(60 + 20 + 20 - 10);
    expect(suitability(reviewer('3', 'far', { sectors: ['mbo'], yearsOfExperience: 0 }), r, context).total).toBe(0);
    expect(suitability(reviewer('4', 'far', { load: 1 }), r, context, 2).load).toBe(-30);
  });
});

describe('assignPanels', () => {
  it('matches the exhaustive optimum on 300 generated small cases (places filled, then total suitability)', () => {
    let branched = 0;
    let unfilled = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const c = generatePanelCase(seed, smallProfile);
      const context = panelContext(c);
      const heuristic = assignPanels(c.reviews, c.reviewers, context);
      const exact = exactPanels(c.reviews, c.reviewers, context);
      expect({ seed, filled: heuristic.filled, total: heuristic.total }).toEqual({ seed, filled: exact.filled, total: exact.total });
      expect(heuristic.proven).toBe(true);
      expect(violations(c, heuristic), `seed ${seed}`).toEqual([]);
      expect(totalSuitability(heuristic.panels, c.reviews, c.reviewers, context)).toBe(heuristic.total);
      if (heuristic.solves > 1) branched++;
      unfilled += heuristic.unfilled.length;
    }
    // the cases exercise the branching on partnerships reviewing each other, and panels that cannot be filled
    expect(branched).toBeGreaterThan(20);
    expect(unfilled).toBeGreaterThan(20);
  });

  it('without the branching budget, the greedy repair stays close (a check that the branching matters)', () => {
    let equal = 0;
    let worst = 1;
    for (let seed = 1; seed <= 300; seed++) {
      const c = generatePanelCase(seed, smallProfile);
      const context = panelContext(c);
      const dive = assignPanels(c.reviews, c.reviewers, context, { maxSolves: 1 });
      const exact = exactPanels(c.reviews, c.reviewers, context);
      expect(violations(c, dive), `seed ${seed}`).toEqual([]);
      expect(dive.filled).toBeLessThanOrEqual(exact.filled);
      if (dive.filled === exact.filled && dive.total === exact.total) equal++;
      else if (dive.filled === exact.filled && exact.total > 0) worst = Math.min(worst, dive.total / exact.total);
    }
    expect(equal).toBeLessThan(300);
    expect(equal).toBeGreaterThan(270);
    expect(worst).toBeGreaterThan(0.6);
  });

  it('the exhaustive oracle itself: a hand-made case with one answer', () => {
    const context = panelContext({
      partnerships: [partnership('A', ['a']), partnership('B', ['b']), partnership('C', ['c'], { provinces: ['Zeeland'], coropRegions: ['Zeeland'] })],
    });
    const reviews = [review('ra', 'A', { panelSize: 1 }), review('rb', 'B', { panelSize: 1 })];
    // b1 fits A best, a1 fits B best, but A and B may not review each other in one go: C's member takes one
    const people = [
      reviewer('a1', 'A', { yearsOfExperience: 10 }),
      reviewer('b1', 'B', { yearsOfExperience: 10 }),
      reviewer('c1', 'C', { yearsOfExperience: 0 }),
    ];
    const exact = exactPanels(reviews, people, context);
    const heuristic = assignPanels(reviews, people, context);
    expect(exact.filled).toBe(2);
    expect(exact.total).toBe(110 + 60);
    expect(heuristic.total).toBe(exact.total);
    expect(heuristic.panels).toEqual([
      { reviewId: 'ra', reviewerIds: ['b1'] },
      { reviewId: 'rb', reviewerIds: ['c1'] },
    ]);
    expect(heuristic.solves).toBe(3);
  });

  it('reports places it cannot fill, with the reason', () => {
    const context = panelContext({ partnerships: [partnership('A', ['a']), partnership('B', ['b']), partnership('C', ['a'])] });
    const people = [reviewer('b1', 'B', { load: 1 }), reviewer('c1', 'C'), reviewer('b2', 'B')];
    const result = assignPanels([review('ra', 'A', { panelSize: 3 }), review('rb', 'B', { panelSize: 1, due: '2027-02-01' })], people, context, { cap: 1 });
    // A: c1 shares member a; b1 is at the cap; b2 is the one eligible
    expect(result.panels).toEqual([
      { reviewId: 'ra', reviewerIds: ['b2'] },
      { reviewId: 'rb', reviewerIds: ['c1'] },
    ]);
    expect(result.unfilled).toEqual([{ reviewId: 'ra', places: 2, reason: 'too-few-eligible' }]);
    const full = assignPanels([review('ra', 'A', { panelSize: 1 }), review('rx', 'A', { panelSize: 1 })], [reviewer('b2', 'B')], context, { cap: 1 });
    expect(full.unfilled).toEqual([{ reviewId: 'rx', places: 1, reason: 'eligible-reviewers-full' }]);
  });

  it('on the benchmark case: everything assigned, no conflict, nobody over the cap, load spread', () => {
    const c = generatePanelCase(1);
    const context = panelContext(c);
    const result = assignPanels(c.reviews, c.reviewers, context);
    expect(c.reviews.length).toBeGreaterThan(40);
    expect(result.unfilled).toEqual([]);
    expect(result.filled).toBe(c.reviews.length * 3);
    expect(violations(c, result)).toEqual([]);
    // every panel place went to someone without a conflict, per conflictsOf as well
    const byId = new Map(c.reviewers.map((r) => [r.id, r]));
    for (const panel of result.panels) {
      const rev = c.reviews.find((r) => r.id === panel.reviewId)!;
      for (const id of panel.reviewerIds) expect(conflictsOf(byId.get(id)!, rev, context)).toEqual([]);
    }
    // nobody gets a second panel here while an equally suitable colleague has none: the load term spreads
    const count = new Map<string, number>();
    for (const p of result.panels) for (const id of p.reviewerIds) count.set(id, (count.get(id) ?? 0) + 1);
    expect(Math.max(...count.values())).toBe(1);
  });

  it('is deterministic, whatever the order of the input', () => {
    const c = generatePanelCase(3);
    const context = panelContext(c);
    const once = assignPanels(c.reviews, c.reviewers, context);
    const again = assignPanels([...c.reviews].reverse(), [...c.reviewers].reverse(), panelContext({ ...c, partnerships: [...c.partnerships].reverse() }));
    expect(again).toEqual(once);
  });

  it('respects a lower cap, counting the load already there', () => {
    const c = generatePanelCase(5);
    const context = panelContext(c);
    const result = assignPanels(c.reviews, c.reviewers, context, { cap: 1 });
    expect(violations(c, result, 1)).toEqual([]);
    const onOne = new Set(c.reviewers.filter((r) => r.load >= 1).map((r) => r.id));
    for (const p of result.panels) for (const id of p.reviewerIds) expect(onOne.has(id)).toBe(false);
  });

  it('eligible reviewers are exactly those without a conflict (the fast path agrees with conflictsOf)', () => {
    const c = generatePanelCase(7);
    const context = panelContext(c);
    for (const rev of c.reviews.slice(0, 10)) {
      const all = suggestReviewers(rev, c.reviewers, context, c.reviewers.length);
      const withoutConflict = c.reviewers.filter((r) => conflictsOf(r, rev, context).length === 0);
      expect(all.map((s) => s.reviewerId).sort()).toEqual(withoutConflict.map((r) => r.id).sort());
      // one review alone, a cap so high nobody is full, panel as large as the pool: every eligible reviewer is used
      const one = assignPanels([{ ...rev, panelSize: withoutConflict.length }], c.reviewers, context, { cap: 99 });
      expect([...one.panels[0].reviewerIds].sort()).toEqual(withoutConflict.map((r) => r.id).sort());
    }
  });
});

describe('MinCostFlow', () => {
  it('finds the maximum flow of minimum cost on a small network', () => {
    // two paths of capacity 2: cost 1+1 and 2+5; a cross edge makes a cheaper third route
    const f = new MinCostFlow(4);
    const a = f.addEdge(0, 1, 2, 1);
    const b = f.addEdge(0, 2, 2, 2);
    f.addEdge(1, 3, 1, 1);
    f.addEdge(2, 3, 3, 5);
    const cross = f.addEdge(1, 2, 1, 0);
    expect(f.run(0, 3)).toEqual({ flow: 4, cost: 1 + 1 + (1 + 0 + 5) + 2 * (2 + 5) });
    expect([f.flowOn(a), f.flowOn(b), f.flowOn(cross)]).toEqual([2, 2, 1]);
    expect(f.run(0, 3, [cross])).toEqual({ flow: 3, cost: 2 + 14 });
  });
  it('refuses negative costs', () => {
    expect(() => new MinCostFlow(2).addEdge(0, 1, 1, -1)).toThrow();
  });
});

describe('visitsBehind', () => {
  const past: PastReview[] = [
    { reviewId: 'p1', reviewerPartnershipId: 'A', reviewedPartnershipId: 'B', date: '2024-01-01' },
    { reviewId: 'p1', reviewerPartnershipId: 'A', reviewedPartnershipId: 'B', date: '2024-01-01' }, // a second member, same visit
    { reviewId: 'p2', reviewerPartnershipId: 'A', reviewedPartnershipId: 'C', date: '2021-01-01' }, // exactly six years: counts
    { reviewId: 'p3', reviewerPartnershipId: 'B', reviewedPartnershipId: 'C', date: '2020-12-31' }, // too long ago
    { reviewerPartnershipId: 'B', reviewedPartnershipId: 'A', date: '2025-01-01' },
    { reviewerPartnershipId: 'C', reviewedPartnershipId: 'A', date: '2027-02-01' }, // after now
  ];
  it('counts distinct visits in the window and lists those behind, most behind first', () => {
    const list = visitsBehind([{ id: 'A' }, { id: 'B' }, { id: 'C' }, { id: 'D' }], past, '2027-01-01');
    expect(list).toEqual([
      { partnershipId: 'C', visits: 0, missing: 2 },
      { partnershipId: 'D', visits: 0, missing: 2 },
      { partnershipId: 'B', visits: 1, missing: 1 },
    ]);
    expect(visitsBehind([{ id: 'A' }], past, '2027-01-01', { minimum: 3 })).toEqual([{ partnershipId: 'A', visits: 2, missing: 1 }]);
    expect(visitsBehind([{ id: 'A' }], past, '2027-01-01', { years: 4 })).toEqual([{ partnershipId: 'A', visits: 1, missing: 1 }]);
  });
  it('subtracts whole years from ISO dates', () => {
    expect(yearsBefore('2027-06-01', 6)).toBe('2021-06-01');
    expect(yearsBefore('2028-02-29', 6)).toBe('2022-02-29');
    expect(() => yearsBefore('1 juni 2027', 6)).toThrow();
  });
});
