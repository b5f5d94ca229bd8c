import type { Readable } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { message, translateMessage } from '../../platform/i18n.ts';
import { fieldErrorsOfIssues, readForm, readParams, readQuery } from '../../web/forms.ts';
import { applyForm, boardParams, deliveryParams, deliveryQuery, listQuery, uploadFields } from './deliveries.forms.ts';
import { sendPage } from '../../web/render.ts';
import type { FieldError } from '../../ui/components/error-summary.tsx';
import { getBoardRef } from '../organisations/index.ts';
import * as service from './deliveries.service.ts';
import type { DeliveryDeps } from './deliveries.service.ts';
import { DeliveriesPage, DeliveryPage, deliveriesPath, type BoardView } from './views/delivery-pages.tsx';
import { attachment } from '../../web/attachment.ts';
import type { AlertType } from '../../ui/components/alert.tsx';
import { dutchDateOf } from '../../platform/dates/calendar.ts';
import { contextOf } from '../../web/route-helpers.ts';

const pageSize = 25;

async function boardOf(deps: DeliveryDeps, req: FastifyRequest): Promise<BoardView> {
  return getBoardRef(deps.db, readParams(req, boardParams).id);
}

/** A file the check refuses, or one over the limit: the file field's error rather than an error page. */
const refusesFile = (error: unknown): error is AppError =>
  error instanceof AppError && (error.code === 'validation_failed' || error.code === 'payload_too_large');

/** Board staff deliver a file, follow its check, read the per-row report, and apply or cancel it. */
export async function deliveryPageRoutes(app: FastifyInstance, opts: { deps: DeliveryDeps }) {
  const { deps } = opts;
  // the file is streamed to the sealed store part by part; the limit of the use case applies first
  // past the limit the file is cut off, not thrown: the sealed writer's own limit says so, in Dutch
  await app.register(fastifyMultipart, { throwFileSizeLimit: false, limits: { files: 1, fields: 5, fileSize: deps.maxBytes + 1, fieldSize: 1024 } });
  const signedIn = { config: { access: 'signed-in' as const } };
  const maxMb = Math.round(deps.maxBytes / 1024 / 1024);

  async function renderList(req: FastifyRequest, reply: FastifyReply, form: { values?: { modus?: string }; errors?: FieldError[] } = {}, status = 200) {
    const board = await boardOf(deps, req);
    const { page } = readQuery(req, listQuery);
    const list = await service.listDeliveries(deps, contextOf(req), board.id, page, pageSize);
    return sendPage(
      reply,
      <DeliveriesPage
        ctx={req.pageContext()}
        board={board}
        deliveries={list.deliveries}
        page={page}
        pageSize={pageSize}
        total={list.total}
        maxMb={maxMb}
        lastAppliedAt={list.lastAppliedAt}
        quiet={list.quiet}
        officeName={list.officeName}
        {...form}
      />,
      status,
    );
  }

  async function deliveryOf(req: FastifyRequest) {
    const board = await boardOf(deps, req);
    const { aanleveringId } = readParams(req, deliveryParams);
    const delivery = await service.getDelivery(deps, contextOf(req), aanleveringId);
    if (delivery.boardId !== board.id) throw AppError.notFound(message('deliveries.error.notOfBoard'));
    return { board, delivery };
  }

  async function renderDelivery(
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { notice?: string; noticeType?: AlertType; errors?: FieldError[] } = {},
    status = 200,
  ) {
    const { board, delivery } = await deliveryOf(req);
    const { page, terugmelding } = readQuery(req, deliveryQuery);
    if (!extra.notice && terugmelding === csvPreparing) {
      extra = { ...extra, notice: req.pageContext().t('delivery.downloadPreparing'), noticeType: 'info' };
    }
    const results = await service.getRowResults(deps, contextOf(req), delivery.id, { problemsOnly: true, page, pageSize });
    return sendPage(
      reply,
      <DeliveryPage
        ctx={req.pageContext()}
        board={board}
        delivery={delivery}
        problems={results.rows}
        page={page}
        pageSize={pageSize}
        total={results.total}
        {...extra}
      />,
      status,
    );
  }

  app.get('/beheer/bestuur/:id/aanleveringen', signedIn, (req, reply) => renderList(req, reply));

  app.post('/beheer/bestuur/:id/aanleveringen', signedIn, async (req, reply) => {
    const board = await boardOf(deps, req);
    const t = req.pageContext().t;
    if (!req.isMultipart()) return renderList(req, reply, { errors: [{ field: 'bestand', message: t('deliveries.error.file') }] }, 400);
    // the text fields come before the file in the form: they are read through their schema when the file arrives
    const values: Record<string, string> = {};
    let created: service.DeliveryRecord | undefined;
    let refusal: string | undefined;
    for await (const part of req.parts()) {
      if (part.type === 'field') {
        if (part.fieldname === 'modus') values.modus = String(part.value).slice(0, 100);
        continue;
      }
      const fields = uploadFields.safeParse(values);
      // a file without a name is an empty file input
      if (part.fieldname !== 'bestand' || !part.filename || !fields.success) {
        part.file.resume();
        continue;
      }
      try {
        created = await service.submitDelivery(deps, contextOf(req), {
          boardId: board.id,
          mode: fields.data.modus,
          fileName: part.filename.slice(0, 200),
          body: part.file as Readable,
          applyWhenValid: false,
          channel: 'upload',
        });
      } catch (error) {
        if (!refusesFile(error)) throw error;
        refusal = translateMessage(req.lang, error.detail ?? message('deliveries.error.file'));
        part.file.resume();
      }
    }
    if (created) return reply.redirect(`${deliveriesPath(board)}/${created.id}`, 303);
    const fields = uploadFields.safeParse(values);
    const errors: FieldError[] = fields.success ? [] : fieldErrorsOfIssues(req, fields.error.issues);
    errors.push({ field: 'bestand', message: refusal ?? t('deliveries.error.file') });
    return renderList(req, reply, { values, errors }, 400);
  });

  /** the query a download that is not ready yet sends the person back with */
  const csvPreparing = 'wordt-klaargemaakt';

  app.get('/beheer/bestuur/:id/aanleveringen/:aanleveringId', signedIn, (req, reply) => renderDelivery(req, reply));

  app.get('/beheer/bestuur/:id/aanleveringen/:aanleveringId/terugmelding.csv', signedIn, async (req, reply) => {
    const { board, delivery } = await deliveryOf(req);
    const csv = await service.openRowResultsCsv(deps, contextOf(req), delivery.id);
    if (!csv.ready) {
      // back to the delivery, saying so, rather than a download that breaks off or an error page: a
      // large delivery's file is still being made (the API answers 503 with Retry-After)
      return reply.redirect(`${deliveriesPath(board)}/${delivery.id}?terugmelding=${csvPreparing}`, 303);
    }
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', attachment(`terugmelding-${dutchDateOf(delivery.createdAt)}.csv`))
      .send(csv.body);
  });

  app.post('/beheer/bestuur/:id/aanleveringen/:aanleveringId/verwerken', signedIn, async (req, reply) => {
    const { delivery } = await deliveryOf(req);
    const t = req.pageContext().t;
    const form = readForm(req, applyForm);
    const confirmed = form.ok && form.value.bevestigd === 'ja';
    if (delivery.needsConfirmation && !confirmed) {
      return renderDelivery(req, reply, { errors: [{ field: 'bevestigd', message: t('delivery.confirmRequired') }] }, 400);
    }
    const result = await service.requestApply(deps, contextOf(req), delivery.id, { confirmed });
    if (result.status === 'verwerkt') return renderDelivery(req, reply, { notice: t('delivery.applied') });
    return reply.redirect(`${deliveriesPath(await boardOf(deps, req))}/${delivery.id}`, 303);
  });

  app.post('/beheer/bestuur/:id/aanleveringen/:aanleveringId/annuleren', signedIn, async (req, reply) => {
    const { delivery } = await deliveryOf(req);
    await service.cancelDelivery(deps, contextOf(req), delivery.id);
    return renderDelivery(req, reply, { notice: req.pageContext().t('delivery.cancelled') });
  });
}
