import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { describeRequest, type FuzzOutcome, responseProblems } from './outcome.ts';
import type { QueryTarget } from './query-targets.ts';
import { queryValue, urlEncodedPairs } from './url-encoded.arb.ts';

export type QueryCase = { path: string; query: string };

/** A request to one of the targets: its path parameters filled with known ids or fuzz, its query fuzzed. */
export function queryCase(targets: QueryTarget[], knownIds: string[]): fc.Arbitrary<QueryCase> {
  const param = fc.oneof({ arbitrary: fc.constantFrom(...knownIds, '1'), weight: 1 }, { arbitrary: queryValue, weight: 2 });
  // a route with more keys is tried more often: there is more to find
  const target = fc.oneof(...targets.map((t) => ({ arbitrary: fc.constant(t), weight: t.keys.length })));
  return target.chain((target) => {
    const names = target.url.match(/:\w+/g) ?? [];
    return fc.record({
      path: fc.tuple(...names.map(() => param)).map((values) => names.reduce((url, name, i) => url.replace(name, values[i] || '0'), target.url)),
      query: urlEncodedPairs(target.keys),
    });
  });
}

export async function runQueryCase(app: FastifyInstance, c: QueryCase): Promise<FuzzOutcome> {
  const url = c.query ? `${c.path}?${c.query}` : c.path;
  const response = await app.inject({ method: 'GET', url });
  // no 5xx anywhere, and every refusal on the API is problem+json (also Fastify's own, before any route)
  return { request: describeRequest('GET', url), status: response.statusCode, problems: responseProblems(response, { api: c.path.startsWith('/api/') }) };
}
