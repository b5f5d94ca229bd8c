import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFuzzApp, type FuzzApp } from './fuzz-app.ts';
import { queryCase, runQueryCase } from './query-case.ts';
import { knownIds, pageQueryKeys, publicQueryTargets, type QueryTarget } from './query-targets.ts';

// Issue 17, item 9: every query parameter of every public GET route, fuzzed (`%00` in 8 of them answered 500).

let fz: FuzzApp;
let targets: QueryTarget[];
let ids: string[];
beforeAll(async () => {
  fz = await createFuzzApp();
  targets = await publicQueryTargets(fz.app);
  ids = await knownIds(fz.app);
});
afterAll(async () => fz?.close());

describe('fuzzed query strings on the public GET routes (pages and API)', () => {
  it('knows the query keys of every public page that reads its query', () => {
    const urls = targets.map((t) => t.url);
    expect(urls).toEqual(expect.arrayContaining(Object.keys(pageQueryKeys)));
    expect(targets.find((t) => t.url === '/api/v1/aanbod')?.keys).toEqual(expect.arrayContaining(['zoek', 'puntenMin', 'vanaf', 'pageSize']));
    expect(ids.length).toBeGreaterThan(0);
  });

  it('never answer 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(queryCase(targets, ids), async (c) => {
        const outcome = await runQueryCase(fz.app, c);
        expect(outcome.problems, outcome.request).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});
