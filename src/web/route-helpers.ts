import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccountActor } from '../platform/auth/actor.ts';
import type { ActorContext } from '../platform/audit/audit.ts';
import { absoluteTimeoutMs, sessionCookie } from '../platform/auth/sessions.ts';
import { AppError } from '../platform/errors.ts';
import { rotateCsrf } from './csrf.ts';
import { sameOriginPath } from './same-origin-path.ts';
import type { FieldError } from '../ui/components/error-summary.tsx';

/** Who asks, and the request's id for the audit trail: what every use case takes. */
export const contextOf = (req: FastifyRequest): ActorContext => ({ actor: req.actor, requestId: req.id });

/** For routes whose access rule guarantees a signed-in account. */
export function accountContextOf(req: FastifyRequest): ActorContext & { actor: AccountActor } {
  if (req.actor.type !== 'account') throw new AppError('unauthenticated', 'Log in om dit te doen.');
  return { actor: req.actor, requestId: req.id };
}

/** Only a path on this site is a way back: never another host (no open redirect, see sameOriginPath). */
export function safeBack(value: unknown, fallback = '/account'): string {
  return sameOriginPath(value, fallback);
}

export function formBody(req: FastifyRequest): Record<string, string> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') out[key] = value.slice(0, 1000);
    else if (Array.isArray(value)) out[key] = value.filter((v) => typeof v === 'string').join(',').slice(0, 1000);
  }
  return out;
}

/** Only a validation refusal, as the error summary's list; any other error (a conflict too) goes on to the error page. */
export function validationErrorsOf(error: unknown): FieldError[] {
  if (error instanceof AppError && error.code === 'validation_failed') return (error.extra.invalidParams ?? []).map((p) => ({ field: p.name, message: p.reason }));
  throw error;
}

/** A validation refusal as the error summary's list; any other error goes on to the error page. */
export function fieldErrorsOf(error: unknown, fallbackField: string): FieldError[] {
  if (error instanceof AppError && error.code === 'validation_failed') {
    const params = error.extra.invalidParams ?? [];
    return params.length ? params.map((p) => ({ field: p.name, message: p.reason })) : [{ field: fallbackField, message: error.detail ?? '' }];
  }
  if (error instanceof AppError && (error.code === 'bad_request' || error.code === 'conflict' || error.code === 'not_found')) {
    return [{ field: fallbackField, message: error.detail ?? '' }];
  }
  throw error;
}

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(sessionCookie, token, { path: '/', httpOnly: true, secure, sameSite: 'lax', maxAge: absoluteTimeoutMs / 1000 });
  rotateCsrf(req, reply, secure);
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply, secure: boolean) {
  reply.clearCookie(sessionCookie, { path: '/' });
  rotateCsrf(req, reply, secure);
}
