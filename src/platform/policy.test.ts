import { describe, expect, it } from 'vitest';
import type { Actor, Mandate, Membership } from './auth/actor.ts';
import { registerOfficeId, type OrganisationRef, type Role, type TokenScope } from './auth/roles.ts';
import { decide, type ConsentCheck, type Permission } from './policy.ts';

/** The policy on its own: every permission asked by every kind of actor, deny by default. */

const boardA: OrganisationRef = { kind: 'bestuur', id: 'aaaaaaaa-0000-4000-8000-000000000001' };
const boardB: OrganisationRef = { kind: 'bestuur', id: 'bbbbbbbb-0000-4000-8000-000000000002' };
const providerP: OrganisationRef = { kind: 'aanbieder', id: 'cccccccc-0000-4000-8000-000000000003' };
const office: OrganisationRef = { kind: 'register', id: registerOfficeId };
const subject = 'dddddddd-0000-4000-8000-000000000004';
/** administratiekantoor K delivers for board A, L for board B (their machtigingen) */
const officeK: OrganisationRef = { kind: 'administratiekantoor', id: 'eeeeeeee-0000-4000-8000-000000000005' };
const officeL: OrganisationRef = { kind: 'administratiekantoor', id: 'ffffffff-0000-4000-8000-000000000006' };
const mandateKA: Mandate = { office: officeK.id, board: boardA.id };
const mandateLB: Mandate = { office: officeL.id, board: boardB.id };

let nextId = 0;
function account(memberships: [Role, OrganisationRef][], secondFactorDone = true, mandates: Mandate[] = []): Actor {
  nextId++;
  return {
    type: 'account',
    accountId: `00000000-0000-4000-8000-${String(nextId).padStart(12, '0')}`,
    sessionId: `11111111-0000-4000-8000-${String(nextId).padStart(12, '0')}`,
    email: `persoon${nextId}@example.nl`,
    displayName: `Persoon ${nextId}`,
    memberships: memberships.map(([role, organisation], i): Membership => ({ id: `m-${nextId}-${i}`, role, organisation })),
    secondFactorDone,
    mandates,
  };
}
const token = (organisation: OrganisationRef, ...scopes: TokenScope[]): Actor => ({ type: 'token', tokenId: `t-${++nextId}`, organisation, scopes });
const officeToken = (organisation: OrganisationRef, mandates: Mandate[], ...scopes: TokenScope[]): Actor => ({
  type: 'token',
  tokenId: `t-${++nextId}`,
  organisation,
  scopes,
  mandates,
});

const actors = {
  anonymous: { type: 'anonymous' } as Actor,
  system: { type: 'system', name: 'cli' } as Actor,
  professional: account([]),
  /** a professional who turned TOTP on and has not given the code in this session */
  professionalPending: account([], false),
  adminA: account([['board-admin', boardA]]),
  staffA: account([['board-staff', boardA]]),
  adminB: account([['board-admin', boardB]]),
  /** HR at two boards: admin at A, staff at B */
  adminAstaffB: account([
    ['board-admin', boardA],
    ['board-staff', boardB],
  ]),
  providerAdmin: account([['provider-admin', providerP]]),
  providerStaff: account([['provider-staff', providerP]]),
  register: account([['register-staff', office]]),
  registerPending: account([['register-staff', office]], false),
  committee: account([['registration-committee', office]]),
  accreditation: account([['accreditation-committee', office]]),
  tokenAlezen: token(boardA, 'lezen'),
  tokenAaanleveren: token(boardA, 'aanleveren'),
  tokenAboth: token(boardA, 'aanleveren', 'lezen'),
  tokenBlezen: token(boardB, 'lezen'),
  tokenBaanleveren: token(boardB, 'aanleveren'),
  tokenPpresentie: token(providerP, 'presentie'),
  tokenPlezen: token(providerP, 'lezen'),
  officeAdminK: account([['office-admin', officeK]], true, [mandateKA]),
  officeStaffK: account([['office-staff', officeK]], true, [mandateKA]),
  officeAdminL: account([['office-admin', officeL]], true, [mandateLB]),
  /** K's admin after board A withdrew the machtiging: still K's admin, for no board */
  officeAdminKWithdrawn: account([['office-admin', officeK]], true, []),
  tokenK: officeToken(officeK, [mandateKA], 'aanleveren'),
  tokenL: officeToken(officeL, [mandateLB], 'aanleveren'),
  tokenKWithdrawn: officeToken(officeK, [], 'aanleveren'),
};
type ActorName = keyof typeof actors;
const accountNames = (Object.keys(actors) as ActorName[]).filter(
  (n) => actors[n].type === 'account' && (actors[n] as { secondFactorDone: boolean }).secondFactorDone,
);

/** Who may, per permission; every actor not listed must be refused. */
const cases: [string, Permission, ActorName[]][] = [
  ['account.manage-own', { action: 'account.manage-own' }, accountNames],
  ['members.read board A', { action: 'members.read', organisation: boardA }, ['adminA', 'staffA', 'adminAstaffB', 'register']],
  ['members.read board B', { action: 'members.read', organisation: boardB }, ['adminB', 'adminAstaffB', 'register']],
  ['members.read provider P', { action: 'members.read', organisation: providerP }, ['providerAdmin', 'providerStaff', 'register']],
  ['members.read register office', { action: 'members.read', organisation: office }, ['register']],
  ['members.invite board-staff at A', { action: 'members.invite', organisation: boardA, role: 'board-staff' }, ['adminA', 'adminAstaffB', 'register']],
  ['members.invite board-admin at A', { action: 'members.invite', organisation: boardA, role: 'board-admin' }, ['adminA', 'adminAstaffB', 'register']],
  ['members.invite board-staff at B', { action: 'members.invite', organisation: boardB, role: 'board-staff' }, ['adminB', 'register']],
  ['members.invite register-staff at the office', { action: 'members.invite', organisation: office, role: 'register-staff' }, ['register']],
  ['members.invite register-staff into board A (wrong kind)', { action: 'members.invite', organisation: boardA, role: 'register-staff' }, []],
  ['members.invite board-admin into the office (wrong kind)', { action: 'members.invite', organisation: office, role: 'board-admin' }, []],
  ['members.invite provider-staff at P', { action: 'members.invite', organisation: providerP, role: 'provider-staff' }, ['providerAdmin', 'register']],
  ['members.revoke board-staff at A', { action: 'members.revoke', organisation: boardA, role: 'board-staff' }, ['adminA', 'adminAstaffB', 'register']],
  ['members.revoke register-staff at the office', { action: 'members.revoke', organisation: office, role: 'register-staff' }, ['register']],
  ['tokens.manage board A', { action: 'tokens.manage', organisation: boardA }, ['adminA', 'adminAstaffB']],
  ['tokens.manage board B', { action: 'tokens.manage', organisation: boardB }, ['adminB']],
  ['tokens.manage provider P', { action: 'tokens.manage', organisation: providerP }, ['providerAdmin']],
  ['tokens.manage register office', { action: 'tokens.manage', organisation: office }, []],
  ['board-settings.manage board A', { action: 'board-settings.manage', organisation: boardA }, ['adminA', 'adminAstaffB']],
  ['board-settings.manage board B', { action: 'board-settings.manage', organisation: boardB }, ['adminB']],
  ['board-settings.manage provider P (no board)', { action: 'board-settings.manage', organisation: providerP }, []],
  ['members.read office K', { action: 'members.read', organisation: officeK }, ['officeAdminK', 'officeStaffK', 'officeAdminKWithdrawn', 'register']],
  [
    'members.invite office-staff at K',
    { action: 'members.invite', organisation: officeK, role: 'office-staff' },
    ['officeAdminK', 'officeAdminKWithdrawn', 'register'],
  ],
  ['members.invite office-admin into board A (wrong kind)', { action: 'members.invite', organisation: boardA, role: 'office-admin' }, []],
  ['tokens.manage office K', { action: 'tokens.manage', organisation: officeK }, ['officeAdminK', 'officeAdminKWithdrawn']],
  ['staff.read board A', { action: 'staff.read', organisation: boardA }, ['adminA', 'staffA', 'adminAstaffB', 'register', 'tokenAlezen', 'tokenAboth']],
  ['staff.read board B', { action: 'staff.read', organisation: boardB }, ['adminB', 'adminAstaffB', 'register', 'tokenBlezen']],
  ['staff.act board A (not its administratiekantoor, not a token)', { action: 'staff.act', organisation: boardA }, ['adminA', 'staffA', 'adminAstaffB']],
  [
    'delivery.submit board A (and its office K)',
    { action: 'delivery.submit', organisation: boardA },
    ['adminA', 'staffA', 'adminAstaffB', 'tokenAaanleveren', 'tokenAboth', 'officeAdminK', 'officeStaffK', 'tokenK'],
  ],
  [
    'delivery.submit board B (and its office L)',
    { action: 'delivery.submit', organisation: boardB },
    ['adminB', 'adminAstaffB', 'tokenBaanleveren', 'officeAdminL', 'tokenL'],
  ],
  ['delivery.submit for an office (wrong kind)', { action: 'delivery.submit', organisation: officeK }, []],
  [
    "delivery.read board A's own delivery: the board only",
    { action: 'delivery.read', organisation: boardA, submittedByOffice: null },
    ['adminA', 'staffA', 'adminAstaffB', 'tokenAaanleveren', 'tokenAboth'],
  ],
  [
    "delivery.read board A's delivery by office K: the board and K",
    { action: 'delivery.read', organisation: boardA, submittedByOffice: officeK.id },
    ['adminA', 'staffA', 'adminAstaffB', 'tokenAaanleveren', 'tokenAboth', 'officeAdminK', 'officeStaffK', 'tokenK'],
  ],
  [
    "delivery.read board A's delivery by office L (authorised by B only): the board only",
    { action: 'delivery.read', organisation: boardA, submittedByOffice: officeL.id },
    ['adminA', 'staffA', 'adminAstaffB', 'tokenAaanleveren', 'tokenAboth'],
  ],
  ['offices.manage', { action: 'offices.manage' }, ['register']],
  ['mandates.grant board A', { action: 'mandates.grant', organisation: boardA }, ['adminA', 'adminAstaffB']],
  ['mandates.grant for an office (wrong kind)', { action: 'mandates.grant', organisation: officeK }, []],
  [
    'mandates.read board A',
    { action: 'mandates.read', organisation: boardA },
    ['adminA', 'staffA', 'adminAstaffB', 'register', 'tokenAlezen', 'tokenAaanleveren', 'tokenAboth'],
  ],
  [
    'mandates.read office K',
    { action: 'mandates.read', organisation: officeK },
    ['officeAdminK', 'officeStaffK', 'officeAdminKWithdrawn', 'register', 'tokenK', 'tokenKWithdrawn'],
  ],
  ['attendance.record provider P', { action: 'attendance.record', organisation: providerP }, ['providerAdmin', 'providerStaff', 'tokenPpresentie']],
  [
    'attendance.record board A (a board records attendance of what it offers)',
    { action: 'attendance.record', organisation: boardA },
    ['adminA', 'staffA', 'adminAstaffB'],
  ],
  ['offerings.submit provider P', { action: 'offerings.submit', organisation: providerP }, ['providerAdmin', 'providerStaff']],
  ['offerings.submit board A', { action: 'offerings.submit', organisation: boardA }, ['adminA', 'staffA', 'adminAstaffB']],
  ['offerings.submit the office (wrong kind)', { action: 'offerings.submit', organisation: office }, []],
  ['providers.manage', { action: 'providers.manage' }, ['register']],
  ['offerings.assign', { action: 'offerings.assign' }, ['register']],
  ['offerings.review', { action: 'offerings.review' }, ['accreditation']],
  ['valuations.assess', { action: 'valuations.assess' }, ['accreditation']],
  ['framework.manage', { action: 'framework.manage' }, ['register']],
  ['postponements.decide', { action: 'postponements.decide' }, ['committee']],
  ['development.read at A without consent', { action: 'development.read', organisation: boardA, subjectAccountId: subject }, []],
  ['audit.read-any', { action: 'audit.read-any' }, ['register']],
  ['deliveries.overview', { action: 'deliveries.overview' }, ['register']],
  ['duplicates.resolve', { action: 'duplicates.resolve' }, ['register']],
  ['registers.manage', { action: 'registers.manage' }, ['register']],
  ['registrations.assign', { action: 'registrations.assign' }, ['register']],
  ['registrations.decide', { action: 'registrations.decide' }, ['committee']],
  ['outbox.read', { action: 'outbox.read' }, ['register']],
];

type Verdict = 'allowed' | 'unauthenticated' | 'forbidden';

async function verdicts(permission: Permission, consent?: ConsentCheck): Promise<Record<string, Verdict>> {
  const out: Record<string, Verdict> = {};
  for (const [name, actor] of Object.entries(actors)) {
    const decision = await decide(actor, permission, consent);
    out[name] = decision.allowed ? 'allowed' : decision.reason;
  }
  return out;
}

/** Allowed for the listed; `unauthenticated` for nobody, the anonymous and those owing their second factor; `forbidden` for the rest. */
function expected(allowed: ActorName[]): Record<string, Verdict> {
  const out: Record<string, Verdict> = {};
  for (const name of Object.keys(actors) as ActorName[]) {
    const actor = actors[name];
    if (allowed.includes(name)) out[name] = 'allowed';
    else if (actor.type === 'anonymous' || (actor.type === 'account' && !actor.secondFactorDone)) out[name] = 'unauthenticated';
    else out[name] = 'forbidden';
  }
  return out;
}

describe('decide(): who may do what', () => {
  it.each(cases)('%s', async (_name, permission, allowed) => {
    expect(await verdicts(permission)).toEqual(expected(allowed));
  });

  it('refuses an account that still owes its second factor everything, even what its role would allow', async () => {
    for (const [, permission] of cases) {
      expect(await decide(actors.registerPending, permission)).toEqual({ allowed: false, reason: 'unauthenticated' });
      expect(await decide(actors.professionalPending, permission)).toEqual({ allowed: false, reason: 'unauthenticated' });
    }
  });

  it('names the membership it allowed through, for the audit trail', async () => {
    const viaB = await decide(actors.adminAstaffB, { action: 'members.read', organisation: boardB });
    expect(viaB).toMatchObject({ allowed: true, via: { role: 'board-staff', organisation: boardB } });
    const viaA = await decide(actors.adminAstaffB, { action: 'tokens.manage', organisation: boardA });
    expect(viaA).toMatchObject({ allowed: true, via: { role: 'board-admin', organisation: boardA } });
    const register = await decide(actors.register, { action: 'members.read', organisation: boardA });
    expect(register).toMatchObject({ allowed: true, via: { role: 'register-staff', organisation: office } });
    // a token acts as itself, through no membership
    expect(await decide(actors.tokenAlezen, { action: 'staff.read', organisation: boardA })).toEqual({ allowed: true, via: undefined });
  });

  it('refuses a token with the right scope for another organisation, and one with the wrong scope for its own', async () => {
    expect(await decide(actors.tokenBlezen, { action: 'staff.read', organisation: boardA })).toEqual({ allowed: false, reason: 'forbidden' });
    expect(await decide(actors.tokenAaanleveren, { action: 'staff.read', organisation: boardA })).toEqual({ allowed: false, reason: 'forbidden' });
    expect(await decide(actors.tokenAlezen, { action: 'delivery.submit', organisation: boardA })).toEqual({ allowed: false, reason: 'forbidden' });
    // a token never manages tokens or members, not even of its own organisation
    expect(await decide(actors.tokenAboth, { action: 'tokens.manage', organisation: boardA })).toEqual({ allowed: false, reason: 'forbidden' });
    expect(await decide(actors.tokenAboth, { action: 'members.read', organisation: boardA })).toEqual({ allowed: false, reason: 'forbidden' });
  });

  it('names the administratiekantoor an actor delivers as, and the membership it acts through', async () => {
    expect(await decide(actors.officeStaffK, { action: 'delivery.submit', organisation: boardA })).toMatchObject({
      allowed: true,
      office: officeK.id,
      via: { role: 'office-staff', organisation: officeK },
    });
    expect(await decide(actors.tokenK, { action: 'delivery.submit', organisation: boardA })).toEqual({ allowed: true, via: undefined, office: officeK.id });
    // the board itself acts as no office
    expect(await decide(actors.adminA, { action: 'delivery.submit', organisation: boardA })).not.toHaveProperty('office');
  });

  it("refuses an office's token without scope aanleveren, and an office member who owes the second factor", async () => {
    const readOnly: Actor = { ...(actors.tokenK as Extract<Actor, { type: 'token' }>), scopes: ['lezen'] };
    expect(await decide(readOnly, { action: 'delivery.submit', organisation: boardA })).toEqual({ allowed: false, reason: 'forbidden' });
    const pending = account([['office-admin', officeK]], false, [mandateKA]);
    expect(await decide(pending, { action: 'delivery.submit', organisation: boardA })).toEqual({ allowed: false, reason: 'unauthenticated' });
  });
});

describe('development.read and the consent hook', () => {
  const permission: Permission = { action: 'development.read', organisation: boardA, subjectAccountId: subject };

  it('is refused to everyone by default: no consent, no insight', async () => {
    expect(await verdicts(permission)).toEqual(expected([]));
  });

  it("is allowed to the board's own staff when the consent hook says yes, and asks it about this person and board", async () => {
    const asked: [string, OrganisationRef][] = [];
    const consent: ConsentCheck = async (subjectAccountId, organisation) => {
      asked.push([subjectAccountId, organisation]);
      return true;
    };
    // consent never opens it to another board, to register staff through this permission, or to tokens
    expect(await verdicts(permission, consent)).toEqual(expected(['adminA', 'staffA', 'adminAstaffB']));
    expect(asked.length).toBeGreaterThan(0);
    for (const [who, where] of asked) {
      expect(who).toBe(subject);
      expect(where).toEqual(boardA);
    }
  });

  it('is refused when the hook says no for this person', async () => {
    const consent: ConsentCheck = async (subjectAccountId) => subjectAccountId !== subject;
    expect(await decide(actors.adminA, permission, consent)).toEqual({ allowed: false, reason: 'forbidden' });
    expect(await decide(actors.adminA, { ...permission, subjectAccountId: 'eeeeeeee-0000-4000-8000-000000000005' }, consent)).toMatchObject({ allowed: true });
  });

  it('does not ask the hook for an actor the organisation rule already refuses', async () => {
    let calls = 0;
    const consent: ConsentCheck = async () => {
      calls++;
      return true;
    };
    await decide(actors.adminB, permission, consent);
    await decide(actors.tokenAlezen, permission, consent);
    await decide(actors.anonymous, permission, consent);
    expect(calls).toBe(0);
  });
});
