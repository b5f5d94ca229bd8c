import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { translateMessage } from '../../platform/i18n.ts';
import { AppError } from '../../platform/errors.ts';
import { sendPage } from '../../web/render.ts';
import type { FieldError } from '../../ui/components/error-summary.tsx';
import { contextOf } from '../../web/route-helpers.ts';
import type { FeatureOptions } from '../feature.ts';
import { getBoardRef } from '../organisations/index.ts';
import * as service from './consent.service.ts';
import { BoardDevelopmentPage, consentPath, NoConsentPage, OwnConsentPage } from './views/consent-pages.tsx';

const notices = { gegeven: 'consent.notice.granted', ingetrokken: 'consent.notice.revoked' } as const;
const boardIdOf = (req: FastifyRequest) => (req.params as { bestuurId: string }).bestuurId;

/**
 * Inzage: the professional lets a board see their development activities, and withdraws that; the
 * board's staff read them only while that consent holds.
 */
export async function consentRoutes(app: FastifyInstance, opts: FeatureOptions) {
  const deps: service.ConsentDeps = { db: opts.db };
  const signedIn = { config: { access: 'signed-in' as const } };
  const noticeOf = (req: FastifyRequest) => {
    const key = notices[(req.query as Record<string, string | undefined>).melding as keyof typeof notices];
    return key ? req.pageContext().t(key) : undefined;
  };

  async function renderOwn(req: FastifyRequest, reply: FastifyReply, errors: FieldError[] = [], status = 200) {
    const { boards, history } = await service.getOwnConsents(deps, contextOf(req));
    return sendPage(reply, <OwnConsentPage ctx={req.pageContext()} boards={boards} history={history} notice={status === 200 ? noticeOf(req) : undefined} errors={errors} />, status);
  }

  app.get(consentPath, signedIn, (req, reply) => renderOwn(req, reply));

  app.post(`${consentPath}/:bestuurId/toestemming`, signedIn, async (req, reply) => {
    await service.grantConsent(deps, contextOf(req), boardIdOf(req));
    return reply.redirect(`${consentPath}?melding=gegeven`, 303);
  });

  app.post(`${consentPath}/:bestuurId/intrekken`, signedIn, async (req, reply) => {
    try {
      await service.revokeConsent(deps, contextOf(req), boardIdOf(req), ((req.body ?? {}) as Record<string, unknown>).bevestigd);
    } catch (error) {
      // only a missing confirmation goes back to the form; a board that is not theirs is "not found"
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      return renderOwn(req, reply, (error.extra.invalidParams ?? []).map((p) => ({ field: p.name, message: translateMessage(req.lang, p.reason) })), 400);
    }
    return reply.redirect(`${consentPath}?melding=ingetrokken`, 303);
  });

  app.get('/beheer/bestuur/:id/personeel/:persoonId/professionalisering', signedIn, async (req, reply) => {
    const { id, persoonId } = req.params as { id: string; persoonId: string };
    const board = await getBoardRef(opts.db, id);
    const view = await service.getDevelopmentForBoard(deps, contextOf(req), board.id, persoonId);
    if (!view.visible) return sendPage(reply, <NoConsentPage ctx={req.pageContext()} board={board} person={view.person} />, 403);
    return sendPage(
      reply,
      <BoardDevelopmentPage ctx={req.pageContext()} board={board} person={view.person} grantedAt={view.grantedAt} activities={view.activities} totals={view.totals} />,
    );
  });
}
