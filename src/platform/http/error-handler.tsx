import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type InvalidParam } from '../errors.ts';
import { statusOf, toAppError, toProblem } from '../error-mapping.ts';
import { ErrorPage } from '../../ui/error-page.tsx';
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
    for (const v of error.validation) {
      const issue = v.params.issue as { code: string; path: PropertyKey[]; keys?: string[] };
      const name = issue.code === 'unrecognized_keys' ? (issue.keys ?? []).join(', ') : issue.path.map(String).join('.') || v.instancePath.slice(1);
      params.push({ name, reason: zodReasons[issue.code] ?? 'is niet geldig' });
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
    return res.code(status).type('application/problem+json; charset=utf-8').send(toProblem(appError, req.url, 'nl'));
  }
  return sendPage(res, <ErrorPage ctx={req.pageContext()} error={appError} />, status);
}

/** The one place where errors become responses: problem+json for the API, an error page for people. */
export const errorHandling = fp(async (app: FastifyInstance) => {
  app.setErrorHandler(async (error: FastifyError, req, res) => {
    const appError = error.validation ? fromValidation(error) : toAppError(error);
    return reply(req, res, appError);
  });
  app.setNotFoundHandler(async (req, res) => reply(req, res, AppError.notFound(isApiRequest(req) ? `Er is geen resource op ${req.url.split('?')[0]}.` : undefined)));
});
