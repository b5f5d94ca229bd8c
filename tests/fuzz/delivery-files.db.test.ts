import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDeliveryCase } from './delivery-case.ts';
import { deliveryFileCase } from './delivery-files.arb.ts';
import { createFuzzApp, type FuzzApp } from './fuzz-app.ts';

// Issue 17, item 9: a bounded run in `npm test`; `npm run bench -- fuzz` runs the same cases by the thousand.
// fast-check prints the seed and the shrunk case of a failure; replay it with { seed, path } in fc.assert.

let fz: FuzzApp;
beforeAll(async () => {
  fz = await createFuzzApp();
});
afterAll(async () => fz?.close());

describe('fuzzed delivery files through the API (CSV and XLSX)', () => {
  it('answer 2xx or a problem+json, never 5xx; each delivery ends checked, refused or applied; the register changes only when applied', async () => {
    await fc.assert(
      fc.asyncProperty(deliveryFileCase, async (c) => {
        const outcome = await runDeliveryCase(fz, c);
        expect(outcome.problems, outcome.request).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
