/**
 * Mutations on time: the spec asks boards to deliver changes within a month. A board without changes
 * has nothing to deliver, so a quiet spell is a prompt to look, never a verdict.
 */
export const quietAfterDays = 35;

const dayMs = 24 * 60 * 60 * 1000;

/** No delivery applied in the last 35 days (or none ever). */
export function isQuiet(lastAppliedAt: Date | null, now: Date): boolean {
  return lastAppliedAt === null || now.getTime() - lastAppliedAt.getTime() > quietAfterDays * dayMs;
}
