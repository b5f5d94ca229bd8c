import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendPage } from '../../web/render.ts';
import type { FieldError } from '../../ui/components/error-summary.tsx';
import { contextOf, fieldErrorsOf } from '../../web/route-helpers.ts';
import type { FeatureOptions } from '../feature.ts';
import type { ActivityForm } from './activity.rules.ts';
import * as service from './dossier.service.ts';
import { ActivityPage, DossierPage, dossierPath, emptyActivityForm } from './views/dossier-pages.tsx';

const notices = {
  toegevoegd: 'dossier.notice.added', gewijzigd: 'dossier.notice.changed', verwijderd: 'dossier.notice.removed',
  'waardering-aangevraagd': 'valuation.notice.requested', 'waardering-ingetrokken': 'valuation.notice.withdrawn',
} as const;

/**
 * One activity's page, for the dossier's routes and the valuation's (asking for a valuation re-renders
 * it with the problem at its field).
 */
export async function renderActivityPage(
  deps: service.DossierDeps, req: FastifyRequest, reply: FastifyReply,
  form: { values?: ActivityForm; errors?: FieldError[]; notice?: string; explanation?: string } = {}, status = 200,
) {
  const view = await service.getOwnActivity(deps, contextOf(req), (req.params as { id: string }).id);
  return sendPage(reply, <ActivityPage ctx={req.pageContext()} view={view} {...form} />, status);
}

/** The form as posted, every field cut to a sane length; the themes and competencies lists whether one or many were ticked. */
function activityFormOf(req: FastifyRequest): ActivityForm {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const text = (key: keyof ActivityForm, max = 2500) => (typeof body[key] === 'string' ? (body[key] as string).slice(0, max) : '');
  return {
    ...emptyActivityForm,
    soort: text('soort', 50), titel: text('titel', 300), aanbieder: text('aanbieder', 300), begindatum: text('begindatum', 20), einddatum: text('einddatum', 20),
    uren: text('uren', 20), primairProces: text('primairProces', 5), leerdoelen: text('leerdoelen'), reflectie: text('reflectie'), bewijs: text('bewijs', 50),
    themas: [body.themas].flat().filter((v): v is string => typeof v === 'string').slice(0, 50),
    competenties: [body.competenties].flat().filter((v): v is string => typeof v === 'string').slice(0, 50),
  };
}

/** Mijn professionalisering: the professional's activities and their progress towards re-registration. */
export async function dossierRoutes(app: FastifyInstance, opts: FeatureOptions) {
  const deps: service.DossierDeps = { db: opts.db };
  const signedIn = { config: { access: 'signed-in' as const } };
  const idOf = (req: FastifyRequest) => (req.params as { id: string }).id;
  const noticeOf = (req: FastifyRequest) => {
    const key = notices[(req.query as Record<string, string | undefined>).melding as keyof typeof notices];
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
    const values = activityFormOf(req);
    try {
      await service.addActivity(deps, contextOf(req), values);
    } catch (error) {
      return renderDossier(req, reply, { values, errors: fieldErrorsOf(req, error, 'titel') }, 400);
    }
    return reply.redirect(`${dossierPath}?melding=toegevoegd`, 303);
  });

  app.get(`${dossierPath}/:id`, signedIn, (req, reply) => renderActivity(req, reply));

  app.post(`${dossierPath}/:id`, signedIn, async (req, reply) => {
    const values = activityFormOf(req);
    try {
      await service.changeActivity(deps, contextOf(req), idOf(req), values);
    } catch (error) {
      return renderActivity(req, reply, { values, errors: fieldErrorsOf(req, error, 'titel') }, 400);
    }
    return reply.redirect(`${dossierPath}/${idOf(req)}?melding=gewijzigd`, 303);
  });

  app.post(`${dossierPath}/:id/verwijderen`, signedIn, async (req, reply) => {
    try {
      await service.removeActivity(deps, contextOf(req), idOf(req), ((req.body ?? {}) as Record<string, unknown>).bevestigd);
    } catch (error) {
      return renderActivity(req, reply, { errors: fieldErrorsOf(req, error, 'bevestigd') }, 400);
    }
    return reply.redirect(`${dossierPath}?melding=verwijderd`, 303);
  });
}
