import { z } from 'zod';
import { defineJob } from '../../platform/jobs.ts';
import { dutchToday, isCalendarDate } from '../../platform/dates/calendar.ts';
import { runNightlyReregistration, type NightlyDeps } from './reregistration.service.ts';

/** Today in the Netherlands (JJJJ-MM-DD): the night's run belongs to the Dutch calendar day, not UTC's. */

const payload = z.object({ datum: z.string().refine(isCalendarDate, 'een datum als 2027-03-01').optional() });

/**
 * The nightly re-registration run (reminders, onder voorwaarden, herregistratie verlopen), scheduled
 * by pg-boss at 02:30 Dutch time. Safe to run again on the same day: each notice is sent once.
 */
export function reregistrationJob(deps: NightlyDeps, log: (msg: string, err?: unknown) => void = () => {}) {
  return defineJob({
    name: 'herregistratie-nacht',
    payload,
    schedule: { cron: '30 2 * * *', tz: 'Europe/Amsterdam', payload: {} },
    async handle({ datum }) {
      const asOf = datum ?? dutchToday();
      const run = await runNightlyReregistration(deps, asOf);
      log(`herregistratie ${asOf}: ${run.evaluated} beoordeeld, ${run.mailed} berichten verstuurd`);
    },
  });
}
