import { z } from 'zod';
import { defineJob } from './jobs.ts';

let lastBeat: Date | null = null;

/** A job that only records when it ran: /health shows that the queue takes and works jobs. */
export const heartbeatJob = defineJob({
  name: 'platform-heartbeat',
  payload: z.object({ sentAt: z.string().datetime() }),
  async handle() {
    lastBeat = new Date();
  },
});

export function lastHeartbeat(): Date | null {
  return lastBeat;
}
