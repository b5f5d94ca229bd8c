import { z } from 'zod';
import { defineJob } from '../../platform/jobs.ts';
import { sendInvitations, type FeedbackDeps } from './feedback.service.ts';

/**
 * The invitations to give feedback, every hour from 09:15 to 21:15 Dutch time: an event that ended at
 * least two hours before gets its invitations at the next run (not at night). Safe to run again, or
 * twice at once: an invitation is unique per registration and its mail is queued in the same transaction.
 */
export function feedbackInvitationsJob(deps: FeedbackDeps, log: (msg: string) => void = () => {}) {
  return defineJob({
    name: 'feedback-uitnodigingen',
    payload: z.object({}),
    schedule: { cron: '15 9-21 * * *', tz: 'Europe/Amsterdam', payload: {} },
    async handle() {
      const { mailed } = await sendInvitations(deps);
      if (mailed > 0) log(`feedback-uitnodigingen: ${mailed} ${mailed === 1 ? 'uitnodiging' : 'uitnodigingen'} verstuurd`);
    },
  });
}
