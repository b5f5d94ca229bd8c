import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { message, translateMessage } from '../../platform/i18n.ts';
import type { FieldError } from '../../ui/components/error-summary.tsx';
import { attachment } from '../../web/attachment.ts';
import { readFormShape, readParams, readQuery } from '../../web/forms.ts';
import { rateLimit } from '../../web/rate-limit.ts';
import { sendPage } from '../../web/render.ts';
import { contextOf } from '../../web/route-helpers.ts';
import type { FeatureOptions } from '../feature.ts';
import { answerForm, backlogQuery, eventParams, noticeQuery, tagForm, tokenQuery, topicChangeForm, topicForm, topicParams } from './feedback.forms.ts';
import type { AnswerForm, BacklogQuery } from './feedback.rules.ts';
import * as service from './feedback.service.ts';
import type { FeedbackDeps } from './feedback.service.ts';
import { BacklogPage, EventFeedbackPage, TopicsPage } from './views/admin-pages.tsx';
import { FeedbackFormPage, MessagePage } from './views/form-pages.tsx';

const quotesPerPage = 10;

const notices = {
  onderwerp: 'feedback.notice.topicAdded',
  hernoemen: 'feedback.notice.topicRenamed',
  intrekken: 'feedback.notice.topicRetired',
  terugzetten: 'feedback.notice.topicRestored',
  getagd: 'feedback.notice.tagged',
} as const;
const noticeOf = (req: FastifyRequest) => {
  const value = readQuery(req, noticeQuery).melding;
  return value && value in notices ? req.t(notices[value as keyof typeof notices]) : undefined;
};

function problemsOf(req: FastifyRequest, error: unknown): FieldError[] {
  if (error instanceof service.FieldProblems) return error.problems.map((p) => ({ field: p.field, message: translateMessage(req.lang, p.message) }));
  throw error;
}

/**
 * Feedback after events (decision 030): the form behind the mailed link, and register staff's pages (the
 * topic list, an event's answers with their tags, the backlog and its CSV).
 */
export async function feedbackRoutes(app: FastifyInstance, opts: FeatureOptions) {
  const deps: FeedbackDeps = { db: opts.db, mailer: opts.mailer, baseUrl: opts.config.baseUrl };
  const signedIn = { config: { access: 'signed-in' as const } };
  // the link is a secret to guess: a brake per address, as the events' confirmation link has
  const answerLimit = rateLimit(app, {
    max: Math.max(10, Math.floor(opts.config.rateLimits.signInPerMinute / 4)),
    windowMs: 60_000,
    key: (req) => `feedback-answer:${req.ip}`,
    message: message('error.tooManyAttempts'),
  });

  // ── the form ──
  function closed(req: FastifyRequest, reply: FastifyReply, state: 'answered' | 'expired') {
    const ctx = req.pageContext();
    return state === 'answered'
      ? sendPage(reply, <MessagePage ctx={ctx} title={ctx.t('feedback.answered.title')} text={ctx.t('feedback.answered.text')} type="info" />, 409)
      : sendPage(reply, <MessagePage ctx={ctx} title={ctx.t('feedback.expired.title')} text={ctx.t('feedback.expired.text')} type="warning" />, 410);
  }

  function unknown(req: FastifyRequest, reply: FastifyReply) {
    const ctx = req.pageContext();
    return sendPage(reply, <MessagePage ctx={ctx} title={ctx.t('feedback.unknown.title')} text={ctx.t('feedback.link.unknown')} type="warning" />, 404);
  }

  async function renderForm(req: FastifyRequest, reply: FastifyReply, token: string, form: { values?: AnswerForm; errors?: FieldError[] } = {}, status = 200) {
    const found = await service.describeLink(deps, token).catch((error: unknown) => {
      if (error instanceof service.UnknownLink) return undefined;
      throw error;
    });
    if (!found) return unknown(req, reply);
    const { event, state } = found;
    if (state !== 'open') return closed(req, reply, state);
    return sendPage(reply, <FeedbackFormPage ctx={req.pageContext()} event={event} token={token} {...form} />, status);
  }

  app.get(service.formPath, { config: { access: 'public' }, schema: { hide: true } }, (req, reply) => renderForm(req, reply, readQuery(req, tokenQuery).token));

  app.post(service.formPath, { config: { access: 'public' }, preHandler: answerLimit }, async (req, reply) => {
    const { token, ...values } = readFormShape(req, answerForm).value;
    try {
      await service.submitAnswer(deps, token, values);
    } catch (error) {
      if (error instanceof service.LinkClosed) return closed(req, reply, error.state);
      if (error instanceof service.UnknownLink) return unknown(req, reply);
      return renderForm(req, reply, token, { values, errors: problemsOf(req, error) }, 400);
    }
    return reply.redirect(service.thanksPath, 303);
  });

  app.get(service.thanksPath, { config: { access: 'public' }, schema: { hide: true } }, (req, reply) => {
    const ctx = req.pageContext();
    return sendPage(reply, <MessagePage ctx={ctx} title={ctx.t('feedback.thanks.title')} text={ctx.t('feedback.thanks.text')} />);
  });

  // ── register staff: the topic list ──
  async function renderTopics(
    req: FastifyRequest,
    reply: FastifyReply,
    form: { values?: { naam: string; field?: string }; errors?: FieldError[] } = {},
    status = 200,
  ) {
    const topics = await service.listTopics(deps, contextOf(req));
    return sendPage(reply, <TopicsPage ctx={req.pageContext()} topics={topics} notice={status === 200 ? noticeOf(req) : undefined} {...form} />, status);
  }

  app.get(service.topicsPath, signedIn, (req, reply) => renderTopics(req, reply));

  app.post(service.topicsPath, signedIn, async (req, reply) => {
    const { naam } = readFormShape(req, topicForm).value;
    try {
      await service.addTopic(deps, contextOf(req), naam);
    } catch (error) {
      return renderTopics(req, reply, { values: { naam }, errors: problemsOf(req, error) }, 400);
    }
    return reply.redirect(`${service.topicsPath}?melding=onderwerp`, 303);
  });

  app.post(`${service.topicsPath}/:id`, signedIn, async (req, reply) => {
    const { id } = readParams(req, topicParams);
    const { naam, actie } = readFormShape(req, topicChangeForm).value;
    try {
      const done = await service.changeTopic(deps, contextOf(req), id, actie, naam);
      return reply.redirect(`${service.topicsPath}?melding=${done}`, 303);
    } catch (error) {
      return renderTopics(req, reply, { values: { naam, field: `naam-${id.toLowerCase()}` }, errors: problemsOf(req, error) }, 400);
    }
  });

  // ── register staff: an event's answers, tagged ──
  async function renderEvent(
    req: FastifyRequest,
    reply: FastifyReply,
    eventId: string,
    form: { errors?: FieldError[]; sent?: { answerId: string; topicIds: string[] } } = {},
    status = 200,
  ) {
    const found = await service.getEventFeedback(deps, contextOf(req), eventId);
    return sendPage(reply, <EventFeedbackPage ctx={req.pageContext()} {...found} {...form} notice={status === 200 ? noticeOf(req) : undefined} />, status);
  }

  app.get(service.eventFeedbackPath(':id'), signedIn, (req, reply) => renderEvent(req, reply, readParams(req, eventParams).id));

  app.post(`${service.backlogPath}/antwoorden/:id`, signedIn, async (req, reply) => {
    const { id } = readParams(req, topicParams);
    const { onderwerp } = readFormShape(req, tagForm).value;
    try {
      const { eventId } = await service.tagAnswer(deps, contextOf(req), id, onderwerp);
      return reply.redirect(`${service.eventFeedbackPath(eventId)}?melding=getagd#antwoord-${id.toLowerCase()}`, 303);
    } catch (error) {
      const errors = problemsOf(req, error);
      const { eventId } = await service.answerEvent(deps, id);
      return renderEvent(req, reply, eventId, { errors, sent: { answerId: id.toLowerCase(), topicIds: onderwerp } }, 400);
    }
  });

  // ── register staff: the backlog ──
  app.get(service.backlogPath, signedIn, async (req, reply) => {
    const { page, ...query } = readQuery(req, backlogQuery);
    const checked = service.checkBacklog(query);
    if (!checked.ok) {
      await service.listTopics(deps, contextOf(req));
      const errors = checked.problems.map((p) => ({ field: p.field, message: translateMessage(req.lang, p.message) }));
      return sendPage(reply, <BacklogPage ctx={req.pageContext()} backlog={null} query={query} errors={errors} />, 400);
    }
    const backlog = await service.getBacklog(deps, contextOf(req), checked.facts, page, quotesPerPage);
    return sendPage(reply, <BacklogPage ctx={req.pageContext()} backlog={backlog} query={query satisfies BacklogQuery} />);
  });

  app.get(service.backlogCsvPath, signedIn, async (req, reply) => {
    const { page: _page, ...query } = readQuery(req, backlogQuery);
    const checked = service.checkBacklog(query);
    if (!checked.ok) {
      await service.listTopics(deps, contextOf(req));
      const errors = checked.problems.map((p) => ({ field: p.field, message: translateMessage(req.lang, p.message) }));
      return sendPage(reply, <BacklogPage ctx={req.pageContext()} backlog={null} query={query} errors={errors} />, 400);
    }
    const { fileName, text } = await service.exportBacklogCsv(deps, contextOf(req), checked.facts);
    return reply.type('text/csv; charset=utf-8').header('Content-Disposition', attachment(fileName)).send(text);
  });
}
