import { translateMessage } from './i18n.ts';
import { describe, expect, it } from 'vitest';
import { AppError, type AppErrorCode } from './errors.ts';
import { statusOf, titleOf, toAppError, toProblem } from './error-mapping.ts';

const expectedStatus: Record<AppErrorCode, number> = {
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
const codes = Object.keys(expectedStatus) as AppErrorCode[];

describe('statusOf and titleOf', () => {
  it.each(codes)('%s has its HTTP status', (code) => {
    expect(statusOf(code)).toBe(expectedStatus[code]);
  });

  it('every code has a Dutch and an English title, and they differ', () => {
    for (const code of codes) {
      expect(titleOf(code, 'nl'), code).toMatch(/\S/);
      expect(titleOf(code, 'en'), code).toMatch(/\S/);
      expect(titleOf(code, 'nl'), code).not.toBe(titleOf(code, 'en'));
    }
    expect(titleOf('not_found', 'nl')).toBe('Niet gevonden');
    expect(titleOf('not_found', 'en')).toBe('Not found');
  });
});

describe('toProblem', () => {
  it('gives the RFC 9457 shape with a Dutch title, the detail and the invalid parameters', () => {
    const error = AppError.validation([{ name: 'pageSize', reason: 'is te groot of te lang' }], 'Een of meer parameters zijn niet geldig.');
    expect(toProblem(error, '/api/v1/organisaties?pageSize=500')).toEqual({
      type: 'https://beroepsregister.nl/problemen/validation-failed',
      title: 'De invoer is niet geldig',
      status: 400,
      detail: 'Een of meer parameters zijn niet geldig.',
      instance: '/api/v1/organisaties?pageSize=500',
      code: 'validation_failed',
      invalidParams: [{ name: 'pageSize', reason: 'is te groot of te lang' }],
    });
  });

  it('leaves out what an error does not have', () => {
    expect(toProblem(new AppError('conflict'), '/x')).toEqual({
      type: 'https://beroepsregister.nl/problemen/conflict',
      title: 'Conflict met de huidige toestand',
      status: 409,
      instance: '/x',
      code: 'conflict',
    });
  });

  it('uses the English title when asked', () => {
    expect(toProblem(AppError.notFound('Weg.'), '/x', 'en')).toMatchObject({ title: 'Not found', detail: 'Weg.', status: 404 });
  });

  it('never passes on the detail of an internal error', () => {
    const problem = toProblem(new AppError('internal', 'connection to 10.0.0.5 refused, password=geheim'), '/x');
    expect(problem).toEqual({
      type: 'https://beroepsregister.nl/problemen/internal',
      title: 'Er ging iets mis aan onze kant',
      status: 500,
      instance: '/x',
      code: 'internal',
    });
    expect(JSON.stringify(problem)).not.toContain('geheim');
  });
});

describe('toAppError', () => {
  it('passes an AppError on unchanged', () => {
    const error = new AppError('forbidden', 'Niet van u.');
    expect(toAppError(error)).toBe(error);
  });

  it('turns an unknown error into an internal one, keeping the cause for the log but not in the message', () => {
    const cause = new TypeError('secret stack detail');
    const error = toAppError(cause);
    expect(error.code).toBe('internal');
    expect(error.detail).toBeUndefined();
    expect(error.extra.cause).toBe(cause);
    expect(toProblem(error, '/x')).not.toHaveProperty('detail');
    expect(toAppError('a string').code).toBe('internal');
    expect(toAppError(undefined).code).toBe('internal');
  });

  it.each([
    [{ code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }, 'payload_too_large'],
    [{ code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 }, 'unsupported_media_type'],
    [{ code: 'FST_ERR_CTP_EMPTY_JSON_BODY', statusCode: 400 }, 'bad_request'],
    [{ code: 'FST_ERR_CTP_INVALID_CONTENT_LENGTH', statusCode: 400 }, 'bad_request'],
    [{ statusCode: 400, message: 'Unexpected token } in JSON at position 3' }, 'bad_request'],
    [{ statusCode: 404, message: 'Route not found' }, 'not_found'],
    [{ statusCode: 429 }, 'rate_limited'],
    [{ statusCode: 400, message: 'something else' }, 'internal'],
  ] as const)('maps Fastify error %j to %s', (fastifyError, code) => {
    const error = toAppError(Object.assign(new Error(('message' in fastifyError && fastifyError.message) || 'x'), fastifyError));
    expect(error.code).toBe(code);
    if (code !== 'internal' && code !== 'not_found') {
      // a sentence for the reader, in either language
      expect(translateMessage('nl', error.detail!)).toMatch(/^[A-Z][^.]*\./);
      expect(translateMessage('en', error.detail!)).toMatch(/^[A-Z][^.]*\./);
      expect(translateMessage('en', error.detail!)).not.toBe(translateMessage('nl', error.detail!));
    }
  });
});
