import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { bytesOf, deliveryCsv, deliveryDeps, type DeliveryRow, deliveringBoard } from '../../../tests/support/deliveries.ts';
import { sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText, type WebSession } from '../../../tests/support/web-session.ts';
import type { ActorContext } from '../../platform/audit/audit.ts';
import { registerOfficeId } from '../../platform/auth/roles.ts';
import { applyDelivery, submitDelivery } from './deliveries.service.ts';
import { boardStaffActor } from '../../../tests/support/deliveries.ts';

let t: TestApp;
let office: WebSession;
let hr: ActorContext;
let board: { id: string; number: string };
let school: { brin: string; location: string };

const row = (n: number, changes: DeliveryRow = {}): DeliveryRow => ({
  bevoegd_gezag_nummer: board.number,
  personeelsnummer: `R${n}`,
  voorletters: 'F.',
  achternaam: `Kok${n}`,
  geboortedatum: '1975-03-03',
  instellingscode: school.brin,
  vestigingscode: school.location,
  functie: 'SCHOOLLEIDER',
  begindatum: '2015-01-01',
  mutatie: 'NIEUW',
  ...changes,
});

async function deliverAndApply(rows: DeliveryRow[]) {
  const deps = deliveryDeps(t.database);
  const delivery = await submitDelivery(deps, hr, {
    boardId: board.id,
    mode: 'mutaties',
    fileName: 'x.csv',
    channel: 'upload',
    body: bytesOf(deliveryCsv(rows)),
    applyWhenValid: false,
  });
  expect(delivery.errorRows).toBe(0);
  return applyDelivery(deps, hr, delivery.id, { confirmed: false });
}

const tasks = () =>
  t.database.query<{ id: string; status: string; person_id: string; candidate_id: string }>(
    `SELECT id, status, person_id, candidate_id FROM duplicate_candidates ORDER BY created_at, id`,
  );

beforeAll(async () => {
  t = await createTestApp({ withDuo: true });
  ({ board, school } = await deliveringBoard(t.database));
  hr = { actor: await boardStaffActor(t.database, board.id, 'hr@32073.nl') };
  const staff = await createAccount(t.database, {
    email: 'staf@register.nl',
    roles: [{ role: 'register-staff', organisation: { kind: 'register', id: registerOfficeId } }],
  });
  office = await sessionFor(t.app, t.database, staff.id);
  await deliverAndApply([row(1, { bsn: '111222333' }), row(2), row(3)]);
});
afterAll(async () => t?.close());

describe('the register office', () => {
  it('sees per board what was delivered and how much awaits approval', async () => {
    const page = await office.get('/beheer/aanleveringen');
    expect(page.statusCode).toBe(200);
    expect(visibleText(page.body)).toMatch(new RegExp(`${board.number} Stichting Christelijke Kindcentra Drenthe 1 .* \\(Verwerkt; bestand\\) 3 3 0`));
    expect(visibleText(page.body)).not.toContain('geen verwerkte aanlevering in 35 dagen');
    // 40 days later without another: a neutral flag beside the date
    await t.database.query(`UPDATE deliveries SET created_at = created_at - interval '40 days' WHERE board_id = $1`, [board.id]);
    expect(visibleText((await office.get('/beheer/aanleveringen')).body)).toMatch(/\(Verwerkt; bestand\) geen verwerkte aanlevering in 35 dagen 3 3 0/);
    await t.database.query(`UPDATE deliveries SET created_at = created_at + interval '40 days' WHERE board_id = $1`, [board.id]);
  });

  it('a possible duplicate: shown without the BSN, and merged only after confirming', async () => {
    // someone delivered again under another number, with the same surname and birth date and no BSN
    await deliverAndApply([row(11, { achternaam: 'Kok1', email: 'f.kok@school.nl' })]);
    const [task] = await tasks();
    expect(task.status).toBe('open');
    const queue = visibleText((await office.get('/beheer/dubbelen')).body);
    expect(queue).toContain('Zelfde achternaam en geboortedatum');
    expect(queue).toContain('BSN bekend ja');
    expect(queue).toContain('Geboortedatum 3 maart 1975');
    expect(queue).not.toContain('111222333');
    const viewed = await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'persons.viewed'`);
    expect(viewed[0].n).toBeGreaterThan(0);

    // the professional delivered under the second number already took up their record
    const professional = await sessionFor(t.app, t.database, (await createAccount(t.database, { email: 'f.kok@school.nl' })).id);
    expect(visibleText((await professional.get('/mijn-register')).body)).toContain('Nog te controleren: 1.');

    const confirm = await office.get(`/beheer/dubbelen/${task.id}/samenvoegen`);
    expect(visibleText(confirm.body)).toContain('Dit is niet ongedaan te maken.');
    const merged = await office.post(`/beheer/dubbelen/${task.id}`, { besluit: 'zelfde-persoon' });
    expect(visibleText(merged.body)).toContain('De personen zijn samengevoegd.');
    const [kept] = await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM employments WHERE person_id = $1`, [task.candidate_id]);
    expect(kept.n).toBe(2);
    const [tombstone] = await t.database.query<{ merged_into: string }>(`SELECT merged_into FROM persons WHERE id = $1`, [task.person_id]);
    expect(tombstone.merged_into).toBe(task.candidate_id);
    expect((await t.database.query(`SELECT person_id FROM staff_numbers WHERE staff_number = 'R11'`))[0]).toEqual({ person_id: task.candidate_id });
    expect((await tasks())[0].status).toBe('zelfde-persoon');
    // the link to the account went along: the record, both employments now, is still theirs
    expect(visibleText((await professional.get('/mijn-register')).body)).toContain('Nog te controleren: 2.');
  });

  it('refuses to merge two persons with different BSNs; "different persons" closes the task', async () => {
    await deliverAndApply([row(12, { achternaam: 'Kok9', bsn: '123456782' })]);
    await deliverAndApply([row(13, { achternaam: 'Kok9', bsn: '012345672' })]);
    const kok9 = await t.database.query<{ id: string }>(`SELECT id FROM persons WHERE surname = 'Kok9' ORDER BY created_at`);
    expect(kok9).toHaveLength(2);
    const withBsns = (await tasks()).find(
      (x) =>
        x.status === 'open' &&
        [x.person_id, x.candidate_id].sort().join() ===
          kok9
            .map((p) => p.id)
            .sort()
            .join(),
    )!;
    expect(withBsns).toBeDefined();
    const refused = await office.post(`/beheer/dubbelen/${withBsns.id}`, { besluit: 'zelfde-persoon' });
    expect(refused.statusCode).toBe(409);
    expect(visibleText(refused.body)).toContain('hebben elk een ander BSN');
    // in English the refusal, and a post without a decision, read in English
    expect(visibleText((await office.get('/beheer/dubbelen?lang=en')).body)).toContain('Date of birth 3 March 1975');
    try {
      const english = await office.post(`/beheer/dubbelen/${withBsns.id}`, { besluit: 'zelfde-persoon' });
      expect(english.statusCode).toBe(409);
      expect(visibleText(english.body)).toContain('These two persons each have a different BSN; they cannot be the same person.');
      const undecided = await office.post(`/beheer/dubbelen/${withBsns.id}`, { besluit: 'misschien' });
      expect(undecided.statusCode).toBe(400);
      expect(visibleText(undecided.body)).toContain('Choose: the same person or different persons.');
    } finally {
      await office.get('/beheer/dubbelen?lang=nl');
    }
    const undecided = await office.post(`/beheer/dubbelen/${withBsns.id}`, {});
    expect(undecided.statusCode).toBe(400);
    expect(visibleText(undecided.body)).toContain('Kies: zelfde persoon of verschillende personen.');
    const separate = await office.post(`/beheer/dubbelen/${withBsns.id}`, { besluit: 'verschillend' });
    expect(visibleText(separate.body)).toContain('Vastgelegd: dit zijn verschillende personen.');
    expect((await tasks()).find((x) => x.id === withBsns.id)!.status).toBe('verschillend');
  });

  it('is for register staff only', async () => {
    const staff = await createAccount(t.database, {
      email: 'iemand@32073.nl',
      roles: [{ role: 'board-admin', organisation: { kind: 'bestuur', id: board.id } }],
    });
    const web = await sessionFor(t.app, t.database, staff.id);
    expect((await web.get('/beheer/aanleveringen')).statusCode).toBe(403);
    expect((await web.get('/beheer/dubbelen')).statusCode).toBe(403);
  });
});
