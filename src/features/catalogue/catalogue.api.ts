import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.ts';
import { translateMessage } from '../../platform/i18n.ts';
import { apiPrefix, problemResponses } from '../../web/api.ts';
import {
  asCatalogueQuery,
  attendanceBody,
  attendanceResult,
  catalogueQuery,
  offeringDetail,
  offeringList,
  offeringParams,
  presentAttendance,
  presentDetail,
  presentSummary,
  runParams,
} from './catalogue.api-schemas.ts';
import { checkCatalogueQuery } from './catalogue.rules.ts';
import * as service from './catalogue.service.ts';
import type { CatalogueDeps } from './catalogue.service.ts';
import { contextOf } from '../../web/route-helpers.ts';

const tags = ['Aanbod'];

/**
 * The API answers in Dutch: the error handler makes every problem with 'nl'. The one detail that joins
 * several messages (each invalid parameter's reason stays a key, for the handler) is made here.
 */
const apiLang = 'nl';

/** The public catalogue for anyone, and attendance for a provider's system (token of scope presentie). */
export async function catalogueApiRoutes(app: FastifyInstance, opts: { deps: CatalogueDeps }) {
  const { deps } = opts;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    `${apiPrefix}/aanbod`,
    {
      config: { access: 'public' },
      schema: {
        summary: 'Zoek in het geaccrediteerde nascholingsaanbod',
        description:
          'Het nascholingsaanbod: door de Commissie Accreditatie vooraf gewaardeerd aanbod dat vandaag geldig is, met de eerstvolgende uitvoeringen. ' +
          'Te filteren op woorden, thema, competentie, punten, regio (provincie of online), vorm en een periode waarin een uitvoering begint. ' +
          'Het aanbod met de eerstvolgende uitvoering staat eerst. Gepagineerd.',
        tags,
        operationId: 'zoekAanbod',
        querystring: catalogueQuery,
        response: { 200: offeringList, ...problemResponses(400) },
      },
    },
    async (req) => {
      const checked = checkCatalogueQuery(asCatalogueQuery(req.query));
      if (!checked.ok)
        throw AppError.validation(
          checked.problems.map((p) => ({ name: p.field, reason: p.message })),
          checked.problems.map((p) => translateMessage(apiLang, p.message)).join(' '),
        );
      const result = await service.searchCatalogue(deps, checked.filters, req.query.page, req.query.pageSize);
      return {
        resultaten: result.entries.map((e) => presentSummary(e, apiPrefix, deps.baseUrl)),
        totaal: result.total,
        page: result.page,
        pageSize: result.pageSize,
      };
    },
  );

  api.get(
    `${apiPrefix}/aanbod/:id`,
    {
      config: { access: 'public' },
      schema: {
        summary: 'Eén aanbod uit het nascholingsaanbod',
        description:
          "Beschrijving, leerdoelen, thema's, competenties, punten, studiebelasting, prijs, contact en geldigheid, met alle komende uitvoeringen en hun agendabestand.",
        tags,
        operationId: 'haalAanbodOp',
        params: offeringParams,
        response: { 200: offeringDetail, ...problemResponses(400, 404) },
      },
    },
    async (req) => {
      const { offering, runs } = await service.getCatalogueOffering(deps, req.params.id);
      return presentDetail(offering, runs, apiPrefix, deps.baseUrl);
    },
  );

  api.post(
    `${apiPrefix}/aanbod/:id/uitvoeringen/:uitvoeringId/presentie`,
    {
      config: { access: { scopes: ['presentie'] } },
      // the token is checked before the body: a request without the right token gets 401 or 403, whatever it sends
      attachValidation: true,
      schema: {
        summary: 'Presentie van een uitvoering registreren',
        description:
          'Registreert de deelnemers van een begonnen uitvoering van uw eigen geaccrediteerde aanbod, op registernummer. Elk nieuw geregistreerde ' +
          'deelnemer krijgt het aanbod als activiteit met de geaccrediteerde punten in het dossier, en een e-mail. Per registernummer staat het ' +
          'resultaat in het antwoord; een registernummer dat al geregistreerd was, verandert niets (het verzoek mag dus opnieuw). 201 als er ' +
          'iemand nieuw is geregistreerd, anders 200. Aanbod van een andere organisatie dan die van het token bestaat voor dit token niet (404).',
        tags,
        operationId: 'registreerPresentie',
        security: [{ bearerAuth: [] }],
        params: runParams,
        body: attendanceBody,
        response: { 200: attendanceResult, 201: attendanceResult, ...problemResponses(400, 401, 403, 404, 409, 415, 429) },
      },
    },
    async (req, reply) => {
      if (req.validationError) throw req.validationError;
      const results = await service.recordAttendanceByApi(deps, contextOf(req), req.params.id, req.params.uitvoeringId, req.body.registernummers);
      const body = presentAttendance(results);
      return reply.code(body.aantalGeregistreerd > 0 ? 201 : 200).send(body);
    },
  );
}
