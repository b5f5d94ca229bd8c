import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { message, translateMessage } from '../../platform/i18n.ts';
import type { FieldError } from '../../ui/components/error-summary.tsx';
import { attachment } from '../../web/attachment.ts';
import { readForm, readFormShape, readParams, readQuery } from '../../web/forms.ts';
import { rateLimit } from '../../web/rate-limit.ts';
import { sendPage } from '../../web/render.ts';
import { contextOf, fieldErrorsOf } from '../../web/route-helpers.ts';
import type { FeatureOptions } from '../feature.ts';
import { eventsApiRoutes } from './events.api.ts';
import { eventWhen } from './event-format.ts';
import {
  codeForm,
  codeQuery,
  confirmForm,
  eventForm,
  eventParams,
  eventQuery,
  eventsQuery,
  presenceForm,
  registrationForm,
  registrationParams,
  staffEventsQuery,
  tokenForm,
  tokenQuery,
} from './events.forms.ts';
import { checkEventQuery, type EventForm, type Period, type RegistrationForm } from './events.rules.ts';
import * as service from './events.service.ts';
import type { EventDeps, RegisterOutcome, SchoolChoice } from './events.service.ts';
import { AdminEventsPage, AttendancePage, CancelEventPage, EventFormPage, emptyEventForm, formOfEvent } from './views/admin-pages.tsx';
import { EventDetailPage, EventsPage, LinkButtonPage, OutcomePage, OwnEventsPage } from './views/event-pages.tsx';

const pageSize = 20;
const recentPastCount = 5;

const staffNotices = {
  aangemaakt: 'events.admin.notice.created',
  gewijzigd: 'events.admin.notice.changed',
  afgelast: 'events.admin.notice.cancelled',
  aanwezigheid: 'events.admin.notice.presence',
} as const;
const noticeOf = (req: FastifyRequest, value: string | undefined) =>
  value && value in staffNotices ? req.pageContext().t(staffNotices[value as keyof typeof staffNotices]) : undefined;

const idOf = (req: FastifyRequest) => readParams(req, eventParams).id;

/** Problems at fields as the error summary's list; anything else goes on to the error page. */
function problemsOf(req: FastifyRequest, error: unknown): FieldError[] {
  if (error instanceof service.FieldProblems) return error.problems.map((p) => ({ field: p.field, message: translateMessage(req.lang, p.message) }));
  throw error;
}

/**
 * Events (bijeenkomsten): the public list, a page per event with its registration form, the calendar
 * file and feed, the mailed links (confirm, cancel), the person's own registrations, and register staff's
 * pages (create, change, cancel, attendance).
 */
export async function eventsRoutes(app: FastifyInstance, opts: FeatureOptions) {
  const deps: EventDeps = { db: opts.db, mailer: opts.mailer, baseUrl: opts.config.baseUrl, crypto: opts.crypto };
  const publicPage = { config: { access: 'public' as const }, schema: { hide: true } };
  const signedIn = { config: { access: 'signed-in' as const } };
  // registering sends mail, and a confirmation link is a secret to guess: a brake per address, as the identity feature's mail forms have
  const perIp = (name: string) =>
    rateLimit(app, {
      max: Math.max(10, Math.floor(opts.config.rateLimits.signInPerMinute / 4)),
      windowMs: 60_000,
      key: (req) => `${name}:${req.ip}`,
      message: message('error.tooManyAttempts'),
    });
  const registerLimit = perIp('event-register');
  const confirmLimit = perIp('event-confirm');
  await app.register(eventsApiRoutes, { deps });

  // ── the public list, one event, the calendar ──
  app.get(service.eventsPath, publicPage, async (req, reply) => {
    const { page, ...query } = readQuery(req, eventsQuery);
    const checked = checkEventQuery(query);
    const ctx = req.pageContext();
    if (!checked.ok) {
      const errors = checked.problems.map((p) => ({ field: p.field, message: translateMessage(req.lang, p.message) }));
      return sendPage(reply, <EventsPage ctx={ctx} result={null} query={query} period="komend" recentPast={[]} errors={errors} />, 400);
    }
    const result = await service.searchEvents(deps, checked.facts, page, pageSize);
    const recentPast =
      checked.facts.period === 'komend' ? (await service.searchEvents(deps, { ...checked.facts, period: 'voorbij' }, 1, recentPastCount)).events : [];
    return sendPage(reply, <EventsPage ctx={ctx} result={result} query={query} period={checked.facts.period} recentPast={recentPast} />);
  });

  app.get(service.feedPath, publicPage, async (_req, reply) => {
    const text = await service.getEventFeed(deps);
    return reply.type('text/calendar; charset=utf-8').header('Content-Disposition', attachment('bijeenkomsten.ics')).send(text);
  });

  async function renderEvent(
    req: FastifyRequest,
    reply: FastifyReply,
    form: { values?: RegistrationForm; errors?: FieldError[]; choices?: SchoolChoice[] } = {},
    status = 200,
  ) {
    const { event, open } = await service.getPublicEvent(deps, idOf(req));
    const account = req.actor.type === 'account' ? { email: req.actor.email, name: req.actor.displayName } : undefined;
    return sendPage(reply, <EventDetailPage ctx={req.pageContext()} event={event} open={open} account={account} {...form} />, status);
  }

  app.get(`${service.eventsPath}/:id`, publicPage, (req, reply) => renderEvent(req, reply));

  app.get(`${service.eventsPath}/:id/agenda.ics`, publicPage, async (req, reply) => {
    const { fileName, text } = await service.getEventCalendar(deps, idOf(req));
    return reply.type('text/calendar; charset=utf-8').header('Content-Disposition', attachment(fileName)).send(text);
  });

  /** What a registration came to, said plainly. */
  function renderOutcome(req: FastifyRequest, reply: FastifyReply, outcome: RegisterOutcome, event: service.Event) {
    const ctx = req.pageContext();
    const { t } = ctx;
    const when = eventWhen(ctx.lang, event);
    const own = { href: service.ownEventsPath, label: t('events.register.toOwn') };
    const back = { href: service.eventPath(event.id), label: event.title };
    const signedInHere = req.actor.type === 'account';
    if (outcome.kind === 'mailed') {
      return sendPage(
        reply,
        <OutcomePage
          ctx={ctx}
          title={t('events.register.mailed.title')}
          text={t('events.register.mailed', { email: outcome.email })}
          type="info"
          links={[back]}
        />,
      );
    }
    const links = signedInHere ? [own, back] : [back];
    if (outcome.kind === 'aangemeld') {
      return sendPage(
        reply,
        <OutcomePage ctx={ctx} title={t('events.register.placed.title')} text={t('events.register.placed', { title: event.title, when })} links={links} />,
      );
    }
    return sendPage(
      reply,
      <OutcomePage
        ctx={ctx}
        title={t('events.register.waiting.title')}
        text={t('events.register.waiting', { title: event.title, position: outcome.position })}
        type="warning"
        links={links}
      />,
    );
  }

  app.post(`${service.eventsPath}/:id/aanmelden`, { config: { access: 'public' }, preHandler: registerLimit }, async (req, reply) => {
    const { value } = readFormShape(req, registrationForm);
    try {
      const outcome = await service.registerForEvent(deps, contextOf(req), idOf(req), value, req.lang);
      const { event } = await service.getPublicEvent(deps, idOf(req));
      return renderOutcome(req, reply, outcome, event);
    } catch (error) {
      if (error instanceof service.SchoolChoiceNeeded) {
        const choose = { field: 'schoolId', message: req.t('events.register.error.schoolChoose') };
        return renderEvent(req, reply, { values: { ...value, schoolId: '' }, errors: [choose], choices: error.candidates }, 400);
      }
      return renderEvent(req, reply, { values: value, errors: problemsOf(req, error) }, 400);
    }
  });

  // ── the mailed links: GET shows a button, POST does the work (mail scanners follow links, they do not post forms) ──
  app.get(service.confirmPath, publicPage, async (req, reply) => {
    const ctx = req.pageContext();
    const { token } = readQuery(req, tokenQuery);
    const { event } = await service.describeConfirmLink(deps, token);
    return sendPage(
      reply,
      <LinkButtonPage
        ctx={ctx}
        title={ctx.t('events.confirm.title')}
        text={ctx.t('events.confirm.intro', { title: event.title, when: eventWhen(ctx.lang, event) })}
        action={service.confirmPath}
        hidden={{ name: 'token', value: token }}
        button={ctx.t('events.confirm.button')}
      />,
    );
  });

  app.post(service.confirmPath, { config: { access: 'public' }, preHandler: confirmLimit }, async (req, reply) => {
    const { token } = readFormShape(req, tokenForm).value;
    const { outcome, event } = await service.confirmRegistration(deps, contextOf(req), token);
    return renderOutcome(req, reply, outcome, event);
  });

  const cancelRoute = `${service.eventsPath}/aanmelding/:id/afmelden`;
  const registrationIdOf = (req: FastifyRequest) => readParams(req, registrationParams).id;

  function cancelQuestion(
    req: FastifyRequest,
    reply: FastifyReply,
    found: Awaited<ReturnType<typeof service.getOwnRegistration>>,
    action: string,
    code?: string,
  ) {
    const ctx = req.pageContext();
    const { registration, event, cancellable } = found;
    if (!cancellable.ok) {
      return sendPage(
        reply,
        <OutcomePage ctx={ctx} title={ctx.t('events.cancel.title')} text={translateMessage(ctx.lang, cancellable.reason)} type="info" />,
        409,
      );
    }
    const params = { title: event.title, when: eventWhen(ctx.lang, event) };
    const text = registration.status === 'wachtlijst' ? ctx.t('events.cancel.introWaiting', params) : ctx.t('events.cancel.intro', params);
    return sendPage(
      reply,
      <LinkButtonPage
        ctx={ctx}
        title={ctx.t('events.cancel.title')}
        text={text}
        action={action}
        hidden={{ name: 'code', value: code ?? '' }}
        button={ctx.t('events.cancel.button')}
        secondary
      />,
    );
  }

  function cancelled(req: FastifyRequest, reply: FastifyReply, event: service.Event) {
    const ctx = req.pageContext();
    return sendPage(
      reply,
      <OutcomePage
        ctx={ctx}
        title={ctx.t('events.cancel.done.title')}
        text={ctx.t('events.cancel.done', { title: event.title })}
        links={[{ href: service.eventsPath, label: ctx.t('events.back') }]}
      />,
    );
  }

  app.get(cancelRoute, publicPage, async (req, reply) => {
    const { code } = readQuery(req, codeQuery);
    const found = await service.getRegistrationByLink(deps, registrationIdOf(req), code);
    return cancelQuestion(req, reply, found, service.cancelLinkPath(found.registration.id), code);
  });

  app.post(cancelRoute, { config: { access: 'public' } }, async (req, reply) => {
    const { code } = readFormShape(req, codeForm).value;
    return cancelled(req, reply, await service.cancelByLink(deps, contextOf(req), registrationIdOf(req), code));
  });

  // ── the person's own registrations ──
  app.get(service.ownEventsPath, signedIn, async (req, reply) => {
    const registrations = await service.listOwnRegistrations(deps, contextOf(req));
    const email = req.actor.type === 'account' ? req.actor.email : '';
    return sendPage(reply, <OwnEventsPage ctx={req.pageContext()} email={email} registrations={registrations} />);
  });

  app.get(`${service.ownEventsPath}/:id/afmelden`, signedIn, async (req, reply) => {
    const found = await service.getOwnRegistration(deps, contextOf(req), registrationIdOf(req));
    return cancelQuestion(req, reply, found, `${service.ownEventsPath}/${found.registration.id}/afmelden`);
  });

  app.post(`${service.ownEventsPath}/:id/afmelden`, signedIn, async (req, reply) => {
    return cancelled(req, reply, await service.cancelOwnRegistration(deps, contextOf(req), registrationIdOf(req)));
  });

  // ── register staff ──
  app.get(service.adminEventsPath, signedIn, async (req, reply) => {
    const { page, periode, melding } = readQuery(req, staffEventsQuery);
    const period: Period = periode === 'voorbij' ? 'voorbij' : 'komend';
    const result = await service.listEventsForStaff(deps, contextOf(req), { kind: null, period }, page, pageSize);
    return sendPage(reply, <AdminEventsPage ctx={req.pageContext()} result={result} period={period} notice={noticeOf(req, melding)} />);
  });

  async function renderNew(req: FastifyRequest, reply: FastifyReply, values: EventForm = emptyEventForm, errors: FieldError[] = [], status = 200) {
    await service.checkEventStaff(contextOf(req));
    return sendPage(reply, <EventFormPage ctx={req.pageContext()} values={values} errors={errors} />, status);
  }

  app.get(`${service.adminEventsPath}/nieuw`, signedIn, (req, reply) => renderNew(req, reply));

  app.post(service.adminEventsPath, signedIn, async (req, reply) => {
    const { value } = readFormShape(req, eventForm);
    try {
      const id = await service.createEvent(deps, contextOf(req), value);
      return reply.redirect(`${service.adminEventPath(id)}?melding=aangemaakt`, 303);
    } catch (error) {
      return renderNew(req, reply, value, problemsOf(req, error), 400);
    }
  });

  async function renderEdit(req: FastifyRequest, reply: FastifyReply, form: { values?: EventForm; errors?: FieldError[] } = {}, status = 200) {
    const { event, changeable } = await service.getEventForStaff(deps, contextOf(req), idOf(req));
    const notice = noticeOf(req, readQuery(req, eventQuery).melding);
    return sendPage(
      reply,
      <EventFormPage
        ctx={req.pageContext()}
        event={event}
        values={form.values ?? formOfEvent(event)}
        errors={form.errors}
        notice={notice}
        changeable={changeable}
      />,
      status,
    );
  }

  app.get(`${service.adminEventsPath}/:id`, signedIn, (req, reply) => renderEdit(req, reply));

  app.post(`${service.adminEventsPath}/:id`, signedIn, async (req, reply) => {
    const { value } = readFormShape(req, eventForm);
    try {
      await service.changeEvent(deps, contextOf(req), idOf(req), value);
    } catch (error) {
      return renderEdit(req, reply, { values: value, errors: problemsOf(req, error) }, 400);
    }
    return reply.redirect(`${service.adminEventPath(idOf(req))}?melding=gewijzigd`, 303);
  });

  async function renderCancelEvent(req: FastifyRequest, reply: FastifyReply, errors: FieldError[] = [], status = 200) {
    const { event, changeable } = await service.getEventForStaff(deps, contextOf(req), idOf(req));
    if (!changeable.ok) throw new AppError('conflict', changeable.reason);
    return sendPage(reply, <CancelEventPage ctx={req.pageContext()} event={event} errors={errors} />, status);
  }

  app.get(`${service.adminEventsPath}/:id/afgelasten`, signedIn, (req, reply) => renderCancelEvent(req, reply));

  app.post(`${service.adminEventsPath}/:id/afgelasten`, signedIn, async (req, reply) => {
    const form = readForm(req, confirmForm);
    try {
      await service.cancelEvent(deps, contextOf(req), idOf(req), form.ok ? form.value.bevestigd : undefined);
    } catch (error) {
      return renderCancelEvent(req, reply, error instanceof service.FieldProblems ? problemsOf(req, error) : fieldErrorsOf(req, error, 'bevestigd'), 400);
    }
    return reply.redirect(`${service.adminEventsPath}?melding=afgelast`, 303);
  });

  const attendanceRoute = `${service.adminEventsPath}/:id/aanwezigheid`;

  app.get(attendanceRoute, signedIn, async (req, reply) => {
    const { event, placed, waiting } = await service.getAttendanceList(deps, contextOf(req), idOf(req));
    const notice = noticeOf(req, readQuery(req, eventQuery).melding);
    return sendPage(reply, <AttendancePage ctx={req.pageContext()} event={event} placed={placed} waiting={waiting} notice={notice} />);
  });

  app.post(attendanceRoute, signedIn, async (req, reply) => {
    await service.recordPresence(deps, contextOf(req), idOf(req), readFormShape(req, presenceForm).value.aanwezig);
    return reply.redirect(`${service.adminEventPath(idOf(req))}/aanwezigheid?melding=aanwezigheid`, 303);
  });

  app.get(`${attendanceRoute}.csv`, signedIn, async (req, reply) => {
    const { fileName, text } = await service.exportAttendanceCsv(deps, contextOf(req), idOf(req));
    return reply.type('text/csv; charset=utf-8').header('Content-Disposition', attachment(fileName)).send(text);
  });
}
