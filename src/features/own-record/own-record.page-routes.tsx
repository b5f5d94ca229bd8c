import type { Readable } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { message, translateMessage } from '../../platform/i18n.ts';
import { AppError } from '../../platform/errors.ts';
import { sendPage } from '../../web/render.ts';
import type { FieldError } from '../../ui/components/error-summary.tsx';
import { readForm, readParams, readQuery } from '../../web/forms.ts';
import { sendPrivateFile } from '../../web/attachment.ts';
import { getBoardRef } from '../organisations/index.ts';
import { employmentEntryPath, mayDeliver } from '../deliveries/index.ts';
import { checkComment, evidenceMaxBytes, sizeLimitText } from '../register/index.ts';
import {
  answerDispute,
  approveEmployment,
  approvePersonData,
  disputeEmployment,
  disputePersonData,
  enrol,
  getBoardDispute,
  getDeliveredPerson,
  getOwnEnrolment,
  getOwnRecord,
  getPersonalEmail,
  getPersonDataCheck,
  listBoardDisputes,
  listPersonDataBoards,
  mayOpenDisputeProofs,
  openDisputeProof,
  setPersonalEmail,
} from '../register/index.ts';
import type { DisputeDeps, DisputeForm, DisputeKind, UploadedProof } from '../register/index.ts';
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
import { DisputePage, OwnRecordPage, ownRecordPath, personDataPath, type DisputeFormValues, type DisputeSubject } from './views/own-record-page.tsx';
import { contextOf, validationErrorsOf } from '../../web/route-helpers.ts';

const pageSize = 25;
const notices = {
  akkoord: 'own.notice.approved',
  betwist: 'own.notice.disputed',
  'gegevens-akkoord': 'own.notice.personApproved',
  'gegevens-betwist': 'own.notice.personDisputed',
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
  // a dispute's proof streams in with its form; past the limit the file is cut off, and the core's sealed writer says so
  const maxBytes = deps.files?.maxBytes ?? evidenceMaxBytes;
  await app.register(fastifyMultipart, { throwFileSizeLimit: false, limits: { files: 1, fields: 30, fileSize: maxBytes + 1, fieldSize: 10_000 } });

  /** Mijn register; after a refused personal address, with that address as typed and the errors. */
  async function renderOwnRecord(req: FastifyRequest, reply: FastifyReply, refused?: { email: string; errors: FieldError[] }) {
    const ctx = contextOf(req);
    const { email, employments } = await getOwnRecord(deps, ctx);
    const enrolment = await getOwnEnrolment(deps, ctx);
    const person = await getDeliveredPerson(deps, ctx);
    const personCheck = person ? await getPersonDataCheck(deps, ctx) : undefined;
    const personal = refused ? { canSet: true, email: refused.email } : await getPersonalEmail(deps, ctx);
    return sendPage(
      reply,
      <OwnRecordPage
        ctx={req.pageContext()}
        email={email}
        person={person}
        personCheck={personCheck}
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

  /** A "Klopt niet" form (an employment's or the person data's), as sent back after a refusal with what was typed and the errors. */
  async function renderDisputeForm(
    req: FastifyRequest,
    reply: FastifyReply,
    kind: DisputeKind,
    form: { values?: DisputeFormValues; errors?: FieldError[] } = {},
    status = 200,
  ) {
    const ctx = contextOf(req);
    let subject: DisputeSubject;
    if (kind === 'dienstverband') {
      const { id } = readParams(req, employmentParams);
      const employment = (await getOwnRecord(deps, ctx)).employments.find((e) => e.id === id);
      if (!employment) throw AppError.notFound(message('register.error.employmentNotYours'));
      subject = { kind, employment };
    } else {
      const boards = await listPersonDataBoards(deps, ctx);
      const person = await getDeliveredPerson(deps, ctx);
      if (!person) throw new AppError('conflict', message('register.error.noEmployment'));
      subject = { kind, person, boards };
    }
    return sendPage(
      reply,
      <DisputePage ctx={req.pageContext()} subject={subject} sizeLimit={sizeLimitText(maxBytes)} values={form.values} errors={form.errors ?? []} />,
      status,
    );
  }

  /**
   * Sends a "Klopt niet" form: urlencoded, or multipart with the proof streamed to the core (which checks
   * the fields before it stores a byte). A refusal shows the form again, as typed, with the errors.
   */
  async function submitDispute(req: FastifyRequest, reply: FastifyReply, kind: DisputeKind, file: (form: DisputeForm, proof?: UploadedProof) => Promise<void>) {
    const values: DisputeFormValues = { velden: [], toelichting: '' };
    let errors: FieldError[] = [];
    let status = 400;
    let sent = false;
    const send = async (proof?: UploadedProof) => {
      try {
        await file({ velden: values.velden, toelichting: values.toelichting }, proof);
        sent = true;
      } catch (error) {
        errors = validationErrorsOf(req, error);
      }
    };
    if (!req.isMultipart()) {
      const form = readForm(req, disputeForm);
      if (form.ok) Object.assign(values, form.value);
      await send();
    } else {
      for await (const part of req.parts()) {
        if (part.type === 'field') {
          const value = String(part.value);
          if (part.fieldname === 'velden') values.velden.push(value.slice(0, 100));
          else if (part.fieldname === 'toelichting') values.toelichting = value.slice(0, 5000);
          continue;
        }
        // the fields come before the file in the form; a second file, or one without a name, is not read
        if (part.fieldname !== 'bewijs' || !part.filename || sent || errors.length > 0) {
          part.file.resume();
          continue;
        }
        await send({ fileName: part.filename, body: part.file as Readable });
        if (part.file.truncated) status = 413;
        part.file.resume();
      }
      if (!sent && errors.length === 0) await send();
    }
    if (sent) return reply.redirect(`${ownRecordPath}?melding=${kind === 'dienstverband' ? 'betwist' : 'gegevens-betwist'}`, 303);
    return renderDisputeForm(req, reply, kind, { values, errors }, status);
  }

  app.get(`${ownRecordPath}/dienstverbanden/:id/betwisten`, signedIn, (req, reply) => renderDisputeForm(req, reply, 'dienstverband'));

  app.post(`${ownRecordPath}/dienstverbanden/:id/betwisten`, signedIn, (req, reply) =>
    submitDispute(req, reply, 'dienstverband', (form, proof) => disputeEmployment(deps, contextOf(req), readParams(req, employmentParams).id, form, proof)),
  );

  app.post(`${personDataPath}/akkoord`, signedIn, async (req, reply) => {
    await approvePersonData(deps, contextOf(req));
    return reply.redirect(`${ownRecordPath}?melding=gegevens-akkoord`, 303);
  });

  app.get(`${personDataPath}/betwisten`, signedIn, (req, reply) => renderDisputeForm(req, reply, 'persoonsgegevens'));

  app.post(`${personDataPath}/betwisten`, signedIn, (req, reply) =>
    submitDispute(req, reply, 'persoonsgegevens', (form, proof) => disputePersonData(deps, contextOf(req), form, proof)),
  );

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
    const ctx = contextOf(req);
    const dispute = await getBoardDispute(deps, ctx, board.id, readParams(req, boardDisputeParams).betwistingId);
    // a correction is a delivery: offered to those who may deliver for the board, not to register staff reading along;
    // the person data is corrected at one of the person's employments of this board
    const correctHref =
      dispute.status === 'open' && dispute.correctEmploymentId && (await mayDeliver(ctx, board.id))
        ? employmentEntryPath(board, dispute.correctEmploymentId, 'wijziging')
        : undefined;
    const proofHref = dispute.proof && (await mayOpenDisputeProofs(ctx, board.id)) ? `${disputesPath(board)}/${dispute.id}/bewijs` : undefined;
    return sendPage(
      reply,
      <BoardDisputePage
        ctx={req.pageContext()}
        board={board}
        dispute={dispute}
        correctHref={correctHref}
        proofHref={proofHref}
        value={form.value}
        errors={form.errors ?? []}
      />,
      status,
    );
  }

  // the proof a professional added, to the board's own staff only; opening it is audited
  app.get('/beheer/bestuur/:id/betwistingen/:betwistingId/bewijs', signedIn, async (req, reply) => {
    const board = await boardOf(req);
    return sendPrivateFile(reply, await openDisputeProof(deps, contextOf(req), board.id, readParams(req, boardDisputeParams).betwistingId));
  });

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
