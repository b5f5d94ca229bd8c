import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolledProfessional, insertOffering, insertProvider } from '../../../tests/support/catalogue.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { seedDemoRuns } from './catalogue.demo.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('seedDemoRuns', () => {
  it('gives each accredited offering upcoming runs, and one past run with attendance in the dossiers', async () => {
    const provider = await insertProvider(t.database, 'Demo Academie');
    const organisation = { kind: 'aanbieder' as const, id: provider };
    const offerings = [
      { id: await insertOffering(t.database, { organisation, title: 'Eén', format: 'klassikaal' }) },
      { id: await insertOffering(t.database, { organisation, title: 'Twee', format: 'online' }) },
      { id: await insertOffering(t.database, { organisation, title: 'Drie', format: 'hybride' }) },
      { id: await insertOffering(t.database, { organisation, title: 'Ingediend', status: 'ingediend' }) },
    ];
    for (const n of [1, 2, 3]) await enrolledProfessional(t.database, { email: `demo${n}@school.nl`, surname: `Demo${n}` });
    const seeded = await seedDemoRuns(t.database.db, offerings);
    expect(seeded).toEqual({ runs: 1 + 2 + 3 + 1, attendances: 3 });
    const list = (await t.app.inject({ url: '/api/v1/aanbod' })).json();
    expect(list.totaal).toBe(3);
    for (const entry of list.resultaten) expect(entry.uitvoeringen.length).toBeGreaterThanOrEqual(1);
    expect(list.resultaten.find((e: { titel: string }) => e.titel === 'Twee').uitvoeringen.every((r: { online: boolean }) => r.online)).toBe(true);
    const activities = await t.database.query<{ source: string; points: number }>('SELECT source, points FROM activities');
    expect(activities).toEqual([
      { source: 'aanbod', points: 12 },
      { source: 'aanbod', points: 12 },
      { source: 'aanbod', points: 12 },
    ]);
  });
});
