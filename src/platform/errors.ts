import type { Message } from './i18n.ts';

/**
 * The one error type a use case throws. `code` decides the HTTP status and the Dutch/English title in
 * one place (error-mapping.ts); `detail` is a message for the person or client: a text key with its
 * parameters, translated where the error becomes a page or a problem.
 */
export type AppErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'not_acceptable'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export type InvalidParam = { name: string; reason: Message | string };

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly detail?: Message | string,
    readonly extra: { invalidParams?: InvalidParam[]; cause?: unknown } = {},
  ) {
    super(typeof detail === 'string' ? detail : (detail?.key ?? code), { cause: extra.cause });
    this.name = 'AppError';
  }

  static notFound(detail?: Message | string) {
    return new AppError('not_found', detail);
  }

  static validation(invalidParams: InvalidParam[], detail?: Message | string) {
    return new AppError('validation_failed', detail, { invalidParams });
  }
}
