import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { translateMessage } from '../../platform/i18n.ts';
import { AppError } from '../../platform/errors.ts';
import { sendPage } from '../../web/render.ts';
import { getBoardRef } from '../organisations/index.ts';
import { checkComment } from '../register/index.ts';
import { answerDispute, approveEmployment, disputeEmployment, enrol, getBoardDispute, getOwnEnrolment, getOwnRecord, getPersonalEmail, listBoardDisputes, setPersonalEmail } from '../register/index.ts';
import type { OwnRecordDeps } from '../register/index.ts';
import { BoardDisputePage, BoardDisputesPage, disputesPath, type BoardRef } from './views/board-dispute-pages.tsx';
import { DisputeEmploymentPage, OwnRecordPage, ownRecordPath } from './views/own-record-page.tsx';
import { contextOf } from '../../web/route-helpers.ts';

const pageSize = 25;
const query = (req: FastifyRequest) => req.query as Record<string, string | undefined>;
const body = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;
const pageOf = (req: FastifyRequest) => Math.min(10_000, Math.max(1, Number.parseInt(String(query(req).page ?? '1'), 10) || 1));
const notices = { akkoord: 'own.notice.approved', betwist: 'own.notice.disputed', ingeschreven: 'own.notice.enrolled', email: 'own.notice.email', beantwoord: 'disputes.notice.answered' } as const;
const noticeOf = (req: FastifyRequest) => {
  const key = notices[query(req).melding as keyof typeof notices];
  return key ? req.pageContext().t(key) : undefined;
};

/** Mijn register: the professional checks what boards delivered; board staff answer the disputes. */
export async function ownRecordPageRoutes(app: FastifyInstance, opts: { deps: OwnRecordDeps }) {
  const { deps } = opts;
  const signedIn = { config: { access: 'signed-in' as const } };

  // where the invitation mail leads
  app.get(ownRecordPath, signedIn, async (req, reply) => {
    const { email, employments } = await getOwnRecord(deps, contextOf(req));
    const enrolment = await getOwnEnrolment(deps, contextOf(req));
    const personal = await getPersonalEmail(deps, contextOf(req));
    return sendPage(reply, <OwnRecordPage ctx={req.pageContext()} email={email} employments={employments} enrolment={enrolment} personal={personal} notice={noticeOf(req)} />);
  });

  app.post(`${ownRecordPath}/email`, signedIn, async (req, reply) => {
    const raw = body(req).email;
    try {
      await setPersonalEmail(deps, contextOf(req), raw);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      const { email, employments } = await getOwnRecord(deps, contextOf(req));
      const enrolment = await getOwnEnrolment(deps, contextOf(req));
      const personal = { canSet: true, email: typeof raw === 'string' ? raw.slice(0, 200) : '' };
      const errors = (error.extra.invalidParams ?? []).map((p) => ({ field: p.name, message: translateMessage(req.lang, p.reason) }));
      return sendPage(reply, <OwnRecordPage ctx={req.pageContext()} email={email} employments={employments} enrolment={enrolment} personal={personal} errors={errors} />, 400);
    }
    return reply.redirect(`${ownRecordPath}?melding=email`, 303);
  });

  app.post(`${ownRecordPath}/inschrijving`, signedIn, async (req, reply) => {
    await enrol(deps, contextOf(req));
    return reply.redirect(`${ownRecordPath}?melding=ingeschreven`, 303);
  });

  app.post(`${ownRecordPath}/dienstverbanden/:id/akkoord`, signedIn, async (req, reply) => {
    await approveEmployment(deps, contextOf(req), (req.params as { id: string }).id);
    return reply.redirect(`${ownRecordPath}?melding=akkoord`, 303);
  });

  async function renderDisputeForm(req: FastifyRequest, reply: FastifyReply, form: { value?: string; error?: string } = {}, status = 200) {
    const { id } = req.params as { id: string };
    const { employments } = await getOwnRecord(deps, contextOf(req));
    const employment = employments.find((e) => e.id === id);
    if (!employment) throw AppError.notFound('Dit dienstverband staat niet in uw register.');
    const errors = form.error ? [{ field: 'toelichting', message: form.error }] : [];
    return sendPage(reply, <DisputeEmploymentPage ctx={req.pageContext()} employment={employment} value={form.value} errors={errors} />, status);
  }

  app.get(`${ownRecordPath}/dienstverbanden/:id/betwisten`, signedIn, (req, reply) => renderDisputeForm(req, reply));

  app.post(`${ownRecordPath}/dienstverbanden/:id/betwisten`, signedIn, async (req, reply) => {
    const raw = body(req).toelichting;
    const checked = checkComment(raw, 'toelichting');
    if (!checked.ok) return renderDisputeForm(req, reply, { value: typeof raw === 'string' ? raw : '', error: checked.message }, 400);
    await disputeEmployment(deps, contextOf(req), (req.params as { id: string }).id, checked.text);
    return reply.redirect(`${ownRecordPath}?melding=betwist`, 303);
  });

  async function boardOf(req: FastifyRequest): Promise<BoardRef> {
    const { id } = req.params as { id: string };
    return getBoardRef(deps.db, id);
  }

  app.get('/beheer/bestuur/:id/betwistingen', signedIn, async (req, reply) => {
    const board = await boardOf(req);
    const openOnly = query(req).alle !== 'ja';
    const page = pageOf(req);
    const list = await listBoardDisputes(deps, contextOf(req), board.id, { openOnly, page, pageSize });
    return sendPage(
      reply,
      <BoardDisputesPage ctx={req.pageContext()} board={board} disputes={list.disputes} openOnly={openOnly} notice={noticeOf(req)} page={page} pageSize={pageSize} total={list.total} />,
    );
  });

  async function renderDispute(req: FastifyRequest, reply: FastifyReply, form: { value?: string; error?: string } = {}, status = 200) {
    const board = await boardOf(req);
    const dispute = await getBoardDispute(deps, contextOf(req), board.id, (req.params as { betwistingId: string }).betwistingId);
    const errors = form.error ? [{ field: 'antwoord', message: form.error }] : [];
    return sendPage(reply, <BoardDisputePage ctx={req.pageContext()} board={board} dispute={dispute} value={form.value} errors={errors} />, status);
  }

  app.get('/beheer/bestuur/:id/betwistingen/:betwistingId', signedIn, (req, reply) => renderDispute(req, reply));

  app.post('/beheer/bestuur/:id/betwistingen/:betwistingId', signedIn, async (req, reply) => {
    const board = await boardOf(req);
    const raw = body(req).antwoord;
    const checked = checkComment(raw, 'antwoord');
    if (!checked.ok) return renderDispute(req, reply, { value: typeof raw === 'string' ? raw : '', error: checked.message }, 400);
    await answerDispute(deps, contextOf(req), board.id, (req.params as { betwistingId: string }).betwistingId, checked.text);
    return reply.redirect(`${disputesPath(board)}?melding=beantwoord`, 303);
  });
}
