import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../platform/errors.ts';

/** NUL, raw or percent-encoded: PostgreSQL refuses it in text (22021), which made a 500 of any field holding one. */
const nulInUrl = /%00|\u0000/i;

const holdsNul = (value: unknown): boolean => (typeof value === 'string' ? value.includes('\u0000') : Array.isArray(value) ? value.some(holdsNul) : false);

/**
 * Refuses a NUL character at the edge, with a 400 that says so: in the URL (path or query) of any request,
 * and in the fields of a posted form. A delivery file's rows are checked by the delivery check, row by row.
 */
export const inputGuard = fp(async (app: FastifyInstance) => {
  const refusal = () => new AppError('bad_request', 'Het verzoek bevat een ongeldig teken (NUL, %00). Haal het weg en probeer het opnieuw.');
  app.addHook('onRequest', async (req) => {
    if (nulInUrl.test(req.url)) throw refusal();
  });
  app.addHook('preValidation', async (req) => {
    const body = req.body;
    if (body && typeof body === 'object' && !Buffer.isBuffer(body) && req.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) {
      if (Object.values(body as Record<string, unknown>).some(holdsNul)) throw refusal();
    }
  });
});
