import fastifyRateLimit from '@fastify/rate-limit';
import type { Message } from '../platform/i18n.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../platform/errors.ts';

/**
 * Request budgets per key (an IP address, a token), counted by @fastify/rate-limit in this process's
 * memory (an LRU of 10,000 keys per budget). Several app processes each keep their own count: the limits
 * are a brake on guessing and abuse, not an exact quota. The client address is the socket's, or the one a
 * proxy named in TRUSTED_PROXIES passes on (see app.ts), never a header anyone can set.
 */
export const rateLimiting = fp(async (app: FastifyInstance) => {
  await app.register(fastifyRateLimit, { global: false, cache: 10_000 });
});

export type RateLimitOptions = { max: number; windowMs: number; key: (req: FastifyRequest) => string; message: Message };

/**
 * A hook that counts the request against its key's budget and, over it, answers 429 with Retry-After
 * (through the one error mapping: problem+json for the API, an error page for a person). Unlike the
 * plugin's own route hook, several budgets can count one request.
 */
export function rateLimit(app: FastifyInstance, options: RateLimitOptions) {
  const count = app.createRateLimit({ max: options.max, timeWindow: options.windowMs, keyGenerator: options.key });
  return async function limit(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const result = await count(req);
    if (result.isAllowed || !result.isExceeded) return;
    reply.header('Retry-After', String(Math.max(1, result.ttlInSeconds)));
    throw new AppError('rate_limited', options.message);
  };
}
