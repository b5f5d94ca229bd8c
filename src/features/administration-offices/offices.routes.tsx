import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../../ui/components/error-summary.tsx';
import { readForm, readParams, readQuery } from '../../web/forms.ts';
import { sendPage } from '../../web/render.ts';
import { accountContextOf, contextOf, validationErrorsOf } from '../../web/route-helpers.ts';
import type { FeatureOptions } from '../feature.ts';
import { officeApiRoutes } from './offices.api.ts';
import { boardParams, mandateParams, noticeQuery, officeForm, officeParams, searchQuery } from './offices.forms.ts';
import type { OfficeForm } from './offices.rules.ts';
import * as service from './offices.service.ts';
import {
  boardMembersPath,
  ConfirmMandatePage,
  OfficeMandatesPage,
  OfficeSearchPage,
  OfficesPage,
  officesPath,
  WithdrawMandatePage,
} from './views/office-pages.tsx';

/** The notices the board's members page shows after a machtiging is given or withdrawn (`?melding=`). */
export const mandateNotices = { 'kantoor-gemachtigd': 'offices.board.notice.granted', 'machtiging-ingetrokken': 'offices.board.notice.withdrawn' } as const;

/**
 * Administratiekantoren (decision 022): register staff add them; a board admin authorises one to deliver
 * for the board, with a confirmation step, and withdraws that; the office sees the boards it delivers for.
 */
export async function officeRoutes(app: FastifyInstance, opts: FeatureOptions) {
  const deps: service.OfficeDeps = { db: opts.db, mailer: opts.mailer, baseUrl: opts.config.baseUrl };
  const signedIn = { config: { access: 'signed-in' as const } };

  // ── register staff ──
  async function renderOffices(req: FastifyRequest, reply: FastifyReply, form: { values?: OfficeForm; errors?: FieldError[] } = {}, status = 200) {
    const offices = await service.listOffices(deps, contextOf(req));
    const notice = readQuery(req, noticeQuery).melding === 'toegevoegd' ? req.t('offices.notice.added') : undefined;
    return sendPage(reply, <OfficesPage ctx={req.pageContext()} offices={offices} notice={status === 200 ? notice : undefined} {...form} />, status);
  }

  app.get(officesPath, signedIn, (req, reply) => renderOffices(req, reply));

  app.post(officesPath, signedIn, async (req, reply) => {
    const form = readForm(req, officeForm);
    if (!form.ok) return renderOffices(req, reply, { errors: form.errors }, 400);
    try {
      await service.addOffice(deps, contextOf(req), form.value);
    } catch (error) {
      return renderOffices(req, reply, { values: form.value, errors: validationErrorsOf(req, error) }, 400);
    }
    return reply.redirect(`${officesPath}?melding=toegevoegd`, 303);
  });

  // ── the board: authorising an office, and withdrawing that ──
  app.get('/beheer/bestuur/:id/administratiekantoren', signedIn, async (req, reply) => {
    const { id } = readParams(req, boardParams);
    const { zoek } = readQuery(req, searchQuery);
    const { board, offices } = await service.searchOffices(deps, contextOf(req), id, zoek);
    return sendPage(reply, <OfficeSearchPage ctx={req.pageContext()} board={board} query={zoek} offices={offices} />);
  });

  app.get('/beheer/bestuur/:id/administratiekantoren/:kantoorId/machtigen', signedIn, async (req, reply) => {
    const { id, kantoorId } = readParams(req, mandateParams);
    const { board, office } = await service.prepareMandate(deps, contextOf(req), id, kantoorId);
    return sendPage(reply, <ConfirmMandatePage ctx={req.pageContext()} board={board} office={office} />);
  });

  app.post('/beheer/bestuur/:id/administratiekantoren/:kantoorId/machtigen', signedIn, async (req, reply) => {
    const { id, kantoorId } = readParams(req, mandateParams);
    await service.grantMandate(deps, accountContextOf(req), id, kantoorId);
    return reply.redirect(`${boardMembersPath(id)}?melding=kantoor-gemachtigd`, 303);
  });

  app.get('/beheer/bestuur/:id/administratiekantoren/:kantoorId/intrekken', signedIn, async (req, reply) => {
    const { id, kantoorId } = readParams(req, mandateParams);
    const { mandate } = await service.prepareWithdrawal(deps, contextOf(req), id, kantoorId);
    return sendPage(reply, <WithdrawMandatePage ctx={req.pageContext()} mandate={mandate} />);
  });

  app.post('/beheer/bestuur/:id/administratiekantoren/:kantoorId/intrekken', signedIn, async (req, reply) => {
    const { id, kantoorId } = readParams(req, mandateParams);
    await service.withdrawMandate(deps, accountContextOf(req), id, kantoorId);
    return reply.redirect(`${boardMembersPath(id)}?melding=machtiging-ingetrokken`, 303);
  });

  // ── the office: the boards it delivers for ──
  app.get('/beheer/administratiekantoor/:id/besturen', signedIn, async (req, reply) => {
    const { office, mandates } = await service.listOfficeMandates(deps, contextOf(req), readParams(req, officeParams).id);
    return sendPage(reply, <OfficeMandatesPage ctx={req.pageContext()} office={office} mandates={mandates} />);
  });

  await app.register(officeApiRoutes, { deps });
}
