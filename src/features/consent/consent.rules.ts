/**
 * An activity as a board with the professional's consent sees it: kind, title, provider, dates, hours,
 * points and themes. Learning goals, reflection and proof stay the professional's own.
 */
export type VisibleActivity = {
  id: string;
  kind: string;
  title: string;
  provider: string | null;
  startedOn: string;
  completedOn: string;
  hours: number;
  /** set only by those who value it (accredited offering or assessors); null while not valued */
  points: number | null;
  themes: string[];
  /** eigen (recorded by the professional) or aanbod (from an accredited offering's attendance) */
  source: string;
};

export type DevelopmentTotals = { activities: number; hours: number; points: number; themes: string[] };

/**
 * The totals under the board's list: how many activities, their hours (to a tenth, as they are entered)
 * and points (unvalued ones count 0), and every theme they touched, in the order first met.
 */
export function totalsOf(activities: readonly Pick<VisibleActivity, 'hours' | 'points' | 'themes'>[]): DevelopmentTotals {
  const tenths = activities.reduce((sum, a) => sum + Math.round(a.hours * 10), 0);
  const points = activities.reduce((sum, a) => sum + (a.points ?? 0), 0);
  const themes = [...new Set(activities.flatMap((a) => a.themes))];
  return { activities: activities.length, hours: tenths / 10, points, themes };
}

/** Revoking needs the box ticked: anything but the checkbox's value is no confirmation. */
export function isConfirmed(value: unknown): boolean {
  return value === 'ja';
}
