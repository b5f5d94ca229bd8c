import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isLang, negotiateLang, translator, type Lang, type Translate } from '../platform/i18n.ts';
import type { AccountActor } from '../platform/auth/actor.ts';
import type { MenuItems, PageContext } from '../ui/page-context.ts';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    t: Translate;
    pageContext(): PageContext;
    /** what the main menu offers the signed-in person (read once per page request) */
    menu?: MenuItems;
  }
}

export type RequestContextOptions = {
  development: boolean;
  /** the menu items for a signed-in person (the start-page feature answers; app.ts hands it in) */
  menuOf?: (actor: AccountActor) => Promise<MenuItems>;
};

/** Requests that never render a page with the menu: the API, static files, service endpoints. */
const withoutMenu = (url: string) => url.startsWith('/api/') || url.startsWith('/static/') || url === '/health' || url === '/metrics';

const requestIdPattern = /^[A-Za-z0-9._-]{8,64}$/;

/** A client may pass its own X-Request-Id (to trace a call end to end); anything odd is replaced. */
export function requestIdFor(header: string | string[] | undefined): string {
  return typeof header === 'string' && requestIdPattern.test(header) ? header : randomUUID();
}

const oneYear = 60 * 60 * 24 * 365;

/** Language from `?lang=` (remembered in a cookie), else the cookie, else Accept-Language. */
export const requestContext = fp(async (app: FastifyInstance, opts: RequestContextOptions) => {
  app.decorateRequest('lang', 'nl');
  app.decorateRequest('t', null as unknown as Translate);
  app.decorateRequest('menu', undefined);
  app.decorateRequest('pageContext', function (this: FastifyRequest): PageContext {
    const actor = this.actor;
    return {
      lang: this.lang,
      t: this.t,
      url: this.url,
      requestId: this.id,
      development: opts.development,
      csrfToken: this.csrfToken ? this.csrfToken() : '',
      account: actor?.type === 'account' && actor.secondFactorDone ? { displayName: actor.displayName, menu: this.menu } : undefined,
    };
  });
  app.addHook('onRequest', async (req, reply) => {
    reply.header('X-Request-Id', req.id);
    const asked = (req.query as Record<string, unknown> | undefined)?.lang;
    if (isLang(asked)) {
      req.lang = asked;
      reply.setCookie('lang', asked, { path: '/', maxAge: oneYear, sameSite: 'lax', httpOnly: true });
    } else {
      req.lang = negotiateLang(req.cookies.lang, req.headers['accept-language']);
    }
    req.t = translator(req.lang);
    const actor = req.actor;
    if (opts.menuOf && actor?.type === 'account' && actor.secondFactorDone && !withoutMenu(req.url)) req.menu = await opts.menuOf(actor);
  });
});
