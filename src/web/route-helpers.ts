import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccountActor } from '../platform/auth/actor.ts';
import type { ActorContext } from '../platform/audit/audit.ts';
import { absoluteTimeoutMs, sessionCookie } from '../platform/auth/sessions.ts';
import { AppError } from '../platform/errors.ts';
import { message, translateMessage } from '../platform/i18n.ts';
import { rotateCsrf } from './csrf.ts';
import { sameOriginPath } from './same-origin-path.ts';
import type { FieldError } from '../ui/components/error-summary.tsx';

/** Who asks, and the request's id for the audit trail: what every use case takes. */
export const contextOf = (req: FastifyRequest): ActorContext => ({ actor: req.actor, requestId: req.id });

/** For routes whose access rule guarantees a signed-in account. */
export function accountContextOf(req: FastifyRequest): ActorContext & { actor: AccountActor } {
  if (req.actor.type !== 'account') throw new AppError('unauthenticated', message('error.signInFirst'));
  return { actor: req.actor, requestId: req.id };
}

/** Where signing in lands when no way back was given: the start page (src/features/start-page). */
export const startPagePath = '/start';

/** Only a path on this site is a way back: never another host (no open redirect, see sameOriginPath). */
export function safeBack(value: unknown, fallback = startPagePath): string {
  return sameOriginPath(value, fallback);
}

/** Only a validation refusal, as the error summary's list in the reader's language; any other error (a conflict too) goes on to the error page. */
export function validationErrorsOf(req: FastifyRequest, error: unknown): FieldError[] {
  if (error instanceof AppError && error.code === 'validation_failed') {
    return (error.extra.invalidParams ?? []).map((p) => ({ field: p.name, message: translateMessage(req.lang, p.reason) }));
  }
  throw error;
}

/** A validation refusal as the error summary's list in the reader's language; any other error goes on to the error page. */
export function fieldErrorsOf(req: FastifyRequest, error: unknown, fallbackField: string): FieldError[] {
  const text = (value: Parameters<typeof translateMessage>[1] | undefined) => (value ? translateMessage(req.lang, value) : '');
  if (error instanceof AppError && error.code === 'validation_failed') {
    const params = error.extra.invalidParams ?? [];
    return params.length ? params.map((p) => ({ field: p.name, message: text(p.reason) })) : [{ field: fallbackField, message: text(error.detail) }];
  }
  if (error instanceof AppError && (error.code === 'bad_request' || error.code === 'conflict' || error.code === 'not_found')) {
    return [{ field: fallbackField, message: text(error.detail) }];
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
