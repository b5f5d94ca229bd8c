import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { message, translateMessage } from '../../platform/i18n.ts';
import { AppError } from '../../platform/errors.ts';
import { sendPage } from '../../web/render.ts';
import type { FieldError } from '../../ui/components/error-summary.tsx';
import { readForm, readParams, readQuery } from '../../web/forms.ts';
import { getBoardRef } from '../organisations/index.ts';
import { employmentEntryPath, mayDeliver } from '../deliveries/index.ts';
import { checkComment } from '../register/index.ts';
import {
  answerDispute,
  approveEmployment,
  disputeEmployment,
  enrol,
  getBoardDispute,
  getDeliveredPerson,
  getOwnEnrolment,
  getOwnRecord,
  getPersonalEmail,
  listBoardDisputes,
  setPersonalEmail,
} from '../register/index.ts';
import type { DisputeDeps } from '../register/index.ts';
import {
  answerForm,
  boardDisputeParams,
  boardParams,
  disputeForm,
  disputesQuery,
  employmentParams,
  noticeQuery,
  personalEmailForm,
} from './own-record.forms.ts';
import { BoardDisputePage, BoardDisputesPage, disputesPath, type BoardRef } from './views/board-dispute-pages.tsx';
import { DisputeEmploymentPage, OwnRecordPage, ownRecordPath } from './views/own-record-page.tsx';
import { contextOf, validationErrorsOf } from '../../web/route-helpers.ts';

const pageSize = 25;
const notices = {
  akkoord: 'own.notice.approved',
  betwist: 'own.notice.disputed',
  ingeschreven: 'own.notice.enrolled',
  email: 'own.notice.email',
  gekoppeld: 'own.notice.linked',
  beantwoord: 'disputes.notice.answered',
} as const;
/** what a sign-in with a BSN, or a code, could not link (decision 021): the professional needs to know, so a warning */
const warnings = {
  'bsn-ander-account': 'own.notice.bsnOtherAccount',
  'bsn-ander-bsn': 'own.notice.bsnOtherBsn',
  'bsn-bezet': 'own.notice.bsnTaken',
  'bsn-verschilt': 'own.notice.bsnDiffers',
  samenvoegen: 'own.notice.review',
} as const;
const noticeOf = (req: FastifyRequest) => {
  const key = notices[readQuery(req, noticeQuery).melding as keyof typeof notices];
  return key ? req.pageContext().t(key) : undefined;
};
const ownNoticeOf = (req: FastifyRequest) => {
  const warning = warnings[readQuery(req, noticeQuery).melding as keyof typeof warnings];
  if (warning) return { text: req.t(warning), warning: true };
  const text = noticeOf(req);
  return text ? { text, warning: false } : undefined;
};

/** Mijn register: the professional checks what boards delivered; board staff answer the disputes. */
export async function ownRecordPageRoutes(app: FastifyInstance, opts: { deps: DisputeDeps }) {
  const { deps } = opts;
  const signedIn = { config: { access: 'signed-in' as const } };

  /** Mijn register; after a refused personal address, with that address as typed and the errors. */
  async function renderOwnRecord(req: FastifyRequest, reply: FastifyReply, refused?: { email: string; errors: FieldError[] }) {
    const ctx = contextOf(req);
    const { email, employments } = await getOwnRecord(deps, ctx);
    const enrolment = await getOwnEnrolment(deps, ctx);
    const person = await getDeliveredPerson(deps, ctx);
    const personal = refused ? { canSet: true, email: refused.email } : await getPersonalEmail(deps, ctx);
    return sendPage(
      reply,
      <OwnRecordPage
        ctx={req.pageContext()}
        email={email}
        person={person}
        employments={employments}
        enrolment={enrolment}
        personal={personal}
        notice={refused ? undefined : ownNoticeOf(req)}
        errors={refused?.errors}
      />,
      refused ? 400 : 200,
    );
  }

  // where the invitation mail leads
  app.get(ownRecordPath, signedIn, (req, reply) => renderOwnRecord(req, reply));

  app.post(`${ownRecordPath}/email`, signedIn, async (req, reply) => {
    const form = readForm(req, personalEmailForm);
    const refuse = (errors: FieldError[]) => renderOwnRecord(req, reply, { email: (form.values.email ?? '').slice(0, 200), errors });
    if (!form.ok) return refuse(form.errors);
    try {
      await setPersonalEmail(deps, contextOf(req), form.value.email);
    } catch (error) {
      return refuse(validationErrorsOf(req, error));
    }
    return reply.redirect(`${ownRecordPath}?melding=email`, 303);
  });

  app.post(`${ownRecordPath}/inschrijving`, signedIn, async (req, reply) => {
    await enrol(deps, contextOf(req));
    return reply.redirect(`${ownRecordPath}?melding=ingeschreven`, 303);
  });

  app.post(`${ownRecordPath}/dienstverbanden/:id/akkoord`, signedIn, async (req, reply) => {
    await approveEmployment(deps, contextOf(req), readParams(req, employmentParams).id);
    return reply.redirect(`${ownRecordPath}?melding=akkoord`, 303);
  });

  async function renderDisputeForm(req: FastifyRequest, reply: FastifyReply, form: { value?: string; errors?: FieldError[] } = {}, status = 200) {
    const { id } = readParams(req, employmentParams);
    const { employments } = await getOwnRecord(deps, contextOf(req));
    const employment = employments.find((e) => e.id === id);
    if (!employment) throw AppError.notFound(message('register.error.employmentNotYours'));
    return sendPage(reply, <DisputeEmploymentPage ctx={req.pageContext()} employment={employment} value={form.value} errors={form.errors ?? []} />, status);
  }

  app.get(`${ownRecordPath}/dienstverbanden/:id/betwisten`, signedIn, (req, reply) => renderDisputeForm(req, reply));

  app.post(`${ownRecordPath}/dienstverbanden/:id/betwisten`, signedIn, async (req, reply) => {
    const form = readForm(req, disputeForm);
    if (!form.ok) return renderDisputeForm(req, reply, { value: form.values.toelichting, errors: form.errors }, 400);
    const checked = checkComment(form.value.toelichting, 'toelichting');
    if (!checked.ok)
      return renderDisputeForm(
        req,
        reply,
        { value: form.value.toelichting, errors: [{ field: 'toelichting', message: translateMessage(req.lang, checked.message) }] },
        400,
      );
    await disputeEmployment(deps, contextOf(req), readParams(req, employmentParams).id, checked.text);
    return reply.redirect(`${ownRecordPath}?melding=betwist`, 303);
  });

  async function boardOf(req: FastifyRequest): Promise<BoardRef> {
    return getBoardRef(deps.db, readParams(req, boardParams).id);
  }

  app.get('/beheer/bestuur/:id/betwistingen', signedIn, async (req, reply) => {
    const board = await boardOf(req);
    const query = readQuery(req, disputesQuery);
    const openOnly = query.alle !== 'ja';
    const page = query.page;
    const list = await listBoardDisputes(deps, contextOf(req), board.id, { openOnly, page, pageSize });
    return sendPage(
      reply,
      <BoardDisputesPage
        ctx={req.pageContext()}
        board={board}
        disputes={list.disputes}
        openOnly={openOnly}
        notice={noticeOf(req)}
        page={page}
        pageSize={pageSize}
        total={list.total}
      />,
    );
  });

  async function renderDispute(req: FastifyRequest, reply: FastifyReply, form: { value?: string; errors?: FieldError[] } = {}, status = 200) {
    const board = await boardOf(req);
    const dispute = await getBoardDispute(deps, contextOf(req), board.id, readParams(req, boardDisputeParams).betwistingId);
    // a correction is a delivery: offered to those who may deliver for the board, not to register staff reading along
    const correctHref =
      dispute.status === 'open' && (await mayDeliver(contextOf(req), board.id)) ? employmentEntryPath(board, dispute.employmentId, 'wijziging') : undefined;
    return sendPage(
      reply,
      <BoardDisputePage ctx={req.pageContext()} board={board} dispute={dispute} correctHref={correctHref} value={form.value} errors={form.errors ?? []} />,
      status,
    );
  }

  app.get('/beheer/bestuur/:id/betwistingen/:betwistingId', signedIn, (req, reply) => renderDispute(req, reply));

  app.post('/beheer/bestuur/:id/betwistingen/:betwistingId', signedIn, async (req, reply) => {
    const board = await boardOf(req);
    const form = readForm(req, answerForm);
    if (!form.ok) return renderDispute(req, reply, { value: form.values.antwoord, errors: form.errors }, 400);
    const checked = checkComment(form.value.antwoord, 'antwoord');
    if (!checked.ok)
      return renderDispute(
        req,
        reply,
        { value: form.value.antwoord, errors: [{ field: 'antwoord', message: translateMessage(req.lang, checked.message) }] },
        400,
      );
    await answerDispute(deps, contextOf(req), board.id, readParams(req, boardDisputeParams).betwistingId, checked.text);
    return reply.redirect(`${disputesPath(board)}?melding=beantwoord`, 303);
  });
}
