import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiPrefix, listEnvelope, pageQuery, problemResponses } from '../../web/api.ts';
import { contextOf } from '../../web/route-helpers.ts';
import * as service from './offices.service.ts';

const mandate = z
  .object({
    bestuur: z.object({
      id: z.string().uuid(),
      nummer: z.string().describe('Bestuursnummer (5 cijfers): noem het bij elke aanlevering (?bestuur=)'),
      naam: z.string(),
    }),
    administratiekantoor: z.object({ id: z.string().uuid(), naam: z.string(), kvkNummer: z.string().describe('KvK-nummer (8 cijfers)') }),
    sinds: z.string().datetime().describe('Wanneer het bestuur de machtiging gaf'),
  })
  .meta({ id: 'Machtiging' });

const mandateList = listEnvelope(mandate).meta({ id: 'MachtigingLijst' });

/** The machtigingen of the token's organisation: a board's offices, or an office's boards. */
export async function officeApiRoutes(app: FastifyInstance, opts: { deps: service.OfficeDeps }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    `${apiPrefix}/machtigingen`,
    {
      config: { access: 'token' },
      schema: {
        summary: 'De machtigingen van uw organisatie',
        description:
          'Met het token van een administratiekantoor: de besturen die het kantoor nu machtigen om voor hen aan te leveren (noem hun bestuursnummer ' +
          'bij elke aanlevering). Met het token van een bestuur: de administratiekantoren die het bestuur nu machtigt. Een ingetrokken machtiging ' +
          'staat er niet meer in.',
        tags: ['Machtigingen'],
        operationId: 'zoekMachtigingen',
        security: [{ bearerAuth: [] }],
        querystring: z.object(pageQuery),
        response: { 200: mandateList, ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (req) => {
      const list = await service.listMandatesOfToken(opts.deps, contextOf(req), req.query.page, req.query.pageSize);
      return {
        resultaten: list.rows.map((m) => ({
          bestuur: { id: m.boardId, nummer: m.boardNumber, naam: m.boardName },
          administratiekantoor: { id: m.officeId, naam: m.officeName, kvkNummer: m.kvkNumber },
          sinds: m.grantedAt.toISOString(),
        })),
        totaal: list.total,
        page: list.page,
        pageSize: list.pageSize,
      };
    },
  );
}
