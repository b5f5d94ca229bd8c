import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formCase, publicFormFields, runFormCase } from './form-case.ts';
import { createFuzzApp, type FuzzApp } from './fuzz-app.ts';

// Issue 17, item 9: every public form with arbitrary field values, past the CSRF check.

let fz: FuzzApp;
beforeAll(async () => {
  fz = await createFuzzApp();
});
afterAll(async () => fz?.close());

const publicPosts = () => fz.app.registeredRoutes.filter((r) => r.method === 'POST' && r.access === 'public').map((r) => r.url);

describe('fuzzed public forms', () => {
  it('knows the fields of every public form', () => {
    expect(publicPosts().sort()).toEqual(Object.keys(publicFormFields).sort());
  });

  it('never answer 5xx, and a refused form writes no account or session', async () => {
    await fc.assert(
      fc.asyncProperty(formCase(publicPosts()), async (c) => {
        const outcome = await runFormCase(fz.app, fz.database, c);
        expect(outcome.problems, outcome.request).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
