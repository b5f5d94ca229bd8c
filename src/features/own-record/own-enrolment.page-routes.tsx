import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendPage } from '../../web/render.ts';
import { readFormShape } from '../../web/forms.ts';
import { contextOf, validationErrorsOf } from '../../web/route-helpers.ts';
import { checkOwnEnrolment, enrolWithoutDelivery, getOwnEnrolmentState, type OwnPersonForm, type OwnRecordDeps } from '../register/index.ts';
import { ownEnrolmentForm } from './own-record.forms.ts';
import { OwnEnrolmentCheckPage, OwnEnrolmentPage, ownEnrolmentPath } from './views/own-enrolment-pages.tsx';
import { ownRecordPath } from './views/own-record-page.tsx';

const blockedTexts = { unverified: 'register.error.accountUnverified', 'bsn-elsewhere': 'register.error.bsnHeldElsewhere' } as const;

/**
 * Inschrijven zonder werkgever (issue 19, decision 021): name and birth date, then "check your answers",
 * then the enrolment. An account with a person already enrols from Mijn register itself.
 */
export async function ownEnrolmentPageRoutes(app: FastifyInstance, opts: { deps: OwnRecordDeps }) {
  const { deps } = opts;
  const signedIn = { config: { access: 'signed-in' as const } };

  app.get(ownEnrolmentPath, signedIn, async (req, reply) => {
    const state = await getOwnEnrolmentState(deps, contextOf(req));
    if (state === 'has-record') return reply.redirect(ownRecordPath, 303);
    const blocked = state === 'open' ? undefined : req.t(blockedTexts[state]);
    return sendPage(reply, <OwnEnrolmentPage ctx={req.pageContext()} blocked={blocked} />);
  });

  const refuse = (req: FastifyRequest, reply: FastifyReply, values: OwnPersonForm, error: unknown) =>
    sendPage(reply, <OwnEnrolmentPage ctx={req.pageContext()} values={values} errors={validationErrorsOf(req, error)} />, 400);

  app.post(ownEnrolmentPath, signedIn, async (req, reply) => {
    const { value } = readFormShape(req, ownEnrolmentForm);
    const { stap, ...form } = value;
    if (stap === 'wijzigen') return sendPage(reply, <OwnEnrolmentPage ctx={req.pageContext()} values={form} />);
    try {
      if (stap !== 'bevestigen') {
        const facts = await checkOwnEnrolment(deps, contextOf(req), form);
        return sendPage(reply, <OwnEnrolmentCheckPage ctx={req.pageContext()} facts={facts} />);
      }
      await enrolWithoutDelivery(deps, contextOf(req), form);
    } catch (error) {
      return refuse(req, reply, form, error);
    }
    return reply.redirect(`${ownRecordPath}?melding=ingeschreven`, 303);
  });
}
