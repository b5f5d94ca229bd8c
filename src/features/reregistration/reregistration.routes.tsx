import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendPage } from '../../web/render.ts';
import type { FieldError } from '../../ui/components/error-summary.tsx';
import { contextOf, validationErrorsOf } from '../../web/route-helpers.ts';
import { readForm, readParams, readQuery } from '../../web/forms.ts';
import { noticeQuery, postponementDecisionForm, postponementForm, postponementParams, renewalForm } from './reregistration.forms.ts';
import type { FeatureOptions } from '../feature.ts';
import type { PostponementDecisionForm, PostponementForm, RenewalForm } from '../register/index.ts';
import {
  type ReregistrationDeps,
  applyForReregistration,
  decidePostponementRequest,
  getOwnPostponement,
  getOwnReregistration,
  getPostponementForDecision,
  getPostponementQueue,
  requestPostponement,
} from '../register/index.ts';
import { ownPostponementPath, ownReregistrationPath } from '../register/index.ts';
import { OwnPostponementPage, PostponementDecisionPage, PostponementQueuePage, postponementQueuePath } from './views/postponement-pages.tsx';
import { ReregistrationPage } from './views/reregistration-pages.tsx';

const notices = { aangevraagd: 'reregistration.notice.applied', uitstel: 'postponement.notice.requested', besloten: 'postponements.notice.decided' } as const;

/** Herregistratie and uitstel: the professional applies and asks; the Commissie Registratie decides on uitstel (herregistratie goes through /beheer/aanvragen). */
export async function reregistrationRoutes(app: FastifyInstance, opts: FeatureOptions) {
  const deps: ReregistrationDeps = { db: opts.db, mailer: opts.mailer, baseUrl: opts.config.baseUrl };
  const signedIn = { config: { access: 'signed-in' as const } };
  const noticeOf = (req: FastifyRequest) => {
    const key = notices[readQuery(req, noticeQuery).melding as keyof typeof notices];
    return key ? req.pageContext().t(key) : undefined;
  };

  async function renderOwn(req: FastifyRequest, reply: FastifyReply, form: { values?: RenewalForm; errors?: FieldError[] } = {}, status = 200) {
    const own = await getOwnReregistration(deps, contextOf(req));
    return sendPage(reply, <ReregistrationPage ctx={req.pageContext()} view={own.enrolled ? own : null} notice={noticeOf(req)} {...form} />, status);
  }

  app.get(ownReregistrationPath, signedIn, (req, reply) => renderOwn(req, reply));

  app.post(ownReregistrationPath, signedIn, async (req, reply) => {
    const form = readForm(req, renewalForm);
    if (!form.ok) return renderOwn(req, reply, { values: { motivering: '', bevestigd: '', ...form.values }, errors: form.errors }, 400);
    try {
      await applyForReregistration(deps, contextOf(req), form.value);
    } catch (error) {
      // a refusal of the input comes back at its fields; anything else (a conflict) goes on to the error page, in the reader's language
      return renderOwn(req, reply, { values: form.value, errors: validationErrorsOf(req, error) }, 400);
    }
    return reply.redirect(`${ownReregistrationPath}?melding=aangevraagd`, 303);
  });

  async function renderOwnPostponement(
    req: FastifyRequest,
    reply: FastifyReply,
    form: { values?: PostponementForm; errors?: FieldError[] } = {},
    status = 200,
  ) {
    const own = await getOwnPostponement(deps, contextOf(req));
    return sendPage(reply, <OwnPostponementPage ctx={req.pageContext()} view={own.enrolled ? own : null} notice={noticeOf(req)} {...form} />, status);
  }

  app.get(ownPostponementPath, signedIn, (req, reply) => renderOwnPostponement(req, reply));

  app.post(ownPostponementPath, signedIn, async (req, reply) => {
    const form = readForm(req, postponementForm);
    if (!form.ok) return renderOwnPostponement(req, reply, { values: { grond: '', toelichting: '', tot: '', ...form.values }, errors: form.errors }, 400);
    try {
      await requestPostponement(deps, contextOf(req), form.value);
    } catch (error) {
      return renderOwnPostponement(req, reply, { values: form.value, errors: validationErrorsOf(req, error) }, 400);
    }
    return reply.redirect(`${ownPostponementPath}?melding=uitstel`, 303);
  });

  app.get(postponementQueuePath, signedIn, async (req, reply) => {
    const { open, decided } = await getPostponementQueue(deps, contextOf(req));
    return sendPage(reply, <PostponementQueuePage ctx={req.pageContext()} open={open} decided={decided} notice={noticeOf(req)} />);
  });

  const idOf = (req: FastifyRequest) => readParams(req, postponementParams).id;

  async function renderDecision(
    req: FastifyRequest,
    reply: FastifyReply,
    form: { values?: PostponementDecisionForm; errors?: FieldError[] } = {},
    status = 200,
  ) {
    const { request, limit } = await getPostponementForDecision(deps, contextOf(req), idOf(req));
    return sendPage(reply, <PostponementDecisionPage ctx={req.pageContext()} request={request} limit={limit} {...form} />, status);
  }

  app.get(`${postponementQueuePath}/:id`, signedIn, (req, reply) => renderDecision(req, reply));

  app.post(`${postponementQueuePath}/:id`, signedIn, async (req, reply) => {
    const form = readForm(req, postponementDecisionForm);
    if (!form.ok) return renderDecision(req, reply, { values: { besluit: '', tot: '', motivering: '', ...form.values }, errors: form.errors }, 400);
    try {
      await decidePostponementRequest(deps, contextOf(req), idOf(req), form.value);
    } catch (error) {
      return renderDecision(req, reply, { values: form.value, errors: validationErrorsOf(req, error) }, 400);
    }
    return reply.redirect(`${postponementQueuePath}?melding=besloten`, 303);
  });
}
