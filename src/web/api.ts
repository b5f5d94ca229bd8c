import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createJsonSchemaTransform, jsonSchemaTransformObject, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

// 1.1.0: the terugmelding as CSV may answer 503 with Retry-After while its file is made (docs/aanleverformaat.md)
// 1.2.0: administratiekantoren: ?bestuur= on the deliveries, each delivery names its board and office, GET /machtigingen (decision 022)
// 1.3.0: events (bijeenkomsten): GET /bijeenkomsten and GET /bijeenkomsten/{id} (decision 027)
export const apiVersion = '1.3.0';
export const apiPrefix = '/api/v1';

export const problemSchema = z
  .object({
    type: z.string().describe('URI die het soort probleem aanduidt'),
    title: z.string().describe('Korte omschrijving van het soort probleem, in het Nederlands'),
    status: z.number().int().describe('HTTP-statuscode'),
    detail: z.string().optional().describe('Uitleg bij dit geval, in het Nederlands'),
    instance: z.string().optional().describe('Het pad van het verzoek'),
    code: z.string().describe('Vaste foutcode voor software'),
    invalidParams: z
      .array(z.object({ name: z.string(), reason: z.string() }))
      .optional()
      .describe('Per ongeldige parameter de reden'),
  })
  .meta({ id: 'Probleem', description: 'Foutbericht volgens RFC 9457 (problem+json)' });

const problemDescriptions: Record<number, string> = {
  400: 'Ongeldige invoer',
  401: 'Niet geauthenticeerd',
  403: 'Geen toegang',
  404: 'Niet gevonden',
  406: 'Gevraagd formaat niet beschikbaar',
  409: 'Conflict',
  413: 'Te groot',
  415: 'Mediatype niet ondersteund',
  429: 'Te veel verzoeken',
  500: 'Interne fout',
  503: 'Tijdelijk niet beschikbaar',
};

/** Error responses for a route's schema: each is problem+json. 500 is always there. */
export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(
    [...statuses, 500].map((s) => [s, { description: problemDescriptions[s] ?? 'Fout', content: { 'application/problem+json': { schema: problemSchema } } }]),
  );
}

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(10_000).default(1).describe('Paginanummer, vanaf 1'),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).describe('Aantal resultaten per pagina (ten hoogste 100)'),
};

/** The list envelope of architecture.md: `{ resultaten, totaal, page, pageSize }`. */
export function listEnvelope<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    resultaten: z.array(item),
    totaal: z.number().int().describe("Totaal aantal resultaten over alle pagina's"),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

type OpenApiDoc = {
  paths: Record<string, Record<string, { tags?: string[]; responses?: Record<string, { headers?: Record<string, unknown> }> }>>;
  servers?: { url: string; description?: string }[];
  tags?: { name: string; description?: string }[];
  components?: Record<string, Record<string, unknown>>;
};

/** The operations' tags, described once at the top of the document. */
const tagDescriptions: Record<string, string> = {
  Aanleveringen: 'Personeelsgegevens aanleveren door schoolbesturen en hun softwareleveranciers volgens aanleverformaat v1.1 (token met scope aanleveren)',
  API: 'Over de API zelf',
  Organisaties: 'De organisatiegids: besturen, scholen en vestigingen uit de DUO-gegevens',
  Tokens: 'Tokens voor systemen van organisaties (Authorization: Bearer)',
};

/** Drops component schemas nothing refers to (the zod provider also emits unused `…Input` copies). */
function withoutUnusedSchemas(doc: OpenApiDoc): void {
  const schemas = doc.components?.schemas;
  if (!schemas) return;
  for (;;) {
    const text = JSON.stringify({ ...doc, components: { ...doc.components, schemas: {} } }) + JSON.stringify(schemas);
    const unused = Object.keys(schemas).filter((name) => !text.includes(`"#/components/schemas/${name}"`));
    if (unused.length === 0) return;
    for (const name of unused) delete schemas[name];
  }
}

/**
 * The document @fastify/swagger generates from the route schemas, made to fit the NL API Design
 * Rules: paths relative to the versioned server URL, the API-Version header on every 2xx/3xx response,
 * the CORS header on /openapi.json, and Retry-After on every 429 and 503 (the route schemas cannot
 * carry a header next to a problem+json body).
 */
export function finaliseOpenApi(generated: OpenApiDoc, baseUrl: string): OpenApiDoc {
  const doc = structuredClone(generated);
  doc.servers = [{ url: `${baseUrl}${apiPrefix}`, description: 'Beroepsregister Onderwijs API, versie 1' }];
  doc.components = {
    ...doc.components,
    headers: {
      'API-Version': { description: 'De volledige versie van de API (semver)', schema: { type: 'string', example: apiVersion } },
      'Access-Control-Allow-Origin': { description: 'CORS: iedereen mag dit document ophalen', schema: { type: 'string', example: '*' } },
      'Retry-After': { description: 'Na hoeveel seconden u het opnieuw kunt proberen', schema: { type: 'integer', example: 10 } },
    },
  };
  const paths: OpenApiDoc['paths'] = {};
  for (const [path, operations] of Object.entries(doc.paths)) {
    if (!path.startsWith(apiPrefix)) continue;
    const relative = path.slice(apiPrefix.length) || '/';
    for (const operation of Object.values(operations)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (status === '429' || status === '503') response.headers = { 'Retry-After': { $ref: '#/components/headers/Retry-After' }, ...response.headers };
        if (!/^[23]\d\d$/.test(status)) continue;
        response.headers = { 'API-Version': { $ref: '#/components/headers/API-Version' }, ...response.headers };
        if (relative === '/openapi.json') {
          response.headers['access-control-allow-origin'] = { $ref: '#/components/headers/Access-Control-Allow-Origin' };
        }
      }
    }
    paths[relative] = operations;
  }
  doc.paths = paths;
  const used = [...new Set(Object.values(paths).flatMap((ops) => Object.values(ops).flatMap((op) => op.tags ?? [])))].sort();
  doc.tags = used.map((name) => ({ name, description: tagDescriptions[name] ?? name }));
  withoutUnusedSchemas(doc);
  return doc;
}

export const apiPlatform = fp(async (app: FastifyInstance, opts: { baseUrl: string }) => {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      components: {
        securitySchemes: {
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            description: 'Een API-token van uw organisatie (beheer: Mijn account → API-tokens), als Authorization: Bearer <token>.',
          },
        },
      },
      info: {
        title: 'Beroepsregister Onderwijs API',
        description:
          'De API van het Beroepsregister Onderwijs (primair onderwijs): de organisatiegids en, met een token, de aanlevering van personeelsgegevens door schoolbesturen. Fouten zijn application/problem+json met een Nederlandse titel.',
        version: apiVersion,
        contact: { name: 'Beroepsregister Onderwijs', email: 'api@beroepsregister.nl', url: 'https://beroepsregister.nl/api' },
      },
    },
    transform: createJsonSchemaTransform({ skipList: [] }),
    transformObject: jsonSchemaTransformObject,
    hideUntagged: false,
  });

  app.addHook('onSend', async (req, reply) => {
    if (!req.url.startsWith(apiPrefix)) return;
    reply.header('API-Version', apiVersion);
    if (req.method === 'GET') reply.header('Access-Control-Allow-Origin', '*');
  });

  app.after(() => {
    app.withTypeProvider<ZodTypeProvider>().get(
      `${apiPrefix}/openapi.json`,
      {
        config: { access: 'public' },
        schema: {
          summary: 'Het OpenAPI-document van deze API',
          description: 'Dit document: de beschrijving van alle operaties van de API in OpenAPI 3.0, gegenereerd uit de code.',
          operationId: 'haalOpenApiDocumentOp',
          tags: ['API'],
          response: { 200: z.record(z.string(), z.unknown()).describe('OpenAPI 3.0-document') },
        },
      },
      async () => finaliseOpenApi(app.swagger() as unknown as OpenApiDoc, opts.baseUrl) as unknown as Record<string, unknown>,
    );
  });
});
