/**
 * Generated panel-assignment cases with a fixed seed, for the tests and `npm run bench -- panels` (decision
 * 031). Not for the product. Partnerships draw their members from a region: a teacher-education institute
 * (a few per province, so many partnerships share one) and boards mostly of their own province (so some share
 * a board); reviewers belong to partnerships; past reviews over the last six years; the reviews due are a
 * sixth of the recognised partnerships (developmental, every six years) and the aspirant ones in their
 * fourth year (assessing).
 */
import { seededRandom } from '../grouping/diverse-groups.ts';
import type { PanelReview, Partnership, PastReview, Reviewer } from './panel-assignment.ts';

export type PanelCase = {
  seed: number;
  now: string;
  partnerships: Partnership[];
  reviewers: Reviewer[];
  pastReviews: PastReview[];
  reviews: PanelReview[];
};

export type PanelProfile = {
  partnerships: number;
  reviewers: number;
  provinces: number;
  coropRegions: number;
  institutes: number;
  boards: number;
  /** past reviews in the six years before `now` */
  pastReviews: number;
  panelSize: [number, number];
  /** when set: exactly this many reviews (of the first partnerships), instead of those due this year */
  reviews?: number;
  declaredConflictShare: number;
  /** shares of reviewers already on 0, 1, 2 panels */
  load: [number, number, number];
};

export const benchProfile: PanelProfile = {
  partnerships: 300,
  reviewers: 1500,
  provinces: 12,
  coropRegions: 40,
  institutes: 30,
  boards: 1000,
  pastReviews: 250,
  panelSize: [3, 3],
  declaredConflictShare: 0.08,
  load: [0.7, 0.25, 0.05],
};

/** Small enough for `exactPanels`: 3–6 partnerships sharing members often, up to 8 reviewers, up to 3 reviews. */
export function smallProfile(random: () => number): PanelProfile {
  const int = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
  return {
    partnerships: int(3, 6),
    reviewers: int(4, 8),
    provinces: int(1, 3),
    coropRegions: int(2, 5),
    institutes: int(2, 4),
    boards: int(6, 14),
    pastReviews: int(0, 3),
    panelSize: [1, 3],
    reviews: int(1, 3),
    declaredConflictShare: 0.15,
    load: [0.6, 0.3, 0.1],
  };
}

export const defaultNow = '2027-01-01';

export function generatePanelCase(seed: number, profile: PanelProfile | ((random: () => number) => PanelProfile) = benchProfile, now = defaultNow): PanelCase {
  const random = seededRandom(seed);
  const shape = typeof profile === 'function' ? profile(random) : profile;
  const int = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const year = Number(now.slice(0, 4));
  const pad = (n: number, width = 3) => String(n).padStart(width, '0');
  const date = (y: number) => `${y}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}`;

  const provinces = Array.from({ length: shape.provinces }, (_, i) => `province-${pad(i, 2)}`);
  const coropProvince = Array.from({ length: shape.coropRegions }, (_, c) => provinces[c % shape.provinces]);
  const coropsIn = (province: string) => coropProvince.flatMap((p, c) => (p === province ? [`corop-${pad(c, 2)}`] : []));
  const institutes = Array.from({ length: shape.institutes }, (_, i) => ({ id: `institute-${pad(i)}`, province: provinces[i % shape.provinces] }));
  const boards = Array.from({ length: shape.boards }, (_, i) => ({ id: `board-${pad(i, 4)}`, province: pick(provinces) }));

  const partnerships: Partnership[] = Array.from({ length: shape.partnerships }, (_, i) => {
    const province = pick(provinces);
    const local = coropsIn(province);
    const home = local.length > 0 ? pick(local) : `corop-${pad(int(0, shape.coropRegions - 1), 2)}`;
    const corops = new Set([home]);
    for (let k = int(0, 2); k > 0 && local.length > 0; k--) corops.add(pick(local));
    const provinceSet = new Set([province]);
    if (random() < 0.15) {
      const other = pick(provinces);
      provinceSet.add(other);
      const there = coropsIn(other);
      if (there.length > 0) corops.add(pick(there));
    }
    const nearInstitutes = institutes.filter((x) => x.province === province);
    const institute = random() < 0.7 && nearInstitutes.length > 0 ? pick(nearInstitutes) : pick(institutes);
    const nearBoards = boards.filter((b) => b.province === province);
    const members = new Set([institute.id]);
    for (let k = int(2, 5); k > 0; k--) members.add((random() < 0.85 && nearBoards.length > 0 ? pick(nearBoards) : pick(boards)).id);
    const sectors = (['po', 'vo', 'mbo'] as const).filter((_, s) => random() < [0.9, 0.4, 0.15][s]);
    return {
      id: `partnership-${pad(i)}`,
      memberOrganisationIds: [...members].sort(),
      sectors: sectors.length > 0 ? sectors : ['po'],
      provinces: [...provinceSet].sort(),
      coropRegions: [...corops].sort(),
    };
  });

  const reviewers: Reviewer[] = Array.from({ length: shape.reviewers }, (_, i) => {
    const partnership = i < partnerships.length ? partnerships[i] : pick(partnerships);
    const sectors = partnership.sectors.filter(() => random() < 0.7);
    const x = random();
    const load = x < shape.load[0] ? 0 : x < shape.load[0] + shape.load[1] ? 1 : 2;
    const declaredConflicts = random() < shape.declaredConflictShare ? [...new Set(Array.from({ length: int(1, 2) }, () => pick(partnerships).id))].sort() : [];
    return {
      id: `reviewer-${pad(i, 4)}`,
      partnershipId: partnership.id,
      sectors: sectors.length > 0 ? sectors : [partnership.sectors[0]],
      yearsOfExperience: Math.floor(random() ** 2 * 16), // most have a few years, some many
      load,
      declaredConflicts,
    };
  });

  const pastReviews: PastReview[] = [];
  for (let k = 0; k < shape.pastReviews; k++) {
    const reviewed = pick(partnerships);
    const when = date(year - int(1, 6));
    const panel = new Set<string>();
    for (let m = 0; m < 3; m++) {
      const from = pick(partnerships);
      if (from.id !== reviewed.id) panel.add(from.id);
    }
    for (const from of panel) pastReviews.push({ reviewId: `past-${pad(k)}`, reviewerPartnershipId: from, reviewedPartnershipId: reviewed.id, date: when });
  }

  const reviews: PanelReview[] = [];
  partnerships.forEach((p, i) => {
    const size = int(shape.panelSize[0], shape.panelSize[1]);
    const due = date(year);
    if (shape.reviews !== undefined) {
      if (i < shape.reviews)
        reviews.push({ id: `review-${pad(i)}`, partnershipId: p.id, kind: random() < 0.5 ? 'beoordelend' : 'ontwikkelingsgericht', panelSize: size, due });
      return;
    }
    const recognised = random() < 0.8;
    // recognised: a developmental review every six years (one year in six is this one);
    // aspirant: the assessing review in the fourth year (started 1–4 years ago)
    const dueNow = recognised ? int(0, 5) === 0 : int(1, 4) === 4;
    if (dueNow) reviews.push({ id: `review-${pad(i)}`, partnershipId: p.id, kind: recognised ? 'ontwikkelingsgericht' : 'beoordelend', panelSize: size, due });
  });
  return { seed, now, partnerships, reviewers, pastReviews, reviews };
}
