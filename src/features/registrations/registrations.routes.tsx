import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { sendPage } from '../../web/render.ts';
import { decide } from '../../platform/policy.ts';
import type { FieldError } from '../../ui/components/error-summary.tsx';
import type { FeatureOptions } from '../feature.ts';
import { openEvidenceForDecision } from '../register/index.ts';
import { sendPrivateFile } from '../../web/attachment.ts';
import {
  applyForRegistration,
  assignApplication,
  checkEvidenceAccess,
  decideApplication,
  previewDecision,
  getApplicationForReview,
  getApplicationQueue,
  getOwnRegistration,
  listApplicationEvidence,
  listMyReviews,
  listOwnEvidenceForApplication,
  objectToDecision,
  renderRegistrationCertificate,
} from '../register/index.ts';
import type { RegistrationDeps } from '../register/index.ts';
import { OwnRegistrationPage, ownRegistrationPath, type ApplyValues } from './views/own-registration-page.tsx';
import { ApplicationsPage, ConfirmDecisionPage, ReviewPage, reviewPath } from './views/review-pages.tsx';
import { attachment } from '../../web/attachment.ts';
import { dutchToday } from '../../platform/dates/calendar.ts';
import { contextOf, validationErrorsOf } from '../../web/route-helpers.ts';
import { readForm, readParams, readQuery } from '../../web/forms.ts';
import { applicationEvidenceParams, applicationParams, applyForm, assignForm, decisionForm, noticeQuery, objectionForm } from './registrations.forms.ts';

const notices = {
  aangevraagd: 'registration.notice.applied',
  bezwaar: 'registration.notice.objected',
  toegewezen: 'review.notice.assigned',
  besloten: 'review.notice.decided',
} as const;
const noticeOf = (req: FastifyRequest) => {
  const key = notices[readQuery(req, noticeQuery).melding as keyof typeof notices];
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
      <OwnRegistrationPage
        ctx={req.pageContext()}
        enrolled={!!own.enrolment}
        struckOff={own.struckOff}
        applications={own.applications}
        registers={own.registers}
        evidence={evidence}
        today={today()}
        notice={noticeOf(req)}
        {...form}
      />,
      status,
    );
  }

  app.get(ownRegistrationPath, signedIn, (req, reply) => renderOwn(req, reply));

  app.post(ownRegistrationPath, signedIn, async (req, reply) => {
    const form = readForm(req, applyForm);
    if (!form.ok) return renderOwn(req, reply, { values: { ...form.values, bewijs: (form.values.bewijs ?? '').split(',') }, errors: form.errors }, 400);
    const { niveau, motivering, bewijs } = form.value;
    const [register = '', level = ''] = niveau.split('::');
    const values: ApplyValues = { niveau, motivering, bewijs };
    try {
      await applyForRegistration(deps, contextOf(req), { register, level, motivation: motivering, evidenceIds: bewijs });
    } catch (error) {
      return renderOwn(req, reply, { values, errors: validationErrorsOf(req, error) }, 400);
    }
    return reply.redirect(`${ownRegistrationPath}?melding=aangevraagd`, 303);
  });

  app.post(`${ownRegistrationPath}/:id/bezwaar`, signedIn, async (req, reply) => {
    const { id } = readParams(req, applicationParams);
    const form = readForm(req, objectionForm);
    if (!form.ok) return renderOwn(req, reply, { errors: form.errors }, 400);
    try {
      await objectToDecision(deps, contextOf(req), id, form.value.bezwaar);
    } catch (error) {
      return renderOwn(req, reply, { errors: validationErrorsOf(req, error) }, 400);
    }
    return reply.redirect(`${ownRegistrationPath}?melding=bezwaar`, 303);
  });

  app.get(`${ownRegistrationPath}/:id/bewijs.pdf`, signedIn, async (req, reply) => {
    const { fileName, pdf } = await renderRegistrationCertificate(deps, contextOf(req), readParams(req, applicationParams).id);
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
    const { id } = readParams(req, applicationParams);
    const form = readForm(req, assignForm);
    // the member is chosen from a list: a form that does not fit is refused as the core refuses an unknown member
    await assignApplication(deps, contextOf(req), id, form.ok ? form.value.lid : '');
    return reply.redirect(`${reviewPath}?melding=toegewezen`, 303);
  });

  async function renderReview(
    req: FastifyRequest,
    reply: FastifyReply,
    form: { values?: { besluit?: string; motivering?: string }; errors?: FieldError[] } = {},
    status = 200,
  ) {
    const { application, events, canDecide, renewal, employments, earlier } = await getApplicationForReview(
      deps,
      contextOf(req),
      readParams(req, applicationParams).id,
    );
    const evidence = await listApplicationEvidence(deps, application);
    return sendPage(
      reply,
      <ReviewPage
        ctx={req.pageContext()}
        application={application}
        events={events}
        evidence={evidence}
        employments={employments}
        earlier={earlier}
        canDecide={canDecide}
        renewal={renewal}
        {...form}
      />,
      status,
    );
  }

  app.get(`${reviewPath}/:id`, signedIn, (req, reply) => renderReview(req, reply));

  app.post(`${reviewPath}/:id/besluit`, signedIn, async (req, reply) => {
    const { id } = readParams(req, applicationParams);
    const form = readForm(req, decisionForm);
    if (!form.ok) return renderReview(req, reply, { values: form.values, errors: form.errors }, 400);
    const { besluit, motivering } = form.value;
    try {
      if (form.value.bevestigd !== 'ja') {
        // a legal step: first repeated as it will be recorded and published, then made
        const checked = await previewDecision(deps, contextOf(req), id, besluit, motivering);
        return sendPage(reply, <ConfirmDecisionPage ctx={req.pageContext()} decision={checked} besluit={besluit} />);
      }
      await decideApplication(deps, contextOf(req), id, besluit, motivering);
    } catch (error) {
      return renderReview(req, reply, { values: { besluit, motivering }, errors: validationErrorsOf(req, error) }, 400);
    }
    return reply.redirect(`${reviewPath}?melding=besloten`, 303);
  });

  app.get(`${reviewPath}/:id/bewijs/:bewijsId`, signedIn, async (req, reply) => {
    const { id, bewijsId } = readParams(req, applicationEvidenceParams);
    await checkEvidenceAccess(deps, contextOf(req), id, bewijsId);
    return sendPrivateFile(reply, await openEvidenceForDecision(evidenceDeps, bewijsId));
  });
}
