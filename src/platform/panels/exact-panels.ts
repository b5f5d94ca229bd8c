/**
 * The exact optimum of panel assignment (decision 031) by exhaustive search, a test and benchmark oracle
 * for small cases (up to about 8 reviewers and 3 reviews). Not for the product: the number of choices grows
 * exponentially. Written without the flow: every panel is every subset (of at most the panel size) of the
 * reviewers without a conflict, with room left under the cap and whose partnership is not reviewed by the
 * reviewed partnership elsewhere in the same assignment; the best is the most places filled, then the
 * highest `totalSuitability`.
 */
import { conflictsOf, defaultCap, type PanelContext, type PanelReview, type Reviewer, totalSuitability } from './panel-assignment.ts';

export type ExactPanels = { filled: number; total: number; panels: { reviewId: string; reviewerIds: string[] }[]; visited: number };

export function exactPanels(reviews: readonly PanelReview[], reviewers: readonly Reviewer[], context: PanelContext, cap = defaultCap): ExactPanels {
  const rs = [...reviews].sort((a, b) => (a.id < b.id ? -1 : 1));
  const eligible = rs.map((review) => reviewers.filter((r) => conflictsOf(r, review, context).length === 0));
  const used = new Map<string, number>(reviewers.map((r) => [r.id, Math.max(0, r.load)]));
  const chosen: Reviewer[][] = rs.map(() => []);
  let best: ExactPanels = { filled: -1, total: Number.NEGATIVE_INFINITY, panels: [], visited: 0 };
  let visited = 0;

  const reviewsEachOther = (): boolean => {
    const pairs = new Set<string>();
    rs.forEach((review, j) => {
      for (const r of chosen[j]) pairs.add(`${r.partnershipId}>${review.partnershipId}`);
    });
    for (const pair of pairs) {
      const [a, b] = pair.split('>');
      if (a !== b && pairs.has(`${b}>${a}`)) return true;
    }
    return false;
  };

  const finish = () => {
    visited++;
    if (reviewsEachOther()) return;
    const panels = rs.map((review, j) => ({ reviewId: review.id, reviewerIds: chosen[j].map((r) => r.id) }));
    const filled = chosen.reduce((s, c) => s + c.length, 0);
    const total = totalSuitability(panels, rs, reviewers, context);
    if (filled > best.filled || (filled === best.filled && total > best.total)) best = { filled, total, panels, visited: 0 };
  };

  const panel = (j: number, from: number) => {
    if (j === rs.length) return finish();
    // this panel as it is, then with one more reviewer from position `from` on
    panel(j + 1, 0);
    if (chosen[j].length >= rs[j].panelSize) return;
    for (let i = from; i < eligible[j].length; i++) {
      const r = eligible[j][i];
      if ((used.get(r.id) ?? 0) >= cap) continue;
      used.set(r.id, (used.get(r.id) ?? 0) + 1);
      chosen[j].push(r);
      panel(j, i + 1);
      chosen[j].pop();
      used.set(r.id, (used.get(r.id) ?? 0) - 1);
    }
  };
  panel(0, 0);
  return { ...best, visited };
}
