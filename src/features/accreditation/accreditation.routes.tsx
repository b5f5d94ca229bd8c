import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OrganisationRef } from '../../platform/auth/roles.ts';
import { AppError } from '../../platform/errors.ts';
import { sendPage } from '../../web/render.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import type { FieldError } from '../../ui/components/error-summary.tsx';
import { contextOf, validationErrorsOf } from '../../web/route-helpers.ts';
import type { FeatureOptions } from '../feature.ts';
import * as service from './accreditation.service.ts';
import { defaultDecisionForm, type DecisionForm, type OfferingForm, type ProviderForm } from './offering.rules.ts';
import { QueuePage, ReviewPage } from './views/commission-pages.tsx';
import { commissionPath, offeringsPath, providersPath } from './views/offering-parts.tsx';
import { NewOfferingPage, OfferingsPage, OwnOfferingPage } from './views/offering-pages.tsx';
import { ProvidersPage } from './views/provider-pages.tsx';
import { uuidPattern as uuid } from '../../platform/ids/uuid-pattern.ts';
import { dutchToday } from '../../platform/dates/calendar.ts';

const bodyOf = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;
const text = (body: Record<string, unknown>, key: string, max = 6000) => (typeof body[key] === 'string' ? (body[key] as string).slice(0, max) : '');
const list = (body: Record<string, unknown>, key: string) => [body[key]].flat().filter((v): v is string => typeof v === 'string').map((v) => v.slice(0, 300)).slice(0, 50);

/** A refusal of the input as the error summary's list; anything else goes on to the error page. */
function offeringFormOf(req: FastifyRequest): OfferingForm {
  const body = bodyOf(req);
  return {
    titel: text(body, 'titel', 300), omschrijving: text(body, 'omschrijving'), leerdoelen: text(body, 'leerdoelen'), soort: text(body, 'soort', 50), vorm: text(body, 'vorm', 50),
    themas: list(body, 'themas'), competenties: list(body, 'competenties'), studielast: text(body, 'studielast', 20), primairProces: text(body, 'primairProces', 5),
    master: text(body, 'master', 5), prijs: text(body, 'prijs', 20), contactNaam: text(body, 'contactNaam', 300), contactEmail: text(body, 'contactEmail', 300),
  };
}

function decisionFormOf(req: FastifyRequest): DecisionForm {
  const body = bodyOf(req);
  return {
    besluit: text(body, 'besluit', 20), punten: text(body, 'punten', 20), themas: list(body, 'themas'), geldigVanaf: text(body, 'geldigVanaf', 20),
    geldigTot: text(body, 'geldigTot', 20), motivering: text(body, 'motivering'),
  };
}

/** The organisation in the address: a provider or a board, by id; anything else is not found. */
function organisationOf(req: FastifyRequest): OrganisationRef {
  const { soort, id } = req.params as { soort: string; id: string };
  if ((soort !== 'aanbieder' && soort !== 'bestuur') || !uuid.test(id)) throw AppError.notFound();
  return { kind: soort, id: id.toLowerCase() };
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
  const query = (req: FastifyRequest) => req.query as Record<string, string | undefined>;
  const noticeOf = (req: FastifyRequest) => {
    const key = notices[query(req).melding ?? ''];
    return key ? req.pageContext().t(key) : undefined;
  };
  const offeringIdOf = (req: FastifyRequest) => (req.params as { aanbodId: string }).aanbodId;

  // ── providers ──
  async function renderProviders(req: FastifyRequest, reply: FastifyReply, form: { values?: ProviderForm; errors?: FieldError[] } = {}, status = 200) {
    const providers = await service.listProviders(deps, contextOf(req));
    return sendPage(reply, <ProvidersPage ctx={req.pageContext()} providers={providers} notice={noticeOf(req)} {...form} />, status);
  }

  app.get(providersPath, signedIn, (req, reply) => renderProviders(req, reply));

  app.post(providersPath, signedIn, async (req, reply) => {
    const body = bodyOf(req);
    const values: ProviderForm = { naam: text(body, 'naam', 300), soort: text(body, 'soort', 30), email: text(body, 'email', 300), website: text(body, 'website', 400) };
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
    const values = offeringFormOf(req);
    let id: string;
    try {
      id = await service.submitOffering(deps, contextOf(req), organisation, values);
    } catch (error) {
      return renderNew(req, reply, { values, errors: validationErrorsOf(req, error) }, 400);
    }
    return reply.redirect(`${offeringsPath(organisation)}/${id}?melding=ingediend`, 303);
  });

  async function renderOwn(req: FastifyRequest, reply: FastifyReply, form: { values?: OfferingForm & { antwoord: string }; errors?: FieldError[] } = {}, status = 200) {
    const own = await service.getOwnOffering(deps, contextOf(req), organisationOf(req), offeringIdOf(req));
    return sendPage(
      reply,
      <OwnOfferingPage ctx={req.pageContext()} organisation={own.organisation} offering={own.offering} events={own.events} framework={own.framework} notice={noticeOf(req)} {...form} />,
      status,
    );
  }

  app.get('/beheer/:soort/:id/aanbod/:aanbodId', signedIn, (req, reply) => renderOwn(req, reply));

  app.post('/beheer/:soort/:id/aanbod/:aanbodId/antwoord', signedIn, async (req, reply) => {
    const organisation = organisationOf(req);
    const values = { ...offeringFormOf(req), antwoord: text(bodyOf(req), 'antwoord') };
    try {
      await service.answerInformationRequest(deps, contextOf(req), organisation, offeringIdOf(req), { message: values.antwoord, form: values });
    } catch (error) {
      return renderOwn(req, reply, { values, errors: validationErrorsOf(req, error) }, 400);
    }
    return reply.redirect(`${offeringsPath(organisation)}/${offeringIdOf(req)}?melding=beantwoord`, 303);
  });

  app.post('/beheer/:soort/:id/aanbod/:aanbodId/intrekken', signedIn, async (req, reply) => {
    const organisation = organisationOf(req);
    try {
      await service.withdrawOffering(deps, contextOf(req), organisation, offeringIdOf(req), bodyOf(req).bevestigd);
    } catch (error) {
      return renderOwn(req, reply, { errors: validationErrorsOf(req, error) }, 400);
    }
    return reply.redirect(`${offeringsPath(organisation)}?melding=ingetrokken`, 303);
  });

  // ── the Commissie Accreditatie ──
  async function renderQueue(req: FastifyRequest, reply: FastifyReply, errors: FieldError[] = [], status = 200) {
    const filter = service.queueFilterOf(query(req).status);
    const page = Math.max(1, Math.min(10_000, Math.floor(Number(query(req).page)) || 1));
    const pageSize = 20;
    const queue = await service.getQueue(deps, contextOf(req), { filter, page, pageSize });
    return sendPage(reply, <QueuePage ctx={req.pageContext()} view={{ ...queue, filter, page, pageSize }} errors={errors} notice={noticeOf(req)} />, status);
  }

  app.get(commissionPath, signedIn, (req, reply) => renderQueue(req, reply));

  app.post(`${commissionPath}/:aanbodId/toewijzing`, signedIn, async (req, reply) => {
    try {
      await service.assignOffering(deps, contextOf(req), offeringIdOf(req), text(bodyOf(req), 'lid', 50));
    } catch (error) {
      return renderQueue(req, reply, validationErrorsOf(req, error), 400);
    }
    return reply.redirect(`${commissionPath}?melding=toegewezen`, 303);
  });

  async function renderReview(req: FastifyRequest, reply: FastifyReply, form: { decision?: DecisionForm; question?: string; errors?: FieldError[] } = {}, status = 200) {
    const view = await service.getOfferingForReview(deps, contextOf(req), offeringIdOf(req));
    const asked = view.offering.themes.filter((theme) => view.framework.themes.includes(theme));
    const decision = form.decision ?? defaultDecisionForm(today(), asked);
    return sendPage(reply, <ReviewPage ctx={req.pageContext()} view={view} decision={decision} question={form.question} errors={form.errors} notice={noticeOf(req)} />, status);
  }

  app.get(`${commissionPath}/:aanbodId`, signedIn, (req, reply) => renderReview(req, reply));

  app.post(`${commissionPath}/:aanbodId/informatie`, signedIn, async (req, reply) => {
    const question = text(bodyOf(req), 'vraag');
    try {
      await service.requestInformation(deps, contextOf(req), offeringIdOf(req), question);
    } catch (error) {
      return renderReview(req, reply, { question, errors: validationErrorsOf(req, error) }, 400);
    }
    return reply.redirect(`${commissionPath}/${offeringIdOf(req)}?melding=gevraagd`, 303);
  });

  app.post(`${commissionPath}/:aanbodId/besluit`, signedIn, async (req, reply) => {
    const decision = decisionFormOf(req);
    try {
      await service.decideOffering(deps, contextOf(req), offeringIdOf(req), decision);
    } catch (error) {
      return renderReview(req, reply, { decision, errors: validationErrorsOf(req, error) }, 400);
    }
    return reply.redirect(`${commissionPath}/${offeringIdOf(req)}?melding=besloten`, 303);
  });
}
