import { z } from 'zod';
import { defineJob } from '../../platform/jobs.ts';
import { runCheckReminders } from './check-reminders.service.ts';
import { sendDisputeDigests, type NoticeDeps } from './record-notices.service.ts';

const none = z.object({});

/**
 * The day's overview of new disputes for each board that did not ask for them at once, at 17:30 Dutch
 * time (the end of an office day). Safe to run again: a dispute in an overview is marked as told.
 */
export function disputeDigestJob(deps: NoticeDeps, log: (msg: string) => void = () => {}) {
  return defineJob({
    name: 'betwistingen-overzicht',
    payload: none,
    schedule: { cron: '30 17 * * *', tz: 'Europe/Amsterdam', payload: {} },
    async handle() {
      const sent = await sendDisputeDigests(deps);
      if (sent.mails > 0) log(`betwistingen-overzicht: ${sent.mails} e-mails aan ${sent.boards} besturen`);
    },
  });
}

/**
 * The reminders to check delivered data, every morning at 08:30 Dutch time (people read mail then).
 * Safe to run again: each reminder is recorded and sent once.
 */
export function checkRemindersJob(deps: NoticeDeps, log: (msg: string) => void = () => {}) {
  return defineJob({
    name: 'controle-herinneringen',
    payload: none,
    schedule: { cron: '30 8 * * *', tz: 'Europe/Amsterdam', payload: {} },
    async handle() {
      const run = await runCheckReminders(deps);
      if (run.persons > 0) log(`controle-herinneringen: ${run.persons} professionals herinnerd`);
    },
  });
}
