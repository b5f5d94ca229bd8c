import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import { sendPage } from '../../web/render.ts';
import { contextOf, validationErrorsOf } from '../../web/route-helpers.ts';
import { readFormShape, readParams } from '../../web/forms.ts';
import { enrolmentParams, linkAccountForm, unlinkAccountForm } from './registrations.forms.ts';
import { checkLink, checkUnlink, getEnrolmentForStaff, linkEnrolment, unlinkEnrolment, type RegistrationDeps } from '../register/index.ts';
import { LinkAccountCheckPage, LinkAccountPage, UnlinkCheckPage, UnlinkPage } from './views/enrolment-link-pages.tsx';
import { enrolmentsPath } from './views/enrolment-pages.tsx';

/**
 * Register staff link and unlink an enrolment's account (decision 021): the form, the change repeated
 * as it will be made (`stap=bevestigen` makes it), then back to the enrolment with a notice.
 */
export async function enrolmentLinkRoutes(app: FastifyInstance, opts: { deps: RegistrationDeps }) {
  const { deps } = opts;
  const signedIn = { config: { access: 'signed-in' as const } };
  const numberOf = (req: FastifyRequest) => readParams(req, enrolmentParams).registernummer;
  const enrolmentOf = async (req: FastifyRequest) => (await getEnrolmentForStaff(deps, contextOf(req), numberOf(req))).enrolment;

  app.get(`${enrolmentsPath}/:registernummer/ontkoppelen`, signedIn, async (req, reply) => {
    const enrolment = await enrolmentOf(req);
    if (!enrolment.accountId) throw new AppError('conflict', message('register.error.notLinked'));
    return sendPage(reply, <UnlinkPage ctx={req.pageContext()} enrolment={enrolment} />);
  });

  app.post(`${enrolmentsPath}/:registernummer/ontkoppelen`, signedIn, async (req, reply) => {
    const { value } = readFormShape(req, unlinkAccountForm);
    const change = { reason: value.reden };
    try {
      if (value.stap !== 'bevestigen') {
        const { enrolment, reason } = await checkUnlink(deps, contextOf(req), numberOf(req), change);
        return sendPage(reply, <UnlinkCheckPage ctx={req.pageContext()} enrolment={enrolment} reason={reason} />);
      }
      await unlinkEnrolment(deps, contextOf(req), numberOf(req), change);
    } catch (error) {
      const errors = validationErrorsOf(req, error);
      return sendPage(reply, <UnlinkPage ctx={req.pageContext()} enrolment={await enrolmentOf(req)} reden={value.reden} errors={errors} />, 400);
    }
    return reply.redirect(`${enrolmentsPath}/${numberOf(req)}?melding=ontkoppeld`, 303);
  });

  app.get(`${enrolmentsPath}/:registernummer/koppelen`, signedIn, async (req, reply) => {
    const enrolment = await enrolmentOf(req);
    if (enrolment.accountId) throw new AppError('conflict', message('register.error.stillLinked'));
    return sendPage(reply, <LinkAccountPage ctx={req.pageContext()} enrolment={enrolment} />);
  });

  app.post(`${enrolmentsPath}/:registernummer/koppelen`, signedIn, async (req, reply) => {
    const { value } = readFormShape(req, linkAccountForm);
    const change = { email: value.email, reason: value.reden };
    try {
      if (value.stap !== 'bevestigen') {
        const { enrolment, account, reason } = await checkLink(deps, contextOf(req), numberOf(req), change);
        return sendPage(reply, <LinkAccountCheckPage ctx={req.pageContext()} enrolment={enrolment} account={account} reason={reason} />);
      }
      await linkEnrolment(deps, contextOf(req), numberOf(req), change);
    } catch (error) {
      const errors = validationErrorsOf(req, error);
      return sendPage(reply, <LinkAccountPage ctx={req.pageContext()} enrolment={await enrolmentOf(req)} values={value} errors={errors} />, 400);
    }
    return reply.redirect(`${enrolmentsPath}/${numberOf(req)}?melding=gekoppeld`, 303);
  });
}
