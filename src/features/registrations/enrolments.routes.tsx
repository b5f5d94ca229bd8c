import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendPage } from '../../web/render.ts';
import { contextOf, fieldErrorsOf } from '../../web/route-helpers.ts';
import type { FeatureOptions } from '../feature.ts';
import { findEnrolmentsForStaff, getEnrolmentForStaff, reinstateEnrolment, strikeOffEnrolment } from '../register/index.ts';
import type { RegistrationDeps } from '../register/index.ts';
import { EnrolmentPage, EnrolmentsPage, enrolmentsPath, type EnrolmentForm } from './views/enrolment-pages.tsx';

const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 5000) : '');
const notices = { doorgehaald: 'enrolments.notice.struckOff', hersteld: 'enrolments.notice.reinstated' } as const;

/** Register staff: find an enrolment, strike it off the register (doorhalen), or reverse that. */
export async function enrolmentRoutes(app: FastifyInstance, opts: FeatureOptions) {
  const deps: RegistrationDeps = { db: opts.db, mailer: opts.mailer, baseUrl: opts.config.baseUrl };
  const signedIn = { config: { access: 'signed-in' as const } };
  const numberOf = (req: FastifyRequest) => (req.params as { registernummer: string }).registernummer;

  app.get(enrolmentsPath, signedIn, async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const zoek = text(q.zoek).trim().slice(0, 200);
    const pageNumber = Number(q.page);
    const page = Number.isInteger(pageNumber) && pageNumber >= 1 && pageNumber <= 50 ? pageNumber : 1;
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
    const key = notices[(req.query as Record<string, string | undefined>).melding as keyof typeof notices];
    return sendPage(reply, <EnrolmentPage ctx={req.pageContext()} enrolment={enrolment} events={events} applications={applications} notice={key ? req.pageContext().t(key) : undefined} form={form} />, status);
  }

  app.get(`${enrolmentsPath}/:registernummer`, signedIn, (req, reply) => renderOne(req, reply));

  app.post(`${enrolmentsPath}/:registernummer/doorhalen`, signedIn, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    try {
      await strikeOffEnrolment(deps, contextOf(req), numberOf(req), { reason: body.reden, confirmed: body.bevestigd });
    } catch (error) {
      return renderOne(req, reply, { action: 'doorhalen', reden: text(body.reden), bevestigd: body.bevestigd === 'ja', errors: fieldErrorsOf(req, error, 'reden') }, 400);
    }
    return reply.redirect(`${enrolmentsPath}/${numberOf(req)}?melding=doorgehaald`, 303);
  });

  app.post(`${enrolmentsPath}/:registernummer/herstellen`, signedIn, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    try {
      await reinstateEnrolment(deps, contextOf(req), numberOf(req), { reason: body.reden });
    } catch (error) {
      return renderOne(req, reply, { action: 'herstellen', reden: text(body.reden), errors: fieldErrorsOf(req, error, 'reden') }, 400);
    }
    return reply.redirect(`${enrolmentsPath}/${numberOf(req)}?melding=hersteld`, 303);
  });
}
