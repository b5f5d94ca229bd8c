import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendPage } from '../../web/render.ts';
import type { FieldError } from '../../ui/components/error-summary.tsx';
import { contextOf, validationErrorsOf } from '../../web/route-helpers.ts';
import type { FeatureOptions } from '../feature.ts';
import type { PostponementDecisionForm, PostponementForm, RenewalForm } from '../register/index.ts';
import { type ReregistrationDeps, applyForReregistration, decidePostponementRequest, getOwnPostponement, getOwnReregistration, getPostponementForDecision, getPostponementQueue, requestPostponement } from '../register/index.ts';
import { ownPostponementPath, ownReregistrationPath } from '../register/index.ts';
import { OwnPostponementPage, PostponementDecisionPage, PostponementQueuePage, postponementQueuePath } from './views/postponement-pages.tsx';
import { ReregistrationPage } from './views/reregistration-pages.tsx';

const bodyOf = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;
const text = (body: Record<string, unknown>, key: string, max = 2500) => (typeof body[key] === 'string' ? (body[key] as string).slice(0, max) : '');
/** A refusal of the form's input, as the error summary's list; anything else goes on to the error page (a conflict shows its Dutch reason there). */
const notices = { aangevraagd: 'reregistration.notice.applied', uitstel: 'postponement.notice.requested', besloten: 'postponements.notice.decided' } as const;

/** Herregistratie and uitstel: the professional applies and asks; the Commissie Registratie decides on uitstel (herregistratie goes through /beheer/aanvragen). */
export async function reregistrationRoutes(app: FastifyInstance, opts: FeatureOptions) {
  const deps: ReregistrationDeps = { db: opts.db, mailer: opts.mailer, baseUrl: opts.config.baseUrl };
  const signedIn = { config: { access: 'signed-in' as const } };
  const noticeOf = (req: FastifyRequest) => {
    const key = notices[(req.query as Record<string, string | undefined>).melding as keyof typeof notices];
    return key ? req.pageContext().t(key) : undefined;
  };

  async function renderOwn(req: FastifyRequest, reply: FastifyReply, form: { values?: RenewalForm; errors?: FieldError[] } = {}, status = 200) {
    const own = await getOwnReregistration(deps, contextOf(req));
    return sendPage(reply, <ReregistrationPage ctx={req.pageContext()} view={own.enrolled ? own : null} notice={noticeOf(req)} {...form} />, status);
  }

  app.get(ownReregistrationPath, signedIn, (req, reply) => renderOwn(req, reply));

  app.post(ownReregistrationPath, signedIn, async (req, reply) => {
    const body = bodyOf(req);
    const values: RenewalForm = { motivering: text(body, 'motivering'), bevestigd: text(body, 'bevestigd', 5) };
    try {
      await applyForReregistration(deps, contextOf(req), values);
    } catch (error) {
      return renderOwn(req, reply, { values, errors: validationErrorsOf(req, error) }, 400);
    }
    return reply.redirect(`${ownReregistrationPath}?melding=aangevraagd`, 303);
  });

  async function renderOwnPostponement(req: FastifyRequest, reply: FastifyReply, form: { values?: PostponementForm; errors?: FieldError[] } = {}, status = 200) {
    const own = await getOwnPostponement(deps, contextOf(req));
    return sendPage(reply, <OwnPostponementPage ctx={req.pageContext()} view={own.enrolled ? own : null} notice={noticeOf(req)} {...form} />, status);
  }

  app.get(ownPostponementPath, signedIn, (req, reply) => renderOwnPostponement(req, reply));

  app.post(ownPostponementPath, signedIn, async (req, reply) => {
    const body = bodyOf(req);
    const values: PostponementForm = { grond: text(body, 'grond', 50), toelichting: text(body, 'toelichting'), tot: text(body, 'tot', 20) };
    try {
      await requestPostponement(deps, contextOf(req), values);
    } catch (error) {
      return renderOwnPostponement(req, reply, { values, errors: validationErrorsOf(req, error) }, 400);
    }
    return reply.redirect(`${ownPostponementPath}?melding=uitstel`, 303);
  });

  app.get(postponementQueuePath, signedIn, async (req, reply) => {
    const { open, decided } = await getPostponementQueue(deps, contextOf(req));
    return sendPage(reply, <PostponementQueuePage ctx={req.pageContext()} open={open} decided={decided} notice={noticeOf(req)} />);
  });

  const idOf = (req: FastifyRequest) => (req.params as { id: string }).id;

  async function renderDecision(req: FastifyRequest, reply: FastifyReply, form: { values?: PostponementDecisionForm; errors?: FieldError[] } = {}, status = 200) {
    const { request, limit } = await getPostponementForDecision(deps, contextOf(req), idOf(req));
    return sendPage(reply, <PostponementDecisionPage ctx={req.pageContext()} request={request} limit={limit} {...form} />, status);
  }

  app.get(`${postponementQueuePath}/:id`, signedIn, (req, reply) => renderDecision(req, reply));

  app.post(`${postponementQueuePath}/:id`, signedIn, async (req, reply) => {
    const body = bodyOf(req);
    const values: PostponementDecisionForm = { besluit: text(body, 'besluit', 20), tot: text(body, 'tot', 20), motivering: text(body, 'motivering') };
    try {
      await decidePostponementRequest(deps, contextOf(req), idOf(req), values);
    } catch (error) {
      return renderDecision(req, reply, { values, errors: validationErrorsOf(req, error) }, 400);
    }
    return reply.redirect(`${postponementQueuePath}?melding=besloten`, 303);
  });
}
