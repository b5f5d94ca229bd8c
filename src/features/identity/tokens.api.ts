import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tokenScopes } from '../../platform/auth/roles.ts';
import { apiPrefix, problemResponses } from '../../web/api.ts';
import type { FeatureOptions } from '../feature.ts';
import type { IdentityDeps } from './identity.deps.ts';
import { describeCurrentToken } from './tokens.service.ts';

const currentToken = z
  .object({
    naam: z.string().describe('De naam die de organisatie het token gaf'),
    organisatie: z.object({
      soort: z.string().describe('bestuur, aanbieder of administratiekantoor'),
      id: z.string().uuid(),
      naam: z.string(),
      nummer: z.string().optional().describe('Bestuursnummer (5 cijfers), bij een bestuur'),
      kvkNummer: z.string().optional().describe('KvK-nummer (8 cijfers), bij een administratiekantoor'),
    }),
    scopes: z.array(z.enum(tokenScopes)).describe('De bevoegdheden van dit token'),
    aangemaaktOp: z.string().datetime(),
    verlooptOp: z.string().datetime(),
  })
  .meta({ id: 'HuidigToken' });

/** Tells a machine client which organisation and scopes its token has. */
export async function tokenApiRoutes(app: FastifyInstance, opts: FeatureOptions & { deps: IdentityDeps }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    `${apiPrefix}/tokens/huidig`,
    {
      config: { access: 'token' },
      schema: {
        summary: 'Het token waarmee u dit verzoek doet',
        description:
          'Geeft de organisatie, de bevoegdheden (scopes) en de verloopdatum van het meegestuurde API-token. Handig om een koppeling te controleren.',
        tags: ['Tokens'],
        operationId: 'haalHuidigTokenOp',
        security: [{ bearerAuth: [] }],
        response: { 200: currentToken, ...problemResponses(401, 429) },
      },
    },
    async (req) => {
      if (req.actor.type !== 'token') throw new Error('access rule "token" guarantees a token actor');
      const token = await describeCurrentToken(opts.deps, req.actor);
      return {
        naam: token.name,
        organisatie: {
          soort: token.organisation.kind,
          id: token.organisation.id,
          naam: token.organisation.name,
          ...(token.organisation.number ? { nummer: token.organisation.number } : {}),
          ...(token.organisation.kvkNumber ? { kvkNummer: token.organisation.kvkNumber } : {}),
        },
        scopes: token.scopes,
        aangemaaktOp: token.createdAt.toISOString(),
        verlooptOp: token.expiresAt.toISOString(),
      };
    },
  );
}
