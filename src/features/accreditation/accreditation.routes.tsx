import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OrganisationRef } from '../../platform/auth/roles.ts';
import { sendPage } from '../../web/render.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import type { FieldError } from '../../ui/components/error-summary.tsx';
import { readForm, readFormShape, readParams, readQuery } from '../../web/forms.ts';
import { contextOf, validationErrorsOf } from '../../web/route-helpers.ts';
import type { FeatureOptions } from '../feature.ts';
import * as service from './accreditation.service.ts';
import {
  answerForm,
  assignForm,
  decisionForm,
  noticeQuery,
  offeringForm,
  offeringParams,
  organisationParams,
  providerForm,
  queueQuery,
  questionForm,
  withdrawForm,
} from './accreditation.forms.ts';
import { defaultDecisionForm, type DecisionForm, type OfferingForm, type ProviderForm } from './offering.rules.ts';
import { QueuePage, ReviewPage } from './views/commission-pages.tsx';
import { commissionPath, offeringsPath, providersPath } from './views/offering-parts.tsx';
import { NewOfferingPage, OfferingsPage, OwnOfferingPage } from './views/offering-pages.tsx';
import { ProvidersPage } from './views/provider-pages.tsx';
import { dutchToday } from '../../platform/dates/calendar.ts';

/** The organisation in the address: a provider or a board, by id; anything else is not found. */
function organisationOf(req: FastifyRequest): OrganisationRef {
  const { soort, id } = readParams(req, organisationParams);
  return { kind: soort, id };
}

const notices: Record<string, MessageKey> = {
  toegevoegd: 'accreditation.providers.notice.added',
  ingediend: 'accreditation.notice.submitted',
  beantwoord: 'accreditation.notice.answered',
  ingetrokken: 'accreditation.notice.withdrawn',
  toegewezen: 'accreditation.notice.assigned',
  gevraagd: 'accreditation.notice.asked',
  besloten: 'accreditation.notice.decided',
};

/**
 * Accreditation: register staff keep the providers; providers and boards submit offerings and answer
 * the commission; register staff assign them and the Commissie Accreditatie decides.
 */
export async function accreditationRoutes(app: FastifyInstance, opts: FeatureOptions) {
  const deps: service.AccreditationDeps = { db: opts.db, mailer: opts.mailer, baseUrl: opts.config.baseUrl };
  const signedIn = { config: { access: 'signed-in' as const } };
  const today = () => dutchToday();
  const noticeOf = (req: FastifyRequest) => {
    const { melding } = readQuery(req, noticeQuery);
    const key = melding && Object.hasOwn(notices, melding) ? notices[melding] : undefined;
    return key ? req.pageContext().t(key) : undefined;
  };
  const offeringIdOf = (req: FastifyRequest) => readParams(req, offeringParams).aanbodId;

  // ── providers ──
  async function renderProviders(req: FastifyRequest, reply: FastifyReply, form: { values?: ProviderForm; errors?: FieldError[] } = {}, status = 200) {
    const providers = await service.listProviders(deps, contextOf(req));
    return sendPage(reply, <ProvidersPage ctx={req.pageContext()} providers={providers} notice={noticeOf(req)} {...form} />, status);
  }

  app.get(providersPath, signedIn, (req, reply) => renderProviders(req, reply));

  app.post(providersPath, signedIn, async (req, reply) => {
    const form = readForm(req, providerForm);
    if (!form.ok) return renderProviders(req, reply, { errors: form.errors }, 400);
    const values = form.value;
    try {
      await service.addProvider(deps, contextOf(req), values);
    } catch (error) {
      return renderProviders(req, reply, { values, errors: validationErrorsOf(req, error) }, 400);
    }
    return reply.redirect(`${providersPath}?melding=toegevoegd`, 303);
  });

  // ── the submitting organisation ──
  app.get('/beheer/:soort/:id/aanbod', signedIn, async (req, reply) => {
    const { organisation, offerings } = await service.listOrganisationOfferings(deps, contextOf(req), organisationOf(req));
    return sendPage(reply, <OfferingsPage ctx={req.pageContext()} organisation={organisation} offerings={offerings} notice={noticeOf(req)} />);
  });

  async function renderNew(req: FastifyRequest, reply: FastifyReply, form: { values?: OfferingForm; errors?: FieldError[] } = {}, status = 200) {
    const { organisation, framework } = await service.getSubmissionForm(deps, contextOf(req), organisationOf(req));
    return sendPage(reply, <NewOfferingPage ctx={req.pageContext()} organisation={organisation} framework={framework} {...form} />, status);
  }

  app.get('/beheer/:soort/:id/aanbod/nieuw', signedIn, (req, reply) => renderNew(req, reply));

  app.post('/beheer/:soort/:id/aanbod', signedIn, async (req, reply) => {
    const organisation = organisationOf(req);
    const values = readFormShape(req, offeringForm).value;
    let id: string;
    try {
      id = await service.submitOffering(deps, contextOf(req), organisation, values);
    } catch (error) {
      return renderNew(req, reply, { values, errors: validationErrorsOf(req, error) }, 400);
    }
    return reply.redirect(`${offeringsPath(organisation)}/${id}?melding=ingediend`, 303);
  });

  async function renderOwn(
    req: FastifyRequest,
    reply: FastifyReply,
    form: { values?: OfferingForm & { antwoord: string }; errors?: FieldError[] } = {},
    status = 200,
  ) {
    const own = await service.getOwnOffering(deps, contextOf(req), organisationOf(req), offeringIdOf(req));
    return sendPage(
      reply,
      <OwnOfferingPage
        ctx={req.pageContext()}
        organisation={own.organisation}
        offering={own.offering}
        events={own.events}
        framework={own.framework}
        notice={noticeOf(req)}
        {...form}
      />,
      status,
    );
  }

  app.get('/beheer/:soort/:id/aanbod/:aanbodId', signedIn, (req, reply) => renderOwn(req, reply));

  app.post('/beheer/:soort/:id/aanbod/:aanbodId/antwoord', signedIn, async (req, reply) => {
    const organisation = organisationOf(req);
    const id = offeringIdOf(req);
    const values = readFormShape(req, answerForm).value;
    try {
      await service.answerInformationRequest(deps, contextOf(req), organisation, id, { message: values.antwoord, form: values });
    } catch (error) {
      return renderOwn(req, reply, { values, errors: validationErrorsOf(req, error) }, 400);
    }
    return reply.redirect(`${offeringsPath(organisation)}/${id}?melding=beantwoord`, 303);
  });

  app.post('/beheer/:soort/:id/aanbod/:aanbodId/intrekken', signedIn, async (req, reply) => {
    const organisation = organisationOf(req);
    const id = offeringIdOf(req);
    const form = readForm(req, withdrawForm);
    if (!form.ok) return renderOwn(req, reply, { errors: form.errors }, 400);
    try {
      await service.withdrawOffering(deps, contextOf(req), organisation, id, form.value.bevestigd);
    } catch (error) {
      return renderOwn(req, reply, { errors: validationErrorsOf(req, error) }, 400);
    }
    return reply.redirect(`${offeringsPath(organisation)}?melding=ingetrokken`, 303);
  });

  // ── the Commissie Accreditatie ──
  async function renderQueue(req: FastifyRequest, reply: FastifyReply, errors: FieldError[] = [], status = 200) {
    const asked = readQuery(req, queueQuery);
    const filter = service.queueFilterOf(asked.status);
    const page = asked.page;
    const pageSize = 20;
    const queue = await service.getQueue(deps, contextOf(req), { filter, page, pageSize });
    return sendPage(reply, <QueuePage ctx={req.pageContext()} view={{ ...queue, filter, page, pageSize }} errors={errors} notice={noticeOf(req)} />, status);
  }

  app.get(commissionPath, signedIn, (req, reply) => renderQueue(req, reply));

  app.post(`${commissionPath}/:aanbodId/toewijzing`, signedIn, async (req, reply) => {
    const id = offeringIdOf(req);
    const form = readForm(req, assignForm);
    if (!form.ok) return renderQueue(req, reply, form.errors, 400);
    try {
      await service.assignOffering(deps, contextOf(req), id, form.value.lid);
    } catch (error) {
      return renderQueue(req, reply, validationErrorsOf(req, error), 400);
    }
    return reply.redirect(`${commissionPath}?melding=toegewezen`, 303);
  });

  async function renderReview(
    req: FastifyRequest,
    reply: FastifyReply,
    form: { decision?: DecisionForm; question?: string; errors?: FieldError[] } = {},
    status = 200,
  ) {
    const view = await service.getOfferingForReview(deps, contextOf(req), offeringIdOf(req));
    const asked = view.offering.themes.filter((theme) => view.framework.themes.includes(theme));
    const decision = form.decision ?? defaultDecisionForm(today(), asked);
    return sendPage(
      reply,
      <ReviewPage ctx={req.pageContext()} view={view} decision={decision} question={form.question} errors={form.errors} notice={noticeOf(req)} />,
      status,
    );
  }

  app.get(`${commissionPath}/:aanbodId`, signedIn, (req, reply) => renderReview(req, reply));

  app.post(`${commissionPath}/:aanbodId/informatie`, signedIn, async (req, reply) => {
    const id = offeringIdOf(req);
    const form = readForm(req, questionForm);
    if (!form.ok) return renderReview(req, reply, { question: form.values.vraag, errors: form.errors }, 400);
    const question = form.value.vraag;
    try {
      await service.requestInformation(deps, contextOf(req), id, question);
    } catch (error) {
      return renderReview(req, reply, { question, errors: validationErrorsOf(req, error) }, 400);
    }
    return reply.redirect(`${commissionPath}/${id}?melding=gevraagd`, 303);
  });

  app.post(`${commissionPath}/:aanbodId/besluit`, signedIn, async (req, reply) => {
    const id = offeringIdOf(req);
    const decision = readFormShape(req, decisionForm).value;
    try {
      await service.decideOffering(deps, contextOf(req), id, decision);
    } catch (error) {
      return renderReview(req, reply, { decision, errors: validationErrorsOf(req, error) }, 400);
    }
    return reply.redirect(`${commissionPath}/${id}?melding=besloten`, 303);
  });
}
