import { z } from 'zod';
import { defineJob } from '../../platform/jobs.ts';
import { sendReminders, type EventDeps } from './events.service.ts';

/**
 * The reminders two days ahead, every morning at 08:30 Dutch time (people read mail then), and again at
 * 14:30 for an event planned meanwhile. Safe to run again, or twice at once: each registration is
 * marked reminded in the transaction that queues its mail, so nobody gets two.
 */
export function eventRemindersJob(deps: EventDeps, log: (msg: string) => void = () => {}) {
  return defineJob({
    name: 'bijeenkomsten-herinneringen',
    payload: z.object({}),
    schedule: { cron: '30 8,14 * * *', tz: 'Europe/Amsterdam', payload: {} },
    async handle() {
      const { mailed } = await sendReminders(deps);
      if (mailed > 0) log(`bijeenkomsten-herinneringen: ${mailed} ${mailed === 1 ? 'herinnering' : 'herinneringen'} verstuurd`);
    },
  });
}
