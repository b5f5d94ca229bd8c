import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import { apiPrefix, problemResponses } from '../../web/api.ts';
import {
  applyQuery,
  delivery,
  deliveryList,
  idParams,
  listQuery,
  presentDelivery,
  presentRowResult,
  resultsQuery,
  rowResultList,
  submitQuery,
} from './deliveries.api-schemas.ts';
import { z } from 'zod';
import * as service from './deliveries.service.ts';
import type { DeliveryDeps } from './deliveries.service.ts';
import { attachment } from '../../web/attachment.ts';
import { contextOf } from '../../web/route-helpers.ts';
import { findBoardByNumber } from '../organisations/index.ts';

export const xlsxMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tag = ['Aanleveringen'];
const security = [{ bearerAuth: [] }];

/** application/json unless the client asks for text/csv (and not JSON first); null when it accepts neither. */
function negotiate(accept: string | undefined): 'application/json' | 'text/csv' | null {
  const types = (accept ?? '*/*').split(',').map((part) => part.split(';')[0].trim().toLowerCase());
  for (const type of types) {
    if (type === 'text/csv' || type === 'text/*') return 'text/csv';
    if (type === 'application/json' || type === 'application/*' || type === '*/*') return 'application/json';
  }
  return null;
}

/**
 * The board a delivery or a list is for. A board's token acts for its own board (`?bestuur=` may name it,
 * no other). An administratiekantoor's token names the board by its number; whether that board authorises
 * the office is the policy's to answer (decision 022). Undefined: an office's own deliveries for every
 * board that authorises it (lists only).
 */
async function boardOf(deps: DeliveryDeps, req: FastifyRequest, number: string | undefined): Promise<string | undefined> {
  const { actor } = req;
  if (actor.type !== 'token' || (actor.organisation.kind !== 'bestuur' && actor.organisation.kind !== 'administratiekantoor')) {
    throw new AppError('forbidden', message('deliveries.error.boardTokenOnly'));
  }
  if (number === undefined) return actor.organisation.kind === 'bestuur' ? actor.organisation.id : undefined;
  const board = await findBoardByNumber(deps.db, number);
  // a number of no board, or (for a board's token) of another board, may not be delivered for
  if (!board || (actor.organisation.kind === 'bestuur' && board.id !== actor.organisation.id)) {
    throw new AppError('forbidden', message('deliveries.error.notYourBoard'));
  }
  return board.id;
}

/** For software suppliers: deliver a board's staff data with a token of scope `aanleveren`. */
export async function deliveryApiRoutes(app: FastifyInstance, opts: { deps: DeliveryDeps }) {
  const { deps } = opts;
  // in this plugin no body is parsed or buffered: the use case streams it to disk, and a body of another
  // type gets its 415 after the access check (a JSON parser would answer 400 before it)
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
  const api = app.withTypeProvider<ZodTypeProvider>();
  const access = { scopes: ['aanleveren'] } as const;

  api.post(
    `${apiPrefix}/aanleveringen`,
    {
      config: { access },
      schema: {
        summary: 'Personeelsgegevens aanleveren',
        description:
          'Levert een bestand volgens het aanleverformaat v1.1 aan (CSV als text/csv, of XLSX; docs/aanleverformaat.md). Een klein bestand is bij het antwoord al ' +
          'gecontroleerd; een groot bestand controleert een taak: volg dan status en voortgang. Met verwerken=true wordt een foutloos ' +
          'bestand meteen verwerkt. Een leeg, afgebroken of binair bestand, een bestand met een verkeerde kopregel en een te groot ' +
          'bestand krijgen een probleembericht. Een administratiekantoor levert aan voor een bestuur dat het machtigt, en noemt dat ' +
          'bestuur met ?bestuur=<bestuursnummer>; de kolom bevoegd_gezag_nummer moet dan dat nummer hebben.',
        tags: tag,
        operationId: 'leverAan',
        security,
        querystring: submitQuery,
        body: z.any().describe('Het bestand (text/csv of XLSX)'),
        response: { 201: delivery, ...problemResponses(400, 401, 403, 413, 415, 429) },
      },
    },
    async (req, reply) => {
      const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (type !== 'text/csv' && type !== xlsxMediaType) {
        throw new AppError('unsupported_media_type', message('deliveries.error.mediaType', { xlsx: xlsxMediaType }));
      }
      const boardId = await boardOf(deps, req, req.query.bestuur);
      if (boardId === undefined) throw new AppError('bad_request', message('deliveries.error.boardRequired'));
      const body = req.body instanceof Readable ? req.body : Readable.from([]);
      const result = await service.submitDelivery(deps, contextOf(req), {
        boardId,
        mode: req.query.modus,
        fileName: null,
        body,
        applyWhenValid: req.query.verwerken === 'true',
        channel: 'api',
      });
      const resource = presentDelivery(result, apiPrefix);
      return reply.code(201).header('Location', resource._links.self.href).send(resource);
    },
  );

  api.get(
    `${apiPrefix}/aanleveringen`,
    {
      config: { access },
      schema: {
        summary: 'De aanleveringen van uw bestuur',
        description:
          'Alle aanleveringen van het bestuur van het token, de nieuwste eerst. Met het token van een administratiekantoor: de aanleveringen die het ' +
          'kantoor zelf deed, voor de besturen die het nu machtigen (met ?bestuur= voor één bestuur).',
        tags: tag,
        operationId: 'zoekAanleveringen',
        security,
        querystring: listQuery,
        response: { 200: deliveryList, ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (req) => {
      const list = await service.listDeliveries(deps, contextOf(req), await boardOf(deps, req, req.query.bestuur), req.query.page, req.query.pageSize);
      return { resultaten: list.deliveries.map((d) => presentDelivery(d, apiPrefix)), totaal: list.total, page: list.page, pageSize: list.pageSize };
    },
  );

  api.get(
    `${apiPrefix}/aanleveringen/:id`,
    {
      config: { access },
      schema: {
        summary: 'Eén aanlevering',
        description: 'Status, voortgang en tellingen van een aanlevering van uw bestuur.',
        tags: tag,
        operationId: 'haalAanleveringOp',
        security,
        params: idParams,
        response: { 200: delivery, ...problemResponses(400, 401, 403, 404, 429) },
      },
    },
    async (req) => presentDelivery(await service.getDelivery(deps, contextOf(req), req.params.id), apiPrefix),
  );

  api.get(
    `${apiPrefix}/aanleveringen/:id/terugmelding`,
    {
      config: { access },
      schema: {
        summary: 'De terugmelding: het resultaat per rij',
        description:
          'Per rij: geaccepteerd, waarschuwing of fout, met kolom en reden in het Nederlands (aanleverformaat v1.1: een nummer dat een BSN ' +
          'kan zijn, staat er als •••••••••). Als JSON (gepagineerd) of, met ' +
          'Accept: text/csv, als CSV-bestand met alle rijen (puntkomma-gescheiden, UTF-8). Het CSV-bestand van een grote aanlevering ' +
          'maakt een taak na de controle; is het er nog niet, dan is het antwoord 503 met Retry-After: vraag het na zoveel seconden opnieuw op.',
        tags: tag,
        operationId: 'haalTerugmeldingOp',
        security,
        params: idParams,
        querystring: resultsQuery,
        response: {
          200: { description: 'De terugmelding', content: { 'application/json': { schema: rowResultList }, 'text/csv': { schema: z.string() } } },
          ...problemResponses(400, 401, 403, 404, 406, 429),
          503: { ...problemResponses(503)[503], description: 'Het CSV-bestand wordt nog klaargemaakt' },
        },
      },
    },
    async (req, reply) => {
      const wanted = negotiate(req.headers.accept);
      if (!wanted) throw new AppError('not_acceptable', message('deliveries.error.notAcceptable'));
      if (wanted === 'text/csv') {
        const csv = await service.openRowResultsCsv(deps, contextOf(req), req.params.id);
        if (!csv.ready) {
          reply.header('Retry-After', String(csv.retryAfterSeconds));
          throw new AppError('unavailable', message('deliveries.error.rowResultsPreparing'));
        }
        return reply
          .type('text/csv; charset=utf-8')
          .header('Content-Disposition', attachment(`terugmelding-${req.params.id}.csv`))
          .send(csv.body as never);
      }
      const { rows, total, page, pageSize } = await service.getRowResults(deps, contextOf(req), req.params.id, {
        problemsOnly: req.query.alleenProblemen === 'true',
        page: req.query.page,
        pageSize: req.query.pageSize,
      });
      return reply.type('application/json').send({ resultaten: rows.map(presentRowResult), totaal: total, page, pageSize });
    },
  );

  api.post(
    `${apiPrefix}/aanleveringen/:id/verwerking`,
    {
      config: { access },
      schema: {
        summary: 'Een gecontroleerde aanlevering verwerken',
        description:
          'Verwerkt de aanlevering in het register, alles of niets. Een aanlevering met fouten wordt niet verwerkt. Een volledige ' +
          'aanlevering die meer dan 20% van de dienstverbanden beëindigt, vraagt bevestigd=true. Een grote aanlevering verwerkt een ' +
          'taak: de status is dan in-behandeling met fase verwerken.',
        tags: tag,
        operationId: 'verwerkAanlevering',
        security,
        params: idParams,
        querystring: applyQuery,
        response: { 200: delivery, ...problemResponses(400, 401, 403, 404, 409, 429) },
      },
    },
    async (req) => presentDelivery(await service.requestApply(deps, contextOf(req), req.params.id, { confirmed: req.query.bevestigd === 'true' }), apiPrefix),
  );

  api.post(
    `${apiPrefix}/aanleveringen/:id/annulering`,
    {
      config: { access },
      schema: {
        summary: 'Een gecontroleerde aanlevering annuleren',
        description: 'Een gecontroleerde aanlevering die niet verwerkt moet worden, wordt geannuleerd. Er verandert niets in het register.',
        tags: tag,
        operationId: 'annuleerAanlevering',
        security,
        params: idParams,
        response: { 200: delivery, ...problemResponses(400, 401, 403, 404, 409, 429) },
      },
    },
    async (req) => presentDelivery(await service.cancelDelivery(deps, contextOf(req), req.params.id), apiPrefix),
  );
}
