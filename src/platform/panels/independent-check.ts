/**
 * An independent check of panels against the raw data, for the tests and `npm run bench -- panels`
 * (decision 031): every rule written out again, without `conflictsOf` or the indexes of `panelContext`, with
 * dates as Date objects. Returns one line per problem; an empty list means no conflict.
 */
import type { PanelCase } from './generated-case.ts';
import type { PanelAssignment, Partnership, Reviewer } from './panel-assignment.ts';

/** An independent check of an assignment against the raw data: every rule written out again. */
export function violations(c: PanelCase, assignment: Pick<PanelAssignment, 'panels'>, cap = 2): string[] {
  const problems: string[] = [];
  const byId = new Map(c.partnerships.map((p) => [p.id, p]));
  const reviewerById = new Map(c.reviewers.map((r) => [r.id, r]));
  const reviewById = new Map(c.reviews.map((r) => [r.id, r]));
  const count = new Map<string, number>();
  const directed = new Set<string>();
  for (const panel of assignment.panels) {
    const rev = reviewById.get(panel.reviewId);
    if (!rev) {
      problems.push(`${panel.reviewId}: unknown review`);
      continue;
    }
    const reviewed = byId.get(rev.partnershipId) as Partnership;
    if (new Set(panel.reviewerIds).size !== panel.reviewerIds.length) problems.push(`${rev.id}: a reviewer twice`);
    if (panel.reviewerIds.length > rev.panelSize) problems.push(`${rev.id}: too many`);
    for (const id of panel.reviewerIds) {
      const r = reviewerById.get(id) as Reviewer;
      const own = byId.get(r.partnershipId) as Partnership;
      count.set(id, (count.get(id) ?? 0) + 1);
      directed.add(`${r.partnershipId}>${rev.partnershipId}`);
      if (r.partnershipId === rev.partnershipId) problems.push(`${rev.id} ${id}: own partnership`);
      if (own.memberOrganisationIds.some((m) => reviewed.memberOrganisationIds.includes(m))) problems.push(`${rev.id} ${id}: shared member`);
      if (r.declaredConflicts.includes(rev.partnershipId)) problems.push(`${rev.id} ${id}: declared`);
      const from = new Date(rev.due);
      from.setUTCFullYear(from.getUTCFullYear() - 6);
      const back = c.pastReviews.some(
        (p) => p.reviewerPartnershipId === rev.partnershipId && p.reviewedPartnershipId === r.partnershipId && new Date(p.date) >= from,
      );
      if (back) problems.push(`${rev.id} ${id}: mutual review`);
    }
  }
  for (const [id, n] of count) if (n + (reviewerById.get(id)?.load ?? 0) > cap) problems.push(`${id}: over the cap`);
  for (const pair of directed) {
    const [a, b] = pair.split('>');
    if (directed.has(`${b}>${a}`)) problems.push(`${a} and ${b} review each other`);
  }
  return problems;
}
