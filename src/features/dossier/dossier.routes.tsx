import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendPage } from '../../web/render.ts';
import type { FieldError } from '../../ui/components/error-summary.tsx';
import { readForm, readFormShape, readParams, readQuery } from '../../web/forms.ts';
import { contextOf, fieldErrorsOf } from '../../web/route-helpers.ts';
import type { FeatureOptions } from '../feature.ts';
import type { ActivityForm } from './activity.rules.ts';
import * as service from './dossier.service.ts';
import { activityForm, activityParams, noticeQuery, removeForm } from './dossier.forms.ts';
import { ActivityPage, DossierPage, dossierPath } from './views/dossier-pages.tsx';

const notices = {
  toegevoegd: 'dossier.notice.added',
  gewijzigd: 'dossier.notice.changed',
  verwijderd: 'dossier.notice.removed',
  'waardering-aangevraagd': 'valuation.notice.requested',
  'waardering-ingetrokken': 'valuation.notice.withdrawn',
} as const;

/**
 * One activity's page, for the dossier's routes and the valuation's (asking for a valuation re-renders
 * it with the problem at its field).
 */
export async function renderActivityPage(
  deps: service.DossierDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  form: { values?: ActivityForm; errors?: FieldError[]; notice?: string; explanation?: string } = {},
  status = 200,
) {
  const view = await service.getOwnActivity(deps, contextOf(req), readParams(req, activityParams).id);
  return sendPage(reply, <ActivityPage ctx={req.pageContext()} view={view} {...form} />, status);
}

/** Mijn professionalisering: the professional's activities and their progress towards re-registration. */
export async function dossierRoutes(app: FastifyInstance, opts: FeatureOptions) {
  const deps: service.DossierDeps = { db: opts.db };
  const signedIn = { config: { access: 'signed-in' as const } };
  const idOf = (req: FastifyRequest) => readParams(req, activityParams).id;
  const noticeOf = (req: FastifyRequest) => {
    const { melding } = readQuery(req, noticeQuery);
    const key = melding && Object.hasOwn(notices, melding) ? notices[melding as keyof typeof notices] : undefined;
    return key ? req.pageContext().t(key) : undefined;
  };

  async function renderDossier(req: FastifyRequest, reply: FastifyReply, form: { values?: ActivityForm; errors?: FieldError[] } = {}, status = 200) {
    const dossier = await service.getDossier(deps, contextOf(req));
    return sendPage(reply, <DossierPage ctx={req.pageContext()} dossier={dossier.enrolled ? dossier : null} notice={noticeOf(req)} {...form} />, status);
  }

  const renderActivity = (req: FastifyRequest, reply: FastifyReply, form: { values?: ActivityForm; errors?: FieldError[] } = {}, status = 200) =>
    renderActivityPage(deps, req, reply, { notice: noticeOf(req), ...form }, status);

  app.get(dossierPath, signedIn, (req, reply) => renderDossier(req, reply));

  app.post(dossierPath, signedIn, async (req, reply) => {
    const values = readFormShape(req, activityForm).value;
    try {
      await service.addActivity(deps, contextOf(req), values);
    } catch (error) {
      return renderDossier(req, reply, { values, errors: fieldErrorsOf(req, error, 'titel') }, 400);
    }
    return reply.redirect(`${dossierPath}?melding=toegevoegd`, 303);
  });

  app.get(`${dossierPath}/:id`, signedIn, (req, reply) => renderActivity(req, reply));

  app.post(`${dossierPath}/:id`, signedIn, async (req, reply) => {
    const id = idOf(req);
    const values = readFormShape(req, activityForm).value;
    try {
      await service.changeActivity(deps, contextOf(req), id, values);
    } catch (error) {
      return renderActivity(req, reply, { values, errors: fieldErrorsOf(req, error, 'titel') }, 400);
    }
    return reply.redirect(`${dossierPath}/${id}?melding=gewijzigd`, 303);
  });

  app.post(`${dossierPath}/:id/verwijderen`, signedIn, async (req, reply) => {
    const id = idOf(req);
    const form = readForm(req, removeForm);
    if (!form.ok) return renderActivity(req, reply, { errors: form.errors }, 400);
    try {
      await service.removeActivity(deps, contextOf(req), id, form.value.bevestigd);
    } catch (error) {
      return renderActivity(req, reply, { errors: fieldErrorsOf(req, error, 'bevestigd') }, 400);
    }
    return reply.redirect(`${dossierPath}?melding=verwijderd`, 303);
  });
}
