import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendPage } from '../../web/render.ts';
import type { FieldError } from '../../ui/components/error-summary.tsx';
import { readForm, readParams, readQuery } from '../../web/forms.ts';
import { contextOf, validationErrorsOf } from '../../web/route-helpers.ts';
import type { FeatureOptions } from '../feature.ts';
import { getBoardRef } from '../organisations/index.ts';
import { boardParams, consentQuery, developmentParams, revokeForm } from './consent.forms.ts';
import * as service from './consent.service.ts';
import { BoardDevelopmentPage, consentPath, NoConsentPage, OwnConsentPage } from './views/consent-pages.tsx';

const notices = { gegeven: 'consent.notice.granted', ingetrokken: 'consent.notice.revoked' } as const;
const boardIdOf = (req: FastifyRequest) => readParams(req, boardParams).bestuurId;

/**
 * Inzage: the professional lets a board see their development activities, and withdraws that; the
 * board's staff read them only while that consent holds.
 */
export async function consentRoutes(app: FastifyInstance, opts: FeatureOptions) {
  const deps: service.ConsentDeps = { db: opts.db };
  const signedIn = { config: { access: 'signed-in' as const } };
  const noticeOf = (req: FastifyRequest) => {
    const { melding } = readQuery(req, consentQuery);
    return melding ? req.pageContext().t(notices[melding]) : undefined;
  };

  async function renderOwn(req: FastifyRequest, reply: FastifyReply, errors: FieldError[] = [], status = 200) {
    const { boards, history } = await service.getOwnConsents(deps, contextOf(req));
    return sendPage(
      reply,
      <OwnConsentPage ctx={req.pageContext()} boards={boards} history={history} notice={status === 200 ? noticeOf(req) : undefined} errors={errors} />,
      status,
    );
  }

  app.get(consentPath, signedIn, (req, reply) => renderOwn(req, reply));

  app.post(`${consentPath}/:bestuurId/toestemming`, signedIn, async (req, reply) => {
    await service.grantConsent(deps, contextOf(req), boardIdOf(req));
    return reply.redirect(`${consentPath}?melding=gegeven`, 303);
  });

  app.post(`${consentPath}/:bestuurId/intrekken`, signedIn, async (req, reply) => {
    const boardId = boardIdOf(req);
    const form = readForm(req, revokeForm);
    if (!form.ok) return renderOwn(req, reply, form.errors, 400);
    try {
      await service.revokeConsent(deps, contextOf(req), boardId, form.value.bevestigd);
    } catch (error) {
      // only a missing confirmation goes back to the form; a board that is not theirs is "not found"
      return renderOwn(req, reply, validationErrorsOf(req, error), 400);
    }
    return reply.redirect(`${consentPath}?melding=ingetrokken`, 303);
  });

  app.get('/beheer/bestuur/:id/personeel/:persoonId/professionalisering', signedIn, async (req, reply) => {
    const { id, persoonId } = readParams(req, developmentParams);
    const board = await getBoardRef(opts.db, id);
    const view = await service.getDevelopmentForBoard(deps, contextOf(req), board.id, persoonId);
    if (!view.visible) return sendPage(reply, <NoConsentPage ctx={req.pageContext()} board={board} person={view.person} />, 403);
    return sendPage(
      reply,
      <BoardDevelopmentPage
        ctx={req.pageContext()}
        board={board}
        person={view.person}
        grantedAt={view.grantedAt}
        activities={view.activities}
        totals={view.totals}
      />,
    );
  });
}
