import { AppError, type AppErrorCode } from './errors.ts';
import { message, translateMessage, type Lang } from './i18n.ts';

const statusByCode: Record<AppErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  not_acceptable: 406,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

const titles: Record<AppErrorCode, Record<Lang, string>> = {
  bad_request: { nl: 'Ongeldig verzoek', en: 'Bad request' },
  validation_failed: { nl: 'De invoer is niet geldig', en: 'The input is not valid' },
  unauthenticated: { nl: 'Niet ingelogd', en: 'Not signed in' },
  forbidden: { nl: 'Geen toegang', en: 'Access denied' },
  not_found: { nl: 'Niet gevonden', en: 'Not found' },
  conflict: { nl: 'Conflict met de huidige toestand', en: 'Conflict with the current state' },
  payload_too_large: { nl: 'Bestand of verzoek te groot', en: 'File or request too large' },
  unsupported_media_type: { nl: 'Dit soort inhoud wordt niet ondersteund', en: 'Unsupported media type' },
  not_acceptable: { nl: 'Gevraagd formaat niet beschikbaar', en: 'Requested format not available' },
  rate_limited: { nl: 'Te veel verzoeken', en: 'Too many requests' },
  unavailable: { nl: 'Tijdelijk niet beschikbaar', en: 'Temporarily unavailable' },
  internal: { nl: 'Er ging iets mis aan onze kant', en: 'Something went wrong on our side' },
};

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: AppErrorCode;
  invalidParams?: { name: string; reason: string }[];
};

export function statusOf(code: AppErrorCode): number {
  return statusByCode[code];
}

export function titleOf(code: AppErrorCode, lang: Lang): string {
  return titles[code][lang];
}

/** Anything thrown while handling a request becomes an AppError; unknown errors are internal. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as { statusCode?: number; code?: string; message?: string; validation?: unknown };
  if (e?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('payload_too_large', message('error.requestTooLarge'));
  if (e?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError('unsupported_media_type', message('error.mediaTypeRefused'));
  if (e?.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || e?.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH')
    return new AppError('bad_request', message('error.requestIncomplete'));
  if (e?.statusCode === 400 && e.message?.includes('JSON')) return new AppError('bad_request', message('error.jsonUnreadable'));
  if (e?.statusCode === 404) return new AppError('not_found');
  if (e?.statusCode === 429) return new AppError('rate_limited', message('error.waitAndRetry'));
  return new AppError('internal', undefined, { cause: error });
}

export function toProblem(error: AppError, instance: string, lang: Lang = 'nl'): Problem {
  const status = statusOf(error.code);
  return {
    type: `https://beroepsregister.nl/problemen/${error.code.replace(/_/g, '-')}`,
    title: titleOf(error.code, lang),
    status,
    ...(error.detail && error.code !== 'internal' ? { detail: translateMessage(lang, error.detail) } : {}),
    instance,
    code: error.code,
    ...(error.extra.invalidParams ? { invalidParams: error.extra.invalidParams.map((p) => ({ name: p.name, reason: translateMessage(lang, p.reason) })) } : {}),
  };
}
