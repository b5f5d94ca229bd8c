import type { Readable } from 'node:stream';
import { translateMessage } from '../../platform/i18n.ts';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { sendPage } from '../../web/render.ts';
import type { FieldError } from '../../ui/components/error-summary.tsx';
import { getBoardRef } from '../organisations/index.ts';
import * as service from './deliveries.service.ts';
import type { DeliveryDeps } from './deliveries.service.ts';
import type { DeliveryMode } from './delivery-format.rules.ts';
import { DeliveriesPage, DeliveryPage, deliveriesPath, type BoardView } from './views/delivery-pages.tsx';
import { attachment } from '../../web/attachment.ts';
import type { AlertType } from '../../ui/components/alert.tsx';
import { dutchDateOf } from '../../platform/dates/calendar.ts';
import { contextOf } from '../../web/route-helpers.ts';

const pageSize = 25;

type Params = { id: string; aanleveringId?: string };

const pageOf = (req: FastifyRequest) => Math.min(10_000, Math.max(1, Number.parseInt(String((req.query as Record<string, unknown>).page ?? '1'), 10) || 1));

async function boardOf(deps: DeliveryDeps, req: FastifyRequest): Promise<BoardView> {
  const { id } = req.params as Params;
  return getBoardRef(deps.db, id);
}

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
    const page = pageOf(req);
    const list = await service.listDeliveries(deps, contextOf(req), board.id, page, pageSize);
    return sendPage(
      reply,
      <DeliveriesPage ctx={req.pageContext()} board={board} deliveries={list.deliveries} page={page} pageSize={pageSize} total={list.total} maxMb={maxMb} {...form} />,
      status,
    );
  }

  async function deliveryOf(req: FastifyRequest) {
    const board = await boardOf(deps, req);
    const { aanleveringId } = req.params as Params;
    const delivery = await service.getDelivery(deps, contextOf(req), aanleveringId ?? '');
    if (delivery.boardId !== board.id) throw AppError.notFound('Deze aanlevering is niet van dit bestuur.');
    return { board, delivery };
  }

  async function renderDelivery(req: FastifyRequest, reply: FastifyReply, extra: { notice?: string; noticeType?: AlertType; errors?: FieldError[] } = {}, status = 200) {
    const { board, delivery } = await deliveryOf(req);
    if (!extra.notice && (req.query as Record<string, unknown>).terugmelding === csvPreparing) {
      extra = { ...extra, notice: req.pageContext().t('delivery.downloadPreparing'), noticeType: 'info' };
    }
    const page = pageOf(req);
    const results = await service.getRowResults(deps, contextOf(req), delivery.id, { problemsOnly: true, page, pageSize });
    return sendPage(
      reply,
      <DeliveryPage ctx={req.pageContext()} board={board} delivery={delivery} problems={results.rows} page={page} pageSize={pageSize} total={results.total} {...extra} />,
      status,
    );
  }

  app.get('/beheer/bestuur/:id/aanleveringen', signedIn, (req, reply) => renderList(req, reply));

  app.post('/beheer/bestuur/:id/aanleveringen', signedIn, async (req, reply) => {
    const board = await boardOf(deps, req);
    const t = req.pageContext().t;
    if (!req.isMultipart()) return renderList(req, reply, { errors: [{ field: 'bestand', message: t('deliveries.error.file') }] }, 400);
    let mode: string | undefined;
    let created: service.DeliveryRecord | undefined;
    let refusal: string | undefined;
    for await (const part of req.parts()) {
      if (part.type === 'field') {
        if (part.fieldname === 'modus') mode = String(part.value);
        continue;
      }
      // the mode comes before the file in the form; a file without a name is an empty file input
      if (part.fieldname !== 'bestand' || !part.filename || !(mode === 'volledig' || mode === 'mutaties')) {
        part.file.resume();
        continue;
      }
      try {
        created = await service.submitDelivery(deps, contextOf(req), {
          boardId: board.id, mode: mode as DeliveryMode, fileName: part.filename.slice(0, 200), body: part.file as Readable, applyWhenValid: false, channel: 'upload',
        });
      } catch (error) {
        if (!(error instanceof AppError) || !['validation_failed', 'payload_too_large'].includes(error.code)) throw error;
        refusal = error.detail && translateMessage(req.lang, error.detail);
        part.file.resume();
      }
    }
    if (created) return reply.redirect(`${deliveriesPath(board)}/${created.id}`, 303);
    const errors: FieldError[] = [];
    if (mode !== 'volledig' && mode !== 'mutaties') errors.push({ field: 'modus', message: t('deliveries.error.mode') });
    errors.push({ field: 'bestand', message: refusal ?? t('deliveries.error.file') });
    return renderList(req, reply, { values: { modus: mode }, errors }, 400);
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
    const confirmed = (req.body as Record<string, unknown> | undefined)?.bevestigd === 'ja';
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
