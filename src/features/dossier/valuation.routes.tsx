import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { translateMessage } from '../../platform/i18n.ts';
import { AppError } from '../../platform/errors.ts';
import { sendPage } from '../../web/render.ts';
import type { FieldError } from '../../ui/components/error-summary.tsx';
import { renderActivityPage } from './dossier.routes.tsx';
import { dossierPath } from './views/dossier-pages.tsx';
import { readForm, readParams, readQuery } from '../../web/forms.ts';
import { contextOf, fieldErrorsOf } from '../../web/route-helpers.ts';
import type { FeatureOptions } from '../feature.ts';
import { openEvidenceForDecision } from '../register/index.ts';
import { sendPrivateFile } from '../../web/attachment.ts';
import * as service from './valuation.service.ts';
import { assessmentForm, queueQuery, requestForm, requestParams, withdrawForm } from './valuation.forms.ts';
import { activityParams } from './dossier.forms.ts';
import { AssessmentPage, ValuationQueuePage, queuePath } from './views/valuation-pages.tsx';

const activityIdOf = (req: FastifyRequest) => readParams(req, activityParams).id;
const requestIdOf = (req: FastifyRequest) => readParams(req, requestParams).id;

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
    const id = activityIdOf(req);
    const form = readForm(req, requestForm);
    if (!form.ok) return renderActivityPage(dossierDeps, req, reply, { errors: form.errors, explanation: form.values.toelichting }, 400);
    const explanation = form.value.toelichting;
    try {
      await service.requestValuation(deps, contextOf(req), id, explanation);
    } catch (error) {
      return renderActivityPage(dossierDeps, req, reply, { errors: fieldErrorsOf(req, error, 'toelichting'), explanation }, 400);
    }
    return reply.redirect(`${dossierPath}/${id}?melding=waardering-aangevraagd`, 303);
  });

  app.post(`${dossierPath}/:id/waardering/intrekken`, signedIn, async (req, reply) => {
    const id = activityIdOf(req);
    const form = readForm(req, withdrawForm);
    if (!form.ok) return renderActivityPage(dossierDeps, req, reply, { errors: form.errors }, 400);
    try {
      await service.withdrawValuation(deps, contextOf(req), id, form.value.intrekken);
    } catch (error) {
      return renderActivityPage(dossierDeps, req, reply, { errors: fieldErrorsOf(req, error, 'intrekken') }, 400);
    }
    return reply.redirect(`${dossierPath}/${id}?melding=waardering-ingetrokken`, 303);
  });

  app.get(queuePath, signedIn, async (req, reply) => {
    const { page, melding: saved } = readQuery(req, queueQuery);
    const queue = await service.getValuationQueue(deps, contextOf(req), page);
    const notice =
      saved === 'gewaardeerd'
        ? req.pageContext().t('valuation.notice.assessed')
        : saved === 'besloten'
          ? req.pageContext().t('valuation.notice.decided')
          : undefined;
    return sendPage(reply, <ValuationQueuePage ctx={req.pageContext()} queue={queue} notice={notice} />);
  });

  async function renderAssessment(
    req: FastifyRequest,
    reply: FastifyReply,
    form: { values?: { punten: string; motivering: string }; errors?: FieldError[]; problem?: string } = {},
    status = 200,
  ) {
    const view = await service.getRequestForAssessment(deps, contextOf(req), requestIdOf(req));
    return sendPage(reply, <AssessmentPage ctx={req.pageContext()} view={view} {...form} />, status);
  }

  app.get(`${queuePath}/:id`, signedIn, (req, reply) => renderAssessment(req, reply));

  app.post(`${queuePath}/:id`, signedIn, async (req, reply) => {
    const id = requestIdOf(req);
    const form = readForm(req, assessmentForm);
    if (!form.ok)
      return renderAssessment(req, reply, { values: { punten: form.values.punten ?? '', motivering: form.values.motivering ?? '' }, errors: form.errors }, 400);
    const values = form.value;
    try {
      const { decided } = await service.assessRequest(deps, contextOf(req), id, values);
      return reply.redirect(`${queuePath}?melding=${decided ? 'besloten' : 'gewaardeerd'}`, 303);
    } catch (error) {
      // refused as such (already valued by this assessor, withdrawn meanwhile): said above the page, not at a field
      if (error instanceof AppError && error.code === 'conflict')
        return renderAssessment(req, reply, { problem: translateMessage(req.lang, error.detail ?? '') }, 409);
      return renderAssessment(req, reply, { values, errors: fieldErrorsOf(req, error, 'punten') }, 400);
    }
  });

  app.get(`${queuePath}/:id/bewijs`, signedIn, async (req, reply) => {
    const evidenceId = await service.checkValuationEvidenceAccess(deps, contextOf(req), requestIdOf(req));
    return sendPrivateFile(reply, await openEvidenceForDecision(evidenceDeps, evidenceId));
  });
}
