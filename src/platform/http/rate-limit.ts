import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

/**
 * A fixed-window request budget per key (an IP address, a token), kept in this process's memory.
 * Several app processes each keep their own budget: the limits are a brake on guessing and abuse,
 * not an exact quota.
 */
export function rateLimit(options: { max: number; windowMs: number; key: (req: FastifyRequest) => string; message: string }) {
  const windows = new Map<string, { count: number; resetAt: number }>();
  let nextSweep = Date.now() + options.windowMs;
  return async function limit(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const now = Date.now();
    if (now > nextSweep) {
      for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
      nextSweep = now + options.windowMs;
    }
    const key = options.key(req);
    let window = windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + options.windowMs };
      windows.set(key, window);
    }
    window.count++;
    if (window.count > options.max) {
      reply.header('Retry-After', String(Math.ceil((window.resetAt - now) / 1000)));
      throw new AppError('rate_limited', options.message);
    }
  };
}
