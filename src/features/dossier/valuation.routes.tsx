import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { translateMessage } from '../../platform/i18n.ts';
import { AppError } from '../../platform/errors.ts';
import { sendPage } from '../../web/render.ts';
import type { FieldError } from '../../ui/components/error-summary.tsx';
import { renderActivityPage } from './dossier.routes.tsx';
import { dossierPath } from './views/dossier-pages.tsx';
import { contextOf, fieldErrorsOf } from '../../web/route-helpers.ts';
import type { FeatureOptions } from '../feature.ts';
import { openEvidenceForDecision } from '../register/index.ts';
import { sendPrivateFile } from '../../web/attachment.ts';
import * as service from './valuation.service.ts';
import { AssessmentPage, ValuationQueuePage, queuePath } from './views/valuation-pages.tsx';

const bodyOf = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;
const text = (v: unknown, max = 2500) => (typeof v === 'string' ? v.slice(0, max) : '');
const idOf = (req: FastifyRequest) => (req.params as { id: string }).id;

/**
 * Achteraf waarderen: the professional asks for an own activity to be valued and may withdraw the
 * request; members of the Commissie Accreditatie value it, two of them each.
 */
export async function valuationRoutes(app: FastifyInstance, opts: FeatureOptions) {
  const deps: service.ValuationDeps = { db: opts.db, mailer: opts.mailer, baseUrl: opts.config.baseUrl };
  const dossierDeps = { db: opts.db };
  const evidenceDeps = { db: opts.db, dataDir: opts.config.dataDir, fileKey: opts.crypto.fileKey };
  const signedIn = { config: { access: 'signed-in' as const } };

  app.post(`${dossierPath}/:id/waardering`, signedIn, async (req, reply) => {
    const explanation = text(bodyOf(req).toelichting);
    try {
      await service.requestValuation(deps, contextOf(req), idOf(req), explanation);
    } catch (error) {
      return renderActivityPage(dossierDeps, req, reply, { errors: fieldErrorsOf(req, error, 'toelichting'), explanation }, 400);
    }
    return reply.redirect(`${dossierPath}/${idOf(req)}?melding=waardering-aangevraagd`, 303);
  });

  app.post(`${dossierPath}/:id/waardering/intrekken`, signedIn, async (req, reply) => {
    try {
      await service.withdrawValuation(deps, contextOf(req), idOf(req), bodyOf(req).intrekken);
    } catch (error) {
      return renderActivityPage(dossierDeps, req, reply, { errors: fieldErrorsOf(req, error, 'intrekken') }, 400);
    }
    return reply.redirect(`${dossierPath}/${idOf(req)}?melding=waardering-ingetrokken`, 303);
  });

  app.get(queuePath, signedIn, async (req, reply) => {
    const asked = Number((req.query as Record<string, unknown>).page);
    const page = Number.isInteger(asked) && asked >= 1 && asked <= 100_000 ? asked : 1;
    const queue = await service.getValuationQueue(deps, contextOf(req), page);
    const saved = (req.query as Record<string, unknown>).melding;
    const notice = saved === 'gewaardeerd' ? req.pageContext().t('valuation.notice.assessed') : saved === 'besloten' ? req.pageContext().t('valuation.notice.decided') : undefined;
    return sendPage(reply, <ValuationQueuePage ctx={req.pageContext()} queue={queue} notice={notice} />);
  });

  async function renderAssessment(req: FastifyRequest, reply: FastifyReply, form: { values?: { punten: string; motivering: string }; errors?: FieldError[]; problem?: string } = {}, status = 200) {
    const view = await service.getRequestForAssessment(deps, contextOf(req), idOf(req));
    return sendPage(reply, <AssessmentPage ctx={req.pageContext()} view={view} {...form} />, status);
  }

  app.get(`${queuePath}/:id`, signedIn, (req, reply) => renderAssessment(req, reply));

  app.post(`${queuePath}/:id`, signedIn, async (req, reply) => {
    const body = bodyOf(req);
    const values = { punten: text(body.punten, 20), motivering: text(body.motivering) };
    try {
      const { decided } = await service.assessRequest(deps, contextOf(req), idOf(req), values);
      return reply.redirect(`${queuePath}?melding=${decided ? 'besloten' : 'gewaardeerd'}`, 303);
    } catch (error) {
      // refused as such (already valued by this assessor, withdrawn meanwhile): said above the page, not at a field
      if (error instanceof AppError && error.code === 'conflict') return renderAssessment(req, reply, { problem: error.detail && translateMessage(req.lang, error.detail) }, 409);
      return renderAssessment(req, reply, { values, errors: fieldErrorsOf(req, error, 'punten') }, 400);
    }
  });

  app.get(`${queuePath}/:id/bewijs`, signedIn, async (req, reply) => {
    const evidenceId = await service.checkValuationEvidenceAccess(deps, contextOf(req), idOf(req));
    return sendPrivateFile(reply, await openEvidenceForDecision(evidenceDeps, evidenceId));
  });
}
