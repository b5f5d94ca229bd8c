import type { FastifyInstance } from 'fastify';

/** A public GET route and the query keys its handler reads. */
export type QueryTarget = { url: string; keys: string[] };

/**
 * The keys the public pages read from their query (the API's are in its OpenAPI document). Every
 * request reads `lang`. A public GET route missing here is fuzzed with `lang` and strangers only; the
 * test lists the routes, so a new one is seen.
 */
export const pageQueryKeys: Record<string, string[]> = {
  '/organisaties': ['zoek', 'soort', 'provincie', 'denominatie', 'inclusiefGesloten', 'page'],
  '/register': ['naam', 'registernummer', 'school', 'page'],
  '/aanbod': ['zoek', 'thema', 'competentie', 'puntenMin', 'puntenMax', 'regio', 'vorm', 'vanaf', 'tot', 'page', 'melding'],
  '/inloggen': ['terug'],
  '/account/aanmaken': ['terug'],
  '/account/bevestigen': ['token'],
  '/account/deblokkeren': ['token'],
  '/wachtwoord-herstellen': ['token'],
  '/uitnodiging': ['token'],
};

type OpenApi = { paths: Record<string, Record<string, { security?: unknown[]; parameters?: { in: string; name: string }[] }>> };

/** Every public GET route of the app with its query keys: from app.registeredRoutes, the OpenAPI document and pageQueryKeys. */
export async function publicQueryTargets(app: FastifyInstance): Promise<QueryTarget[]> {
  const spec = (await app.inject({ url: '/api/v1/openapi.json' })).json() as OpenApi;
  const apiKeys = new Map<string, string[]>();
  for (const [path, operations] of Object.entries(spec.paths)) {
    const query = (operations.get?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    apiKeys.set(`/api/v1${path.replace(/\{(\w+)\}/g, ':$1')}`, query);
  }
  return app.registeredRoutes
    .filter((r) => r.method === 'GET' && r.access === 'public')
    .map((r) => ({ url: r.url, keys: ['lang', ...(apiKeys.get(r.url) ?? pageQueryKeys[r.url] ?? [])] }));
}

/** Ids that exist, for path parameters, so a fuzzed query reaches a detail page's handler and not only its 404. */
export async function knownIds(app: FastifyInstance): Promise<string[]> {
  const ids = new Set<string>();
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if ((key === 'id' || key === 'registernummer') && typeof inner === 'string' && ids.size < 12) ids.add(inner);
        else collect(inner);
      }
    }
  };
  for (const url of ['/api/v1/organisaties?pageSize=3', '/api/v1/aanbod?pageSize=3']) {
    const response = await app.inject({ url });
    if (response.statusCode === 200) collect(response.json());
  }
  return [...ids];
}
