import type { Db } from '../../db/database.ts';
import * as repo from './reregistration.repo.ts';
import { evaluateTotals, ruleOfVersion, standingOn } from './reregistration.rules.ts';

export type NightlyEvaluation = {
  evaluated: number;
  /** the rule is met: they can re-register now */
  met: number;
  standing: Record<'geregistreerd' | 'onder voorwaarden' | 'herregistratie verlopen', number>;
};

/**
 * The nightly evaluation: every registered professional's last period against the rule of its
 * register version, as of `asOf`. What it finds is what reminders and the lapse to onder voorwaarden
 * act on. Each batch reads all activities once (a hash join, as a plain aggregate would), so the
 * batches are large: one pass up to a million professionals, about 200 bytes each in memory.
 */
export async function evaluateAllRegistrations(db: Db, asOf: string, batchSize = 1_000_000): Promise<NightlyEvaluation> {
  const result: NightlyEvaluation = { evaluated: 0, met: 0, standing: { geregistreerd: 0, 'onder voorwaarden': 0, 'herregistratie verlopen': 0 } };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const batch = await repo.registrationTotalsAfter(db, after, asOf, batchSize);
    for (const r of batch) {
      const period = { since: r.since, until: r.until };
      if (evaluateTotals(ruleOfVersion(r), period, r.totals).met) result.met++;
      result.standing[standingOn(r.until, asOf)]++;
    }
    result.evaluated += batch.length;
    if (batch.length < batchSize) return result;
    after = batch.reduce((last, r) => (r.enrolmentId > last ? r.enrolmentId : last), after);
  }
}
