import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { message } from '../../platform/i18n.ts';
import { rateLimit } from '../../web/rate-limit.ts';
import { sendPage } from '../../web/render.ts';
import { readFormShape, readQuery } from '../../web/forms.ts';
import { contextOf, validationErrorsOf } from '../../web/route-helpers.ts';
import { describeLinkCode, redeemLinkCode, type OwnRecordDeps } from '../register/index.ts';
import { linkForm, linkQuery } from './own-record.forms.ts';
import { LinkPage, linkPath } from './views/link-page.tsx';
import { ownRecordPath } from './views/own-record-page.tsx';

/**
 * Koppelen (decision 021): the invitation mail's link lands here with its code (after signing in, if
 * need be); a code from a board's letter is typed here. The page shows whose data the code opens and
 * links only after the professional confirms it.
 */
export async function linkPageRoutes(app: FastifyInstance, opts: { deps: OwnRecordDeps }) {
  const { deps } = opts;
  // a code is 59 bits; a budget per account on top makes guessing pointless, and leaves room for typing errors
  const codeLimit = rateLimit(app, {
    max: 20,
    windowMs: 60 * 60_000,
    key: (req) => `link-code:${req.actor.type === 'account' ? req.actor.accountId : req.ip}`,
    message: message('error.tooManyAttempts'),
  });
  const signedIn = { config: { access: 'signed-in' as const } };

  async function renderCheck(req: FastifyRequest, reply: FastifyReply, code: string) {
    try {
      const found = await describeLinkCode(deps, contextOf(req), code);
      if (found.alreadyYours) return reply.redirect(`${ownRecordPath}?melding=gekoppeld`, 303);
      return sendPage(reply, <LinkPage ctx={req.pageContext()} code={code} found={found} />);
    } catch (error) {
      return sendPage(reply, <LinkPage ctx={req.pageContext()} code={code.slice(0, 200)} errors={validationErrorsOf(req, error)} />, 400);
    }
  }

  app.get(linkPath, signedIn, async (req, reply) => {
    const { code } = readQuery(req, linkQuery);
    if (!code) return sendPage(reply, <LinkPage ctx={req.pageContext()} />);
    await codeLimit(req, reply);
    return renderCheck(req, reply, code);
  });

  app.post(linkPath, { ...signedIn, preHandler: codeLimit }, async (req, reply) => {
    const { value } = readFormShape(req, linkForm);
    if (value.stap !== 'bevestigen') return renderCheck(req, reply, value.code);
    let outcome: Awaited<ReturnType<typeof redeemLinkCode>>;
    try {
      outcome = await redeemLinkCode(deps, contextOf(req), value.code);
    } catch (error) {
      return sendPage(reply, <LinkPage ctx={req.pageContext()} code={value.code} errors={validationErrorsOf(req, error)} />, 400);
    }
    return reply.redirect(`${ownRecordPath}?melding=${outcome === 'review' ? 'samenvoegen' : 'gekoppeld'}`, 303);
  });
}
