/**
 * Peer-review panels for Samen Opleiden partnerships without conflicts of interest (issue 22 part 5,
 * decision 031). Pure code: no database, no feature; a feature and the benchmark both import it.
 *
 * - `conflictsOf`: the conflict rules a reviewer breaks for a review (codes a page can name).
 * - `suitability`: how well a reviewer fits a review, with its parts.
 * - `suggestReviewers`: the best-fitting reviewers for one review, never a conflicted one.
 * - `checkOverride`: a staff choice is allowed unless it breaks a conflict rule; the refusal names the rules.
 * - `assignPanels`: a panel for every review, exact by minimum-cost flow plus branching on the one rule a
 *   flow cannot express (two partnerships reviewing each other within the same assignment).
 * - `visitsBehind`: partnerships that visited others fewer than twice in the last six years.
 */
import { MinCostFlow } from './min-cost-flow.ts';

export type ReviewKind = 'beoordelend' | 'ontwikkelingsgericht';

/** A peer review of one partnership; dates are ISO `YYYY-MM-DD`. */
export type PanelReview = { id: string; partnershipId: string; kind: ReviewKind; panelSize: number; due: string };

/** A partnership: its member organisations (boards, schools, institutes, by id) and where and what it is. */
export type Partnership = {
  id: string;
  memberOrganisationIds: readonly string[];
  sectors: readonly string[];
  provinces: readonly string[];
  coropRegions: readonly string[];
};

/** A member of a partnership available for panels. `load`: the panels this reviewer is already on this year. */
export type Reviewer = {
  id: string;
  partnershipId: string;
  sectors: readonly string[];
  yearsOfExperience: number;
  load: number;
  /** partnership ids this reviewer declared a conflict of interest with */
  declaredConflicts: readonly string[];
};

/** A member of `reviewerPartnershipId` sat on the panel that reviewed `reviewedPartnershipId` on `date`. */
export type PastReview = { reviewId?: string; reviewerPartnershipId: string; reviewedPartnershipId: string; date: string };

export type ConflictRule = 'own-partnership' | 'shared-member' | 'declared-conflict' | 'mutual-review';
export const conflictRules: readonly ConflictRule[] = ['own-partnership', 'shared-member', 'declared-conflict', 'mutual-review'];

/** How many years back a past review counts for the mutual-review rule and for visits. */
export const reviewWindowYears = 6;

export const suitabilityWeights = {
  /** the reviewer has a sector of the reviewed partnership */
  sector: 60,
  /** the reviewer's partnership shares a province with the reviewed one */
  province: 20,
  /** … and a COROP region */
  corop: 10,
  /** per whole year of experience, up to `experienceCapYears` */
  experiencePerYear: 2,
  experienceCapYears: 10,
  /** subtracted per panel the reviewer is already on */
  loadPerPanel: 10,
} as const;

export type Suitability = { total: number; sector: number; province: number; corop: number; experience: number; load: number };

/** The partnerships and past reviews, indexed once. */
export type PanelContext = {
  partnerships: ReadonlyMap<string, Partnership>;
  /** for each organisation id, the partnerships it is a member of */
  partnershipsOfMember: ReadonlyMap<string, readonly string[]>;
  /** `${reviewer partnership}\u0000${reviewed partnership}` → the latest date */
  latestReview: ReadonlyMap<string, string>;
  pastReviews: readonly PastReview[];
};

export function panelContext(input: { partnerships: readonly Partnership[]; pastReviews?: readonly PastReview[] }): PanelContext {
  const partnerships = new Map<string, Partnership>();
  const partnershipsOfMember = new Map<string, string[]>();
  for (const p of input.partnerships) {
    partnerships.set(p.id, p);
    for (const member of new Set(p.memberOrganisationIds)) {
      const list = partnershipsOfMember.get(member);
      if (list) list.push(p.id);
      else partnershipsOfMember.set(member, [p.id]);
    }
  }
  const latestReview = new Map<string, string>();
  for (const r of input.pastReviews ?? []) {
    const key = pairKey(r.reviewerPartnershipId, r.reviewedPartnershipId);
    const date = r.date.slice(0, 10);
    const known = latestReview.get(key);
    if (known === undefined || date > known) latestReview.set(key, date);
  }
  return { partnerships, partnershipsOfMember, latestReview, pastReviews: input.pastReviews ?? [] };
}

function pairKey(reviewer: string, reviewed: string): string {
  return `${reviewer}\u0000${reviewed}`;
}

/** `YYYY-MM-DD` minus whole years, as a string that compares correctly with other ISO dates. */
export function yearsBefore(date: string, years: number): string {
  const year = Number(date.slice(0, 4));
  if (!/^\d{4}-\d{2}-\d{2}/.test(date)) throw new Error(`Not an ISO date: ${date}`);
  return `${String(year - years).padStart(4, '0')}${date.slice(4, 10)}`;
}

function intersects(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const set = new Set(b);
  return a.some((x) => set.has(x));
}

function partnershipOf(context: PanelContext, id: string): Partnership {
  const p = context.partnerships.get(id);
  if (!p) throw new Error(`Unknown partnership: ${id}`);
  return p;
}

/** True when a member of `reviewed` sat on a panel reviewing `reviewer`'s partnership in the window before `due`. */
function reviewedBy(context: PanelContext, reviewerPartnership: string, reviewedPartnership: string, due: string): boolean {
  const latest = context.latestReview.get(pairKey(reviewedPartnership, reviewerPartnership));
  return latest !== undefined && latest >= yearsBefore(due, reviewWindowYears);
}

/**
 * The conflict rules `reviewer` breaks for `review`, in the order of `conflictRules`; empty when none.
 * - own-partnership: the reviewer is a member of the reviewed partnership;
 * - shared-member: the reviewer's partnership and the reviewed one share a member organisation;
 * - declared-conflict: the reviewer declared a conflict with the reviewed partnership;
 * - mutual-review: a member of the reviewed partnership sat on a panel reviewing the reviewer's partnership
 *   within six years before the review's due date (then the reviewed partnership does not get it back).
 */
export function conflictsOf(reviewer: Reviewer, review: PanelReview, context: PanelContext): ConflictRule[] {
  const rules: ConflictRule[] = [];
  const own = reviewer.partnershipId === review.partnershipId;
  if (own) rules.push('own-partnership');
  const reviewed = partnershipOf(context, review.partnershipId);
  if (!own) {
    const shares = reviewed.memberOrganisationIds.some((m) => context.partnershipsOfMember.get(m)?.includes(reviewer.partnershipId));
    if (shares) rules.push('shared-member');
  }
  if (reviewer.declaredConflicts.includes(review.partnershipId)) rules.push('declared-conflict');
  if (!own && reviewedBy(context, reviewer.partnershipId, review.partnershipId, review.due)) rules.push('mutual-review');
  return rules;
}

/**
 * How well `reviewer` fits `review` (decision 031): sector 60 when the reviewer has a sector of the reviewed
 * partnership; province 20 when their partnerships share a province, COROP 10 more when they share a COROP
 * region; experience 2 per whole year up to 10 years; load −10 per panel the reviewer is on (`extraLoad`:
 * panels given in the assignment being made). Whole numbers, so totals compare exactly.
 */
export function suitability(reviewer: Reviewer, review: PanelReview, context: PanelContext, extraLoad = 0): Suitability {
  const w = suitabilityWeights;
  const reviewed = partnershipOf(context, review.partnershipId);
  const own = partnershipOf(context, reviewer.partnershipId);
  const sector = intersects(reviewer.sectors, reviewed.sectors) ? w.sector : 0;
  const province = intersects(own.provinces, reviewed.provinces) ? w.province : 0;
  const corop = intersects(own.coropRegions, reviewed.coropRegions) ? w.corop : 0;
  const years = Math.max(0, Math.floor(reviewer.yearsOfExperience));
  const experience = w.experiencePerYear * Math.min(years, w.experienceCapYears);
  const panels = Math.max(0, reviewer.load) + extraLoad;
  const load = panels === 0 ? 0 : -w.loadPerPanel * panels;
  return { total: sector + province + corop + experience + load, sector, province, corop, experience, load };
}

export type Suggestion = { reviewerId: string; partnershipId: string; suitability: Suitability };

/** The `n` best reviewers for `review`, best first (ties by id); never one that breaks a conflict rule. */
export function suggestReviewers(review: PanelReview, reviewers: readonly Reviewer[], context: PanelContext, n = 10): Suggestion[] {
  return reviewers
    .filter((r) => conflictsOf(r, review, context).length === 0)
    .map((r) => ({ reviewerId: r.id, partnershipId: r.partnershipId, suitability: suitability(r, review, context) }))
    .sort((a, b) => b.suitability.total - a.suitability.total || compare(a.reviewerId, b.reviewerId))
    .slice(0, Math.max(0, n));
}

export type OverrideCheck = { ok: true } | { ok: false; rules: (ConflictRule | 'already-on-panel')[] };

/**
 * Staff may put any reviewer on a panel whatever the rank, but never against a conflict rule: refused with
 * the rules broken (and `already-on-panel` when `panel`, the reviewer ids already on it, holds them).
 */
export function checkOverride(reviewer: Reviewer, review: PanelReview, context: PanelContext, panel: readonly string[] = []): OverrideCheck {
  const rules: (ConflictRule | 'already-on-panel')[] = conflictsOf(reviewer, review, context);
  if (panel.includes(reviewer.id)) rules.push('already-on-panel');
  return rules.length === 0 ? { ok: true } : { ok: false, rules };
}

export type AssignOptions = {
  /** most panels a reviewer is on this year, counting `load`; default 2 */
  cap?: number;
  /** most flow solves when branching on mutual reviews within the assignment; default 64 */
  maxSolves?: number;
};

export type UnfilledReason = 'too-few-eligible' | 'eligible-reviewers-full';

export type PanelAssignment = {
  panels: { reviewId: string; reviewerIds: string[] }[];
  unfilled: { reviewId: string; places: number; reason: UnfilledReason }[];
  /** total suitability, each reviewer's k-th new panel counted with k − 1 panels of extra load */
  total: number;
  filled: number;
  /** flow problems solved; `proven`: the assignment is known to be optimal (false only when the budget ran out below the bound) */
  solves: number;
  proven: boolean;
};

export const defaultCap = 2;

/**
 * Total suitability of panels: per panel place the suitability without load, minus per reviewer
 * 10 × (load + (load + 1) + … + (load + n − 1)) for the n panels given to them here. The order panels are
 * handed out in does not change it.
 */
export function totalSuitability(
  panels: readonly { reviewId: string; reviewerIds: readonly string[] }[],
  reviews: readonly PanelReview[],
  reviewers: readonly Reviewer[],
  context: PanelContext,
): number {
  const reviewById = new Map(reviews.map((r) => [r.id, r]));
  const reviewerById = new Map(reviewers.map((r) => [r.id, r]));
  const count = new Map<string, number>();
  let total = 0;
  for (const panel of panels) {
    const review = reviewById.get(panel.reviewId);
    if (!review) throw new Error(`Unknown review: ${panel.reviewId}`);
    for (const id of panel.reviewerIds) {
      const reviewer = reviewerById.get(id);
      if (!reviewer) throw new Error(`Unknown reviewer: ${id}`);
      const before = count.get(id) ?? 0;
      total += suitability(reviewer, review, context, before).total;
      count.set(id, before + 1);
    }
  }
  return total;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type Solved = { filled: number; total: number; chosen: number[][]; forbidden: ReadonlySet<string> };

/**
 * A panel for each review: no reviewer who breaks a conflict rule, no reviewer twice on a panel, nobody on
 * more than `cap` panels this year (their `load` included), as many places filled as possible and, among
 * those, the highest total suitability (`totalSuitability`, whose growing load term spreads the panels).
 * Also: two partnerships do not review each other within one assignment (when A's member is on B's panel,
 * nobody from B sits on A's), as that would break the mutual-review rule at the next assignment.
 *
 * The method: a minimum-cost flow (reviews → reviewers → sink; a reviewer's k-th new panel costs 10 ×
 * (load + k − 1) more) is exact for everything but the last rule. When its solution has partnerships
 * reviewing each other, branch: either A's members leave B's review, or B's leave A's; best first, each
 * branch's flow an upper bound, so the first solution without such a pair is optimal. After `maxSolves`
 * flows the best open branch is followed greedily (`proven: false` unless it reaches that branch's bound).
 */
export function assignPanels(
  reviews: readonly PanelReview[],
  reviewers: readonly Reviewer[],
  context: PanelContext,
  options: AssignOptions = {},
): PanelAssignment {
  const cap = options.cap ?? defaultCap;
  const maxSolves = options.maxSolves ?? 64;
  const rs = [...reviews].sort((a, b) => compare(a.id, b.id));
  const people = [...reviewers].sort((a, b) => compare(a.id, b.id));
  const w = suitabilityWeights;
  const eligible = eligibleReviewers(rs, people, context);
  const room = people.map((r) => Math.max(0, cap - Math.max(0, r.load)));
  let maxBase = 0;
  for (const list of eligible) for (const e of list) maxBase = Math.max(maxBase, e.base);

  // the flow network, built once: source → review (its places) → reviewer (1 per pair) → sink (room, rising cost)
  const R = rs.length;
  const source = 0;
  const sink = R + people.length + 1;
  const flow = new MinCostFlow(R + people.length + 2);
  rs.forEach((review, j) => {
    flow.addEdge(source, 1 + j, Math.max(0, review.panelSize), 0);
  });
  const edges: { review: number; reviewer: number; edge: number }[] = [];
  const edgesOfPair = new Map<string, number[]>();
  rs.forEach((review, j) => {
    for (const e of eligible[j]) {
      // cost maxBase − base ≥ 0: every unit of flow crosses exactly one such edge, so the offset changes no choice
      const edge = flow.addEdge(1 + j, 1 + R + e.reviewer, 1, maxBase - e.base);
      edges.push({ review: j, reviewer: e.reviewer, edge });
      const key = pairKey(people[e.reviewer].partnershipId, review.partnershipId);
      const list = edgesOfPair.get(key);
      if (list) list.push(edge);
      else edgesOfPair.set(key, [edge]);
    }
  });
  people.forEach((reviewer, i) => {
    for (let k = 0; k < room[i]; k++) flow.addEdge(1 + R + i, sink, 1, w.loadPerPanel * (Math.max(0, reviewer.load) + k));
  });

  let solves = 0;
  const solve = (forbidden: ReadonlySet<string>): Solved => {
    solves++;
    const closed = [...forbidden].flatMap((key) => edgesOfPair.get(key) ?? []);
    const result = flow.run(source, sink, closed);
    const chosen: number[][] = rs.map(() => []);
    for (const e of edges) if (flow.flowOn(e.edge) > 0) chosen[e.review].push(e.reviewer);
    return { filled: result.flow, total: result.flow * maxBase - result.cost, chosen, forbidden };
  };

  /** The pairs of partnerships reviewing each other in a solution, each as its two directed pairs. */
  const mutualPairs = (solved: Solved): [string, string][] => {
    const used = new Set<string>();
    const directed: [string, string][] = [];
    rs.forEach((review, j) => {
      for (const i of solved.chosen[j]) {
        const key = pairKey(people[i].partnershipId, review.partnershipId);
        if (!used.has(key)) {
          used.add(key);
          directed.push([people[i].partnershipId, review.partnershipId]);
        }
      }
    });
    directed.sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1]));
    return directed.filter(([a, b]) => a < b && used.has(pairKey(b, a))).map(([a, b]) => [pairKey(a, b), pairKey(b, a)]);
  };
  /** What the places of one direction bring in a solution (the part lost when it is forbidden, before refilling). */
  const worth = (solved: Solved, key: string): number => {
    let sum = 0;
    rs.forEach((review, j) => {
      for (const i of solved.chosen[j]) {
        if (pairKey(people[i].partnershipId, review.partnershipId) === key) sum += eligible[j].find((e) => e.reviewer === i)?.base ?? 0;
      }
    });
    return sum;
  };

  const better = (x: Solved, y: Solved) => x.filled > y.filled || (x.filled === y.filled && x.total > y.total);
  const queue: Solved[] = [solve(new Set())];
  let result: Solved | null = null;
  let proven = true;
  while (queue.length > 0) {
    // best first: the branch with the most places filled, then the highest total; ties to the oldest
    let best = 0;
    for (let q = 1; q < queue.length; q++) if (better(queue[q], queue[best])) best = q;
    const node = queue.splice(best, 1)[0];
    const pairs = mutualPairs(node);
    if (pairs.length === 0) {
      result = node;
      break;
    }
    if (solves + 2 > maxSolves) {
      // out of budget: from the best open branch, forbid for every pair the direction that brings less, until none is left
      let current = node;
      for (let open = pairs; open.length > 0; open = mutualPairs(current)) {
        const forbidden = new Set(current.forbidden);
        for (const [ab, ba] of open) forbidden.add(worth(current, ab) <= worth(current, ba) ? ab : ba);
        current = solve(forbidden);
      }
      result = current;
      // best first: `node` bounds every open branch, so reaching its value still proves the optimum
      proven = current.filled === node.filled && current.total === node.total;
      break;
    }
    queue.push(...pairs[0].map((key) => solve(new Set([...node.forbidden, key]))));
  }
  if (!result) throw new Error('assignPanels: no solution (cannot happen: forbidding pairs only empties panels)');
  const final = result;

  const panels = rs.map((review, j) => ({
    reviewId: review.id,
    reviewerIds: [...final.chosen[j]]
      .sort((a, b) => eligibleBase(eligible[j], b) - eligibleBase(eligible[j], a) || compare(people[a].id, people[b].id))
      .map((i) => people[i].id),
  }));
  const unfilled = rs.flatMap((review, j) => {
    const places = review.panelSize - final.chosen[j].length;
    if (places <= 0) return [];
    const reason: UnfilledReason = eligible[j].length < review.panelSize ? 'too-few-eligible' : 'eligible-reviewers-full';
    return [{ reviewId: review.id, places, reason }];
  });
  return { panels, unfilled, total: result.total, filled: result.filled, solves, proven };
}

/**
 * Per review, the reviewers without a conflict and their suitability without load. The same as filtering
 * with `conflictsOf` and `suitability` (a test checks it), but the partnership-level rules and region are
 * worked out once per pair of partnerships.
 */
function eligibleReviewers(rs: readonly PanelReview[], people: readonly Reviewer[], context: PanelContext): { reviewer: number; base: number }[][] {
  const w = suitabilityWeights;
  const byPartnership = new Map<string, number[]>();
  people.forEach((r, i) => {
    const list = byPartnership.get(r.partnershipId);
    if (list) list.push(i);
    else byPartnership.set(r.partnershipId, [i]);
  });
  return rs.map((review) => {
    const reviewed = partnershipOf(context, review.partnershipId);
    const sectors = new Set(reviewed.sectors);
    const sharing = new Set(reviewed.memberOrganisationIds.flatMap((m) => context.partnershipsOfMember.get(m) ?? []));
    const list: { reviewer: number; base: number }[] = [];
    for (const [partnershipId, members] of byPartnership) {
      if (partnershipId === review.partnershipId || sharing.has(partnershipId)) continue;
      if (reviewedBy(context, partnershipId, review.partnershipId, review.due)) continue;
      const own = partnershipOf(context, partnershipId);
      const region = (intersects(own.provinces, reviewed.provinces) ? w.province : 0) + (intersects(own.coropRegions, reviewed.coropRegions) ? w.corop : 0);
      for (const i of members) {
        const r = people[i];
        if (r.declaredConflicts.includes(review.partnershipId)) continue;
        const sector = r.sectors.some((x) => sectors.has(x)) ? w.sector : 0;
        const experience = w.experiencePerYear * Math.min(Math.max(0, Math.floor(r.yearsOfExperience)), w.experienceCapYears);
        list.push({ reviewer: i, base: sector + region + experience });
      }
    }
    return list.sort((a, b) => a.reviewer - b.reviewer);
  });
}

function eligibleBase(list: readonly { reviewer: number; base: number }[], reviewer: number): number {
  return list.find((e) => e.reviewer === reviewer)?.base ?? 0;
}

export type VisitsBehind = { partnershipId: string; visits: number; missing: number };

/**
 * Partnerships whose members visited others (sat on a panel of another partnership) fewer than `minimum`
 * times in the `years` up to `now` (a visit: one review, however many members sat on its panel; a past
 * review without an id counts once per reviewed partnership and date). Most behind first, then by id.
 */
export function visitsBehind(
  partnerships: readonly Pick<Partnership, 'id'>[],
  pastReviews: readonly PastReview[],
  now: string,
  options: { years?: number; minimum?: number } = {},
): VisitsBehind[] {
  const years = options.years ?? reviewWindowYears;
  const minimum = options.minimum ?? 2;
  const from = yearsBefore(now, years);
  const to = now.slice(0, 10);
  const visits = new Map<string, Set<string>>();
  for (const r of pastReviews) {
    const date = r.date.slice(0, 10);
    if (date < from || date > to || r.reviewerPartnershipId === r.reviewedPartnershipId) continue;
    const key = r.reviewId ?? `${r.reviewedPartnershipId}\u0000${date}`;
    const set = visits.get(r.reviewerPartnershipId) ?? new Set<string>();
    set.add(key);
    visits.set(r.reviewerPartnershipId, set);
  }
  return partnerships
    .map((p) => {
      const count = visits.get(p.id)?.size ?? 0;
      return { partnershipId: p.id, visits: count, missing: Math.max(0, minimum - count) };
    })
    .filter((v) => v.missing > 0)
    .sort((a, b) => b.missing - a.missing || compare(a.partnershipId, b.partnershipId));
}
