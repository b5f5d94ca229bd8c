/**
 * The one error type a use case throws. `code` decides the HTTP status and the Dutch/English title in
 * one place (error-mapping.ts); `detail` is a message for the person or client, in Dutch.
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

export type InvalidParam = { name: string; reason: string };

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly detail?: string,
    readonly extra: { invalidParams?: InvalidParam[]; cause?: unknown } = {},
  ) {
    super(detail ?? code, { cause: extra.cause });
    this.name = 'AppError';
  }

  static notFound(detail?: string) {
    return new AppError('not_found', detail);
  }

  static validation(invalidParams: InvalidParam[], detail?: string) {
    return new AppError('validation_failed', detail, { invalidParams });
  }
}
