import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type InvalidParam } from '../platform/errors.ts';
import { statusOf, toAppError, toProblem } from '../platform/error-mapping.ts';
import { translateMessage } from '../platform/i18n.ts';
import { ErrorPage } from '../ui/error-page.tsx';
import { sendPage } from './render.ts';

export function isApiRequest(req: FastifyRequest): boolean {
  return req.url.startsWith('/api/');
}

const zodReasons: Record<string, string> = {
  invalid_type: 'heeft niet het juiste type',
  too_small: 'is te klein of te kort',
  too_big: 'is te groot of te lang',
  invalid_format: 'heeft niet het juiste formaat',
  invalid_value: 'is geen toegestane waarde',
  unrecognized_keys: 'is een onbekende parameter',
};

/** Fastify's schema errors (from Zod) become one 400 with every invalid parameter named, in Dutch. */
function fromValidation(error: FastifyError): AppError {
  const params: InvalidParam[] = [];
  if (hasZodFastifySchemaValidationErrors(error)) {
    // fastify-type-provider-zod 7: the Zod issue code is the keyword, its path the instancePath ("/a/b")
    for (const v of error.validation) {
      const keys = (v.params as { keys?: string[] }).keys;
      const name = v.keyword === 'unrecognized_keys' ? (keys ?? []).join(', ') : v.instancePath.slice(1).replace(/\//g, '.');
      params.push({ name, reason: zodReasons[v.keyword] ?? 'is niet geldig' });
    }
  }
  const where = error.validationContext === 'querystring' ? 'parameters in de URL' : error.validationContext === 'body' ? 'inhoud van het verzoek' : 'invoer';
  return AppError.validation(params, `Een of meer ${where} zijn niet geldig: ${params.map((p) => `${p.name} ${p.reason}`).join('; ')}.`);
}

async function reply(req: FastifyRequest, res: FastifyReply, appError: AppError) {
  const status = statusOf(appError.code);
  if (status >= 500) req.log.error({ err: appError.extra.cause ?? appError }, 'request failed');
  else req.log.info({ code: appError.code }, 'request refused');
  if (isApiRequest(req)) {
    return res
      .code(status)
      .type('application/problem+json; charset=utf-8')
      .send(toProblem(appError, req.url, 'nl'));
  }
  return sendPage(res, <ErrorPage ctx={req.pageContext()} error={appError} />, status);
}

/** The one place where errors become responses: problem+json for the API, an error page for people. */
export const errorHandling = fp(async (app: FastifyInstance) => {
  app.setErrorHandler(async (error: FastifyError, req, res) => {
    try {
      const appError = error.validation ? fromValidation(error) : toAppError(error);
      return await reply(req, res, appError);
    } catch (failure) {
      // the error page itself failed: a plain answer that tells nothing about the inside
      req.log.error({ err: failure, original: error }, 'error handler failed');
      return res.code(500).type('text/plain; charset=utf-8').send(`Er ging iets mis aan onze kant (${req.id}).`);
    }
  });
  app.setNotFoundHandler(async (req, res) =>
    reply(req, res, AppError.notFound(isApiRequest(req) ? `Er is geen resource op ${req.url.split('?')[0]}.` : undefined)),
  );
});

const frameworkRefusals: Record<string, string> = {
  FST_ERR_BAD_URL: 'Het adres (URL) is ongeldig.',
  FST_ERR_MAX_PARAM_LENGTH: 'Een deel van het adres (URL) is te lang.',
};

/**
 * Fastify's own refusals before any route or hook runs (an unreadable URL, a path segment over 100
 * characters): problem+json for the API, and for people a plain page in both languages, since the
 * language has not been chosen yet at that point.
 */
export function answerFrameworkError(error: FastifyError, req: FastifyRequest, res: FastifyReply) {
  const appError = new AppError('bad_request', frameworkRefusals[error.code] ?? 'Het verzoek is ongeldig.');
  const path = (req.raw.url ?? '/').split('?')[0].slice(0, 200);
  if ((req.raw.url ?? '').startsWith('/api/')) {
    return res
      .code(400)
      .type('application/problem+json; charset=utf-8')
      .send(toProblem(appError, path, 'nl'));
  }
  const page =
    '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Ongeldig adres | Beroepsregister Onderwijs</title></head>' +
    `<body><main><h1>Ongeldig adres</h1><p>${translateMessage('nl', appError.detail ?? '')} Controleer het adres, of ga naar <a href="/">de homepage</a>.</p>` +
    '<h2 lang="en">Invalid address</h2><p lang="en">The address (URL) is invalid or too long. Check it, or go to <a href="/">the home page</a>.</p></main></body></html>';
  return res.code(400).type('text/html; charset=utf-8').send(page);
}
