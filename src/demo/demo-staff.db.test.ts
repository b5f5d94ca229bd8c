import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/test-app.ts';
import { createDemoAccounts } from '../features/identity/index.ts';
import { getOwnRecord } from '../features/register/index.ts';
import { demoProfessionalEmail, seedDemoStaff } from './demo-staff.ts';
import { demoBoardNumber } from './demo.service.ts';

let t: TestApp;
const messages: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ withDuo: true });
  await createDemoAccounts(t.database.db, demoBoardNumber);
  await seedDemoStaff(t.database, demoBoardNumber, 60, (m) => messages.push(m));
});
afterAll(async () => t?.close());

describe('the demo staff', () => {
  it('are delivered for the demo board through the delivery use cases, and said so', async () => {
    expect(messages).toEqual([
      expect.stringMatching(/^demodata: 60 medewerkers van bestuur 32073 aangeleverd \(6\d dienstverbanden\)$/),
      expect.stringMatching(/^demodata: \d+ van hen ingeschreven, met aanvragen en registraties in elke status$/),
    ]);
    const [delivery] = await t.database.query<{ status: string; summary: { personenNieuw: number } }>(`SELECT status, summary FROM deliveries`);
    expect(delivery.status).toBe('verwerkt');
    expect(delivery.summary.personenNieuw).toBe(60);
    expect(await t.database.query(`SELECT count(*)::int AS n FROM persons WHERE bsn_hash IS NOT NULL`)).toEqual([{ n: 0 }]);
  });

  it('give the demo professional two employments to check on Mijn register', async () => {
    const [account] = await t.database.query<{ id: string }>(`SELECT id FROM accounts WHERE email = $1`, [demoProfessionalEmail]);
    const { employments } = await getOwnRecord(
      { db: t.database.db },
      {
        actor: {
          type: 'account',
          accountId: account.id,
          sessionId: 'x',
          email: demoProfessionalEmail,
          displayName: 'Lotte Leraar',
          memberships: [],
          secondFactorDone: true,
        },
      },
    );
    expect(employments.map((e) => [e.function, e.approvalStatus]).sort()).toEqual([
      ['INTERN_BEGELEIDER', 'te-controleren'],
      ['LERAAR', 'te-controleren'],
    ]);
  });

  it('show approvals and disputes in several states', async () => {
    const states = await t.database.query<{ approval_status: string }>(`SELECT DISTINCT approval_status FROM employments ORDER BY 1`);
    expect(states.map((s) => s.approval_status)).toEqual(['betwist', 'geaccordeerd', 'te-controleren']);
    const disputes = await t.database.query<{ status: string }>(`SELECT DISTINCT status FROM employment_disputes ORDER BY 1`);
    expect(disputes.map((d) => d.status)).toContain('open');
  });

  it('are enrolled and registered in several statuses, which the public register shows', async () => {
    const statuses = await t.database.query<{ status: string }>(`SELECT DISTINCT status FROM registration_applications ORDER BY 1`);
    expect(statuses.map((s) => s.status)).toEqual(expect.arrayContaining(['geregistreerd', 'afgewezen']));
    const [valid] = await t.database.query<{ register_number: string }>(`SELECT n.register_number FROM enrolments n
      JOIN registration_applications a ON a.enrolment_id = n.id WHERE a.valid_until >= current_date AND n.status = 'geregistreerd' LIMIT 1`);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/registraties/${valid.register_number}` });
    expect(res.json()).toMatchObject({ status: 'geregistreerd', registraties: [{ verlopen: false }] });
    const [struckOff] = await t.database.query<{ register_number: string }>(`SELECT register_number FROM enrolments WHERE status = 'doorgehaald' LIMIT 1`);
    const gone = await t.app.inject({ method: 'GET', url: `/api/v1/registraties/${struckOff.register_number}` });
    expect(gone.json()).toMatchObject({ status: 'doorgehaald', registraties: [] });
  });

  it('are not delivered again by a second seed', async () => {
    const before = await t.database.query(`SELECT count(*)::int AS n FROM employments`);
    await seedDemoStaff(t.database, demoBoardNumber, 60, (m) => messages.push(m));
    expect(await t.database.query(`SELECT count(*)::int AS n FROM employments`)).toEqual(before);
    expect(messages).toHaveLength(2);
  });
});
