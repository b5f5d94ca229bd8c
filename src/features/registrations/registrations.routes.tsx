import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { translateMessage } from '../../platform/i18n.ts';
import { AppError } from '../../platform/errors.ts';
import { sendPage } from '../../web/render.ts';
import { decide } from '../../platform/policy.ts';
import type { FieldError } from '../../ui/components/error-summary.tsx';
import type { FeatureOptions } from '../feature.ts';
import { openEvidenceForDecision } from '../register/index.ts';
import { sendPrivateFile } from '../../web/attachment.ts';
import { applyForRegistration, assignApplication, checkEvidenceAccess, decideApplication, getApplicationForReview, getApplicationQueue, getOwnRegistration, listApplicationEvidence, listMyReviews, listOwnEvidenceForApplication, objectToDecision, renderRegistrationCertificate } from '../register/index.ts';
import type { RegistrationDeps } from '../register/index.ts';
import { OwnRegistrationPage, ownRegistrationPath, type ApplyValues } from './views/own-registration-page.tsx';
import { ApplicationsPage, ReviewPage, reviewPath } from './views/review-pages.tsx';
import { attachment } from '../../web/attachment.ts';
import { dutchToday } from '../../platform/dates/calendar.ts';
import { contextOf } from '../../web/route-helpers.ts';

const bodyOf = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 5000) : '');
const errorsOf = (req: FastifyRequest, error: unknown): FieldError[] | null =>
  error instanceof AppError && error.code === 'validation_failed' ? (error.extra.invalidParams ?? []).map((p) => ({ field: p.name, message: translateMessage(req.lang, p.reason) })) : null;
const notices = { aangevraagd: 'registration.notice.applied', bezwaar: 'registration.notice.objected', toegewezen: 'review.notice.assigned', besloten: 'review.notice.decided' } as const;
const noticeOf = (req: FastifyRequest) => {
  const key = notices[(req.query as Record<string, string | undefined>).melding as keyof typeof notices];
  return key ? req.pageContext().t(key) : undefined;
};

/** Registration: the professional applies and objects; register staff assign; the Commissie Registratie decides. */
export async function registrationRoutes(app: FastifyInstance, opts: FeatureOptions) {
  const deps: RegistrationDeps = { db: opts.db, mailer: opts.mailer, baseUrl: opts.config.baseUrl };
  const evidenceDeps = { db: opts.db, dataDir: opts.config.dataDir, fileKey: opts.crypto.fileKey };
  const signedIn = { config: { access: 'signed-in' as const } };
  const today = () => dutchToday();

  async function renderOwn(req: FastifyRequest, reply: FastifyReply, form: { values?: ApplyValues; errors?: FieldError[] } = {}, status = 200) {
    const own = await getOwnRegistration(deps, contextOf(req));
    const evidence = own.enrolment ? await listOwnEvidenceForApplication(deps, own.enrolment.personId) : [];
    return sendPage(
      reply,
      <OwnRegistrationPage ctx={req.pageContext()} enrolled={!!own.enrolment} struckOff={own.struckOff} applications={own.applications} registers={own.registers} evidence={evidence} today={today()} notice={noticeOf(req)} {...form} />,
      status,
    );
  }

  app.get(ownRegistrationPath, signedIn, (req, reply) => renderOwn(req, reply));

  app.post(ownRegistrationPath, signedIn, async (req, reply) => {
    const body = bodyOf(req);
    const [register = '', level = ''] = text(body.niveau).split('::');
    const evidenceIds = [body.bewijs].flat().filter((v): v is string => typeof v === 'string').slice(0, 50);
    const values: ApplyValues = { niveau: text(body.niveau), motivering: text(body.motivering), bewijs: evidenceIds };
    try {
      await applyForRegistration(deps, contextOf(req), { register, level, motivation: values.motivering, evidenceIds });
    } catch (error) {
      const errors = errorsOf(req, error);
      if (!errors) throw error;
      return renderOwn(req, reply, { values, errors }, 400);
    }
    return reply.redirect(`${ownRegistrationPath}?melding=aangevraagd`, 303);
  });

  app.post(`${ownRegistrationPath}/:id/bezwaar`, signedIn, async (req, reply) => {
    try {
      await objectToDecision(deps, contextOf(req), (req.params as { id: string }).id, bodyOf(req).bezwaar);
    } catch (error) {
      const errors = errorsOf(req, error);
      if (!errors) throw error;
      return renderOwn(req, reply, { errors }, 400);
    }
    return reply.redirect(`${ownRegistrationPath}?melding=bezwaar`, 303);
  });

  app.get(`${ownRegistrationPath}/:id/bewijs.pdf`, signedIn, async (req, reply) => {
    const { fileName, pdf } = await renderRegistrationCertificate(deps, contextOf(req), (req.params as { id: string }).id);
    return reply.type('application/pdf').header('Content-Disposition', attachment(fileName)).header('Cache-Control', 'private, no-store').send(pdf);
  });

  app.get(reviewPath, signedIn, async (req, reply) => {
    const ctx = contextOf(req);
    const [staff, member] = await Promise.all([decide(ctx.actor, { action: 'registrations.assign' }), decide(ctx.actor, { action: 'registrations.decide' })]);
    if (!staff.allowed && !member.allowed) throw staff.reason === 'unauthenticated' ? new AppError('unauthenticated') : new AppError('forbidden');
    const queue = staff.allowed ? await getApplicationQueue(deps, ctx) : undefined;
    const mine = member.allowed ? await listMyReviews(deps, ctx) : undefined;
    return sendPage(reply, <ApplicationsPage ctx={req.pageContext()} queue={queue} mine={mine} notice={noticeOf(req)} />);
  });

  app.post(`${reviewPath}/:id/toewijzing`, signedIn, async (req, reply) => {
    await assignApplication(deps, contextOf(req), (req.params as { id: string }).id, text(bodyOf(req).lid));
    return reply.redirect(`${reviewPath}?melding=toegewezen`, 303);
  });

  async function renderReview(req: FastifyRequest, reply: FastifyReply, form: { values?: { besluit?: string; motivering?: string }; errors?: FieldError[] } = {}, status = 200) {
    const { application, events, canDecide, renewal } = await getApplicationForReview(deps, contextOf(req), (req.params as { id: string }).id);
    const evidence = await listApplicationEvidence(deps, application);
    return sendPage(reply, <ReviewPage ctx={req.pageContext()} application={application} events={events} evidence={evidence} canDecide={canDecide} renewal={renewal} {...form} />, status);
  }

  app.get(`${reviewPath}/:id`, signedIn, (req, reply) => renderReview(req, reply));

  app.post(`${reviewPath}/:id/besluit`, signedIn, async (req, reply) => {
    const body = bodyOf(req);
    const values = { besluit: text(body.besluit), motivering: text(body.motivering) };
    try {
      await decideApplication(deps, contextOf(req), (req.params as { id: string }).id, values.besluit, values.motivering);
    } catch (error) {
      const errors = errorsOf(req, error);
      if (!errors) throw error;
      return renderReview(req, reply, { values, errors }, 400);
    }
    return reply.redirect(`${reviewPath}?melding=besloten`, 303);
  });

  app.get(`${reviewPath}/:id/bewijs/:bewijsId`, signedIn, async (req, reply) => {
    const { id, bewijsId } = req.params as { id: string; bewijsId: string };
    await checkEvidenceAccess(deps, contextOf(req), id, bewijsId);
    return sendPrivateFile(reply, await openEvidenceForDecision(evidenceDeps, bewijsId));
  });
}
