import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendPage } from '../../web/render.ts';
import { contextOf, fieldErrorsOf } from '../../web/route-helpers.ts';
import type { FieldError } from '../../ui/components/error-summary.tsx';
import { readForm, readParams, readQuery } from '../../web/forms.ts';
import { enrolmentParams, enrolmentSearchQuery, noticeQuery, reinstateForm, strikeOffForm } from './registrations.forms.ts';
import type { FeatureOptions } from '../feature.ts';
import { findEnrolmentsForStaff, getEnrolmentForStaff, reinstateEnrolment, strikeOffEnrolment } from '../register/index.ts';
import type { RegistrationDeps } from '../register/index.ts';
import { EnrolmentPage, EnrolmentsPage, enrolmentsPath, type EnrolmentForm } from './views/enrolment-pages.tsx';
import { enrolmentLinkRoutes } from './enrolment-link.routes.tsx';

const notices = {
  doorgehaald: 'enrolments.notice.struckOff',
  hersteld: 'enrolments.notice.reinstated',
  ontkoppeld: 'enrolments.notice.unlinked',
  gekoppeld: 'enrolments.notice.linked',
} as const;

/** Register staff: find an enrolment, strike it off the register (doorhalen), or reverse that. */
export async function enrolmentRoutes(app: FastifyInstance, opts: FeatureOptions) {
  const deps: RegistrationDeps = { db: opts.db, mailer: opts.mailer, baseUrl: opts.config.baseUrl };
  const signedIn = { config: { access: 'signed-in' as const } };
  const numberOf = (req: FastifyRequest) => readParams(req, enrolmentParams).registernummer;

  app.get(enrolmentsPath, signedIn, async (req, reply) => {
    const { zoek, page } = readQuery(req, enrolmentSearchQuery);
    try {
      const found = await findEnrolmentsForStaff(deps, contextOf(req), zoek, page);
      return sendPage(reply, <EnrolmentsPage ctx={req.pageContext()} zoek={zoek} found={found} />);
    } catch (error) {
      const errors = fieldErrorsOf(req, error, 'zoek').map((e) => ({ ...e, field: 'zoek' }));
      return sendPage(reply, <EnrolmentsPage ctx={req.pageContext()} zoek={zoek} found={null} errors={errors} />, 400);
    }
  });

  async function renderOne(req: FastifyRequest, reply: FastifyReply, form: EnrolmentForm = {}, status = 200) {
    const { enrolment, events, applications } = await getEnrolmentForStaff(deps, contextOf(req), numberOf(req));
    const key = notices[readQuery(req, noticeQuery).melding as keyof typeof notices];
    return sendPage(
      reply,
      <EnrolmentPage
        ctx={req.pageContext()}
        enrolment={enrolment}
        events={events}
        applications={applications}
        notice={key ? req.pageContext().t(key) : undefined}
        form={form}
      />,
      status,
    );
  }

  app.get(`${enrolmentsPath}/:registernummer`, signedIn, (req, reply) => renderOne(req, reply));
  await app.register(enrolmentLinkRoutes, { deps });

  app.post(`${enrolmentsPath}/:registernummer/doorhalen`, signedIn, async (req, reply) => {
    const form = readForm(req, strikeOffForm);
    const refuse = (errors: FieldError[]) =>
      renderOne(req, reply, { action: 'doorhalen', reden: form.values.reden ?? '', bevestigd: form.values.bevestigd === 'ja', errors }, 400);
    if (!form.ok) return refuse(form.errors);
    try {
      await strikeOffEnrolment(deps, contextOf(req), numberOf(req), { reason: form.value.reden, confirmed: form.value.bevestigd });
    } catch (error) {
      return refuse(fieldErrorsOf(req, error, 'reden'));
    }
    return reply.redirect(`${enrolmentsPath}/${numberOf(req)}?melding=doorgehaald`, 303);
  });

  app.post(`${enrolmentsPath}/:registernummer/herstellen`, signedIn, async (req, reply) => {
    const form = readForm(req, reinstateForm);
    const refuse = (errors: FieldError[]) => renderOne(req, reply, { action: 'herstellen', reden: form.values.reden ?? '', errors }, 400);
    if (!form.ok) return refuse(form.errors);
    try {
      await reinstateEnrolment(deps, contextOf(req), numberOf(req), { reason: form.value.reden });
    } catch (error) {
      return refuse(fieldErrorsOf(req, error, 'reden'));
    }
    return reply.redirect(`${enrolmentsPath}/${numberOf(req)}?melding=hersteld`, 303);
  });
}
