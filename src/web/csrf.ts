import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { randomToken, type Crypto } from '../platform/crypto.ts';
import { AppError } from '../platform/errors.ts';
import { message } from '../platform/i18n.ts';

/**
 * CSRF protection for every form: a random value in an HttpOnly cookie, and in each form a hidden
 * `_csrf` field holding its HMAC. A cross-site page can make the browser send the cookie but cannot
 * read it, so it cannot forge the field. htmx sends the token as the X-CSRF-Token header instead.
 * The API is exempt: it authenticates with bearer tokens, which a browser never adds by itself.
 */
export const csrfCookie = 'br_csrf';
export const csrfField = '_csrf';

declare module 'fastify' {
  interface FastifyRequest {
    csrfToken(): string;
  }
}

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function submittedToken(req: FastifyRequest): string | undefined {
  const header = req.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const body = req.body as Record<string, unknown> | undefined;
  const field = body && typeof body === 'object' ? body[csrfField] : undefined;
  return typeof field === 'string' ? field : undefined;
}

const refusal = () => new AppError('forbidden', message('error.403.csrf'));

type PartsReader = (...args: unknown[]) => AsyncIterableIterator<{ type: string; fieldname: string; value?: unknown }>;

/**
 * A file upload is streamed, not parsed before the check, and a token in the action URL would end up in
 * logs and Referer headers. So its form's first field is the `_csrf` of every form (Form renders it
 * first, and browsers send fields in order): the request's `parts()` reads and checks that field before
 * it hands out any other part, so no upload route can read a file from a forged form.
 */
function checkFirstPart(req: FastifyRequest, fits: (token: string) => boolean): void {
  const original = (req as unknown as { parts?: PartsReader }).parts;
  if (typeof original !== 'function') throw refusal(); // no upload is taken here: refused like any forged form
  (req as unknown as { parts: PartsReader }).parts = async function* checkedParts(...args: unknown[]) {
    let checked = false;
    for await (const part of original.apply(req, args)) {
      if (!checked) {
        if (part.type !== 'field' || part.fieldname !== csrfField || typeof part.value !== 'string' || !fits(part.value)) throw refusal();
        checked = true;
        continue;
      }
      yield part;
    }
    if (!checked) throw refusal();
  };
}

export const csrfProtection = fp(async (app: FastifyInstance, opts: { crypto: Crypto; secureCookies: boolean }) => {
  app.decorateRequest('csrfToken', function (this: FastifyRequest): string {
    return opts.crypto.sign(this.cookies[csrfCookie] ?? '');
  });

  app.addHook('onRequest', async (req, reply) => {
    if (req.url.startsWith('/api/') || req.url.startsWith('/static/') || req.cookies[csrfCookie]) return;
    const value = randomToken(24);
    req.cookies[csrfCookie] = value; // the page rendered now already carries the matching token
    reply.setCookie(csrfCookie, value, { path: '/', httpOnly: true, sameSite: 'lax', secure: opts.secureCookies });
  });

  app.addHook('preHandler', async (req) => {
    if (!unsafe.has(req.method) || req.url.startsWith('/api/')) return;
    const cookie = req.cookies[csrfCookie];
    if (!cookie) throw refusal();
    const fits = (token: string) => opts.crypto.verifySignature(cookie, token);
    const token = submittedToken(req);
    if (token !== undefined) {
      if (!fits(token)) throw refusal();
      return;
    }
    if (req.headers['content-type']?.startsWith('multipart/form-data')) return checkFirstPart(req, fits);
    throw refusal();
  });
});

/** Rotates the CSRF cookie (on sign-in and sign-out), so a token from before no longer fits. */
export function rotateCsrf(req: FastifyRequest, reply: { setCookie: (name: string, value: string, opts: object) => unknown }, secureCookies: boolean) {
  const value = randomToken(24);
  req.cookies[csrfCookie] = value;
  reply.setCookie(csrfCookie, value, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookies });
}
