import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { auditRows, linkIn, mailsTo, sessionFor, signInAndEnrolTotp, signInWithPassword } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { WebSession, visibleText } from '../../../tests/support/web-session.ts';
import { registerOfficeId } from '../../platform/auth/roles.ts';

/** Organisations and roles: inviting colleagues, accepting, revoking; and what the audit trail keeps of it. */

let t: TestApp;
type Board = { id: string; number: string; name: string };
let boardA: Board;
let boardB: Board;
let adminA: { id: string };
let adminAWeb: WebSession;
const A = () => `/beheer/bestuur/${boardA.id}`;
const B = () => `/beheer/bestuur/${boardB.id}`;

beforeAll(async () => {
  t = await createTestApp({ withDuo: true });
  const boards = await t.database.query<Board>(
    `SELECT id, number, name FROM boards WHERE name IS NOT NULL AND number IN (SELECT number FROM boards WHERE name IS NOT NULL ORDER BY number LIMIT 2 OFFSET 10) ORDER BY number`,
  );
  [boardA, boardB] = boards;
  adminA = await createAccount(t.database, {
    email: 'hr@bestuur-a.nl',
    displayName: 'Hanneke HR',
    roles: [{ role: 'board-admin', organisation: { kind: 'bestuur', id: boardA.id } }],
  });
  adminAWeb = await sessionFor(t.app, t.database, adminA.id);
});
afterAll(async () => {
  await t?.close();
});

async function invite(web: WebSession, base: string, email: string, rol: string) {
  await web.get(`${base}/leden`);
  return web.post(`${base}/uitnodigingen`, { email, rol });
}

async function invitationLink(email: string): Promise<string> {
  const mails = await mailsTo(t.database, email);
  const mail = mails.at(-1);
  if (!mail) throw new Error(`no mail to ${email}`);
  const link = linkIn(mail);
  expect(link).toMatch(/^\/uitnodiging\?token=[\w%-]+$/);
  return link;
}

async function accept(web: WebSession, link: string) {
  const page = await web.get(link);
  const token = /name="token" value="([^"]+)"/.exec(page.body)?.[1];
  if (!token) throw new Error(`no accept form on the invitation page (status ${page.statusCode}): ${visibleText(page.body).slice(0, 300)}`);
  return web.post('/uitnodiging', { token });
}

describe('a board admin invites a colleague', () => {
  it('mails a link; the colleague creates an account, accepts, and then sees the board', async () => {
    const sent = await invite(adminAWeb, A(), 'Nieuwe.Collega@Bestuur-A.nl', 'board-staff');
    expect(sent.statusCode).toBe(200);
    expect(visibleText(sent.body)).toContain('De uitnodiging is verstuurd naar nieuwe.collega@bestuur-a.nl');
    expect(visibleText(sent.body)).toContain('Openstaande uitnodigingen');

    const [mail] = await mailsTo(t.database, 'nieuwe.collega@bestuur-a.nl');
    expect(mail.subject).toBe(`Uitnodiging: medewerker bestuur bij ${boardA.name}`);
    expect(mail.text).toContain('Hanneke HR nodigt u uit als medewerker bestuur');
    const link = await invitationLink('nieuwe.collega@bestuur-a.nl');

    // not signed in yet: the page says what it is and offers signing in or creating an account
    const colleague = new WebSession(t.app);
    const page = await colleague.get(link);
    expect(page.statusCode).toBe(200);
    expect(visibleText(page.body)).toContain(`U bent uitgenodigd als medewerker bestuur bij ${boardA.name}`);
    expect(visibleText(page.body)).toContain('De uitnodiging is voor nieuwe.collega@bestuur-a.nl');
    expect(page.body).toContain(`/account/aanmaken?terug=${encodeURIComponent(link)}`);

    await colleague.get(`/account/aanmaken?terug=${encodeURIComponent(link)}`);
    const created = await colleague.post('/account/aanmaken', {
      naam: 'Nina Nieuw',
      email: 'nieuwe.collega@bestuur-a.nl',
      wachtwoord: 'een lange zin voor nina',
      terug: link,
    });
    expect(created.statusCode).toBe(200);
    const confirmMail = (await mailsTo(t.database, 'nieuwe.collega@bestuur-a.nl')).find((m) => m.subject === 'Bevestig uw e-mailadres')!;
    const confirmPage = await colleague.get(linkIn(confirmMail));
    await colleague.post('/account/bevestigen', { token: /name="token" value="([^"]+)"/.exec(confirmPage.body)![1] });
    await signInWithPassword(colleague, 'nieuwe.collega@bestuur-a.nl', 'een lange zin voor nina');

    // before accepting, the board's pages are closed to her
    expect((await colleague.get(`${A()}/leden`)).statusCode).toBe(403);
    const accepted = await accept(colleague, link);
    expect(accepted.statusCode).toBe(200);
    expect(visibleText(accepted.body)).toContain(`U bent nu medewerker bestuur bij ${boardA.name}`);

    const members = await colleague.get(`${A()}/leden`);
    expect(members.statusCode).toBe(200);
    expect(visibleText(members.body)).toContain('Nina Nieuw');
    expect(visibleText(members.body)).toContain('Hanneke HR');
    // a colleague without the admin role sees the list, but can neither invite nor revoke
    expect(members.body).not.toContain('/uitnodigingen"');
    expect(members.body).not.toContain('/intrekken"');
    const account = await colleague.get('/account');
    expect(visibleText(account.body)).toContain(`medewerker bestuur — ${boardA.name}`);

    // on the record: who invited whom into what, and who took the role
    const invited = (await auditRows(t.database, 'membership.invited')).find((r) => (r.after as { email: string }).email === 'nieuwe.collega@bestuur-a.nl')!;
    expect(invited).toMatchObject({
      actor_account_id: adminA.id,
      actor_role: 'board-admin',
      actor_organisation_id: boardA.id,
      subject_organisation_kind: 'bestuur',
      subject_organisation_id: boardA.id,
    });
    expect(invited.after).toMatchObject({ role: 'board-staff' });
    expect(invited.request_id).toBeTruthy();
    const [nina] = await t.database.query<{ id: string }>("SELECT id FROM accounts WHERE email = 'nieuwe.collega@bestuur-a.nl'");
    const granted = (await auditRows(t.database, 'membership.granted')).find((r) => r.subject_account_id === nina.id)!;
    expect(granted).toMatchObject({ actor_account_id: nina.id, subject_organisation_id: boardA.id, before: null });
    expect(granted.after).toMatchObject({ role: 'board-staff' });
  });

  it('refuses the invitation to someone signed in with another address, with a clear Dutch message', async () => {
    await invite(adminAWeb, A(), 'bedoeld@bestuur-a.nl', 'board-staff');
    const link = await invitationLink('bedoeld@bestuur-a.nl');
    await createAccount(t.database, { email: 'iemand-anders@bestuur-a.nl' });
    const other = new WebSession(t.app);
    await signInWithPassword(other, 'iemand-anders@bestuur-a.nl');
    const refused = await accept(other, link);
    expect(refused.statusCode).toBe(403);
    expect(visibleText(refused.body)).toContain('Deze uitnodiging is voor bedoeld@bestuur-a.nl. Log in met dat e-mailadres om haar aan te nemen.');
    expect((await other.get(`${A()}/leden`)).statusCode).toBe(403);
    // the invitation is still open for the right person
    const [open] = await t.database.query<{ accepted_at: Date | null }>("SELECT accepted_at FROM invitations WHERE email = 'bedoeld@bestuur-a.nl'");
    expect(open.accepted_at).toBeNull();
    await createAccount(t.database, { email: 'bedoeld@bestuur-a.nl' });
    const right = new WebSession(t.app);
    await signInWithPassword(right, 'bedoeld@bestuur-a.nl');
    expect((await accept(right, link)).statusCode).toBe(200);
  });

  it('takes an invitation once: the second time is refused', async () => {
    await invite(adminAWeb, A(), 'tweemaal@bestuur-a.nl', 'board-staff');
    const link = await invitationLink('tweemaal@bestuur-a.nl');
    await createAccount(t.database, { email: 'tweemaal@bestuur-a.nl' });
    const web = new WebSession(t.app);
    await signInWithPassword(web, 'tweemaal@bestuur-a.nl');
    const page = await web.get(link);
    const token = /name="token" value="([^"]+)"/.exec(page.body)![1];
    expect((await web.post('/uitnodiging', { token })).statusCode).toBe(200);
    await web.get('/account');
    const again = await web.post('/uitnodiging', { token });
    expect(again.statusCode).toBe(400);
    expect(visibleText(again.body)).toContain('Deze uitnodiging is al aangenomen of verlopen');
    const reopened = await web.get(link);
    expect(reopened.statusCode).toBe(400);
    expect(visibleText(reopened.body)).toContain('Deze uitnodiging is al aangenomen of verlopen');
    const [{ n }] = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM memberships m JOIN accounts a ON a.id = m.account_id WHERE a.email = 'tweemaal@bestuur-a.nl'",
    );
    expect(n).toBe(1);
  });

  it('refuses an invitation with a missing or unknown address or role, linking each error to its field', async () => {
    const refused = await invite(adminAWeb, A(), 'geen-adres', 'koning');
    expect(refused.statusCode).toBe(400);
    const text = visibleText(refused.body);
    expect(text).toContain('Vul een geldig e-mailadres in');
    expect(text).toContain('Kies een rol uit de lijst');
    expect(refused.body).toContain('href="#email"');
    expect(refused.body).toContain('href="#rol"');
    expect(refused.body).toContain('value="geen-adres"');
  });
});

describe('who may invite whom', () => {
  it('lets register staff invite a board admin for any board', async () => {
    await createAccount(t.database, {
      email: 'staf@register.nl',
      displayName: 'Rachid Register',
      roles: [{ role: 'register-staff', organisation: { kind: 'register', id: registerOfficeId } }],
    });
    const { web } = await signInAndEnrolTotp(t.app, 'staf@register.nl');
    const found = await web.get(`/beheer/besturen?nummer=${boardB.number}`);
    expect(found.headers.location).toBe(`${B()}/leden`);
    const page = await web.get(`${B()}/leden`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<option value="board-admin"');
    const sent = await web.post(`${B()}/uitnodigingen`, { email: 'bestuurder@bestuur-b.nl', rol: 'board-admin' });
    expect(sent.statusCode).toBe(200);
    const [invitation] = await t.database.query<{ organisation_id: string; role: string }>(
      "SELECT organisation_id, role FROM invitations WHERE email = 'bestuurder@bestuur-b.nl'",
    );
    expect(invitation).toEqual({ organisation_id: boardB.id, role: 'board-admin' });
    const [row] = (await auditRows(t.database, 'membership.invited')).filter((r) => (r.after as { email: string }).email === 'bestuurder@bestuur-b.nl');
    expect(row).toMatchObject({ actor_role: 'register-staff', actor_organisation_kind: 'register', subject_organisation_id: boardB.id });

    // the new admin of B accepts and may then invite colleagues of B
    await createAccount(t.database, { email: 'bestuurder@bestuur-b.nl', displayName: 'Bram Bestuurder' });
    const bram = new WebSession(t.app);
    await signInWithPassword(bram, 'bestuurder@bestuur-b.nl');
    expect((await accept(bram, await invitationLink('bestuurder@bestuur-b.nl'))).statusCode).toBe(200);
    expect((await invite(bram, B(), 'collega@bestuur-b.nl', 'board-staff')).statusCode).toBe(200);
  });

  it('offers a board admin only the board roles, and refuses register roles and other boards', async () => {
    const page = await adminAWeb.get(`${A()}/leden`);
    const options = [...page.body.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]).filter(Boolean);
    expect(options.sort()).toEqual(['board-admin', 'board-staff']);
    // a register role in the own board is no role of a board
    const registerRole = await adminAWeb.post(`${A()}/uitnodigingen`, { email: 'stiekem@bestuur-a.nl', rol: 'register-staff' });
    expect(registerRole.statusCode).toBe(400);
    expect(visibleText(registerRole.body)).toContain('Kies een rol uit de lijst');
    // and the register office is not the admin's to invite into
    await adminAWeb.get(`${A()}/leden`);
    const intoOffice = await adminAWeb.post(`/beheer/register/${registerOfficeId}/uitnodigingen`, { email: 'stiekem@bestuur-a.nl', rol: 'register-staff' });
    expect(intoOffice.statusCode).toBe(403);
    await adminAWeb.get(`${A()}/leden`);
    const intoB = await adminAWeb.post(`${B()}/uitnodigingen`, { email: 'stiekem@bestuur-a.nl', rol: 'board-staff' });
    expect(intoB.statusCode).toBe(403);
    expect(visibleText(intoB.body)).toContain('U hebt geen toegang tot deze pagina of handeling.');
    expect(await t.database.query("SELECT 1 FROM invitations WHERE email = 'stiekem@bestuur-a.nl'")).toEqual([]);
    expect(await mailsTo(t.database, 'stiekem@bestuur-a.nl')).toEqual([]);
  });

  it('refuses board staff without the admin role to invite', async () => {
    const staff = await createAccount(t.database, {
      email: 'medewerker@bestuur-a.nl',
      roles: [{ role: 'board-staff', organisation: { kind: 'bestuur', id: boardA.id } }],
    });
    const web = await sessionFor(t.app, t.database, staff.id);
    const refused = await invite(web, A(), 'vriend@bestuur-a.nl', 'board-staff');
    expect(refused.statusCode).toBe(403);
    expect(await t.database.query("SELECT 1 FROM invitations WHERE email = 'vriend@bestuur-a.nl'")).toEqual([]);
  });
});

describe('revoking a role', () => {
  it('asks for confirmation and a reason; the member loses access at once', async () => {
    const leaver = await createAccount(t.database, {
      email: 'vertrekker@bestuur-a.nl',
      displayName: 'Victor Vertrek',
      roles: [{ role: 'board-staff', organisation: { kind: 'bestuur', id: boardA.id } }],
    });
    const [membership] = await t.database.query<{ id: string }>('SELECT id FROM memberships WHERE account_id = $1', [leaver.id]);
    const leaverWeb = await sessionFor(t.app, t.database, leaver.id);
    expect((await leaverWeb.get(`${A()}/leden`)).statusCode).toBe(200);

    const list = await adminAWeb.get(`${A()}/leden`);
    const confirmUrl = `${A()}/leden/${membership.id}/intrekken`;
    expect(list.body).toContain(`href="${confirmUrl}"`);
    // GET only shows the question: nothing is revoked by following a link
    const confirm = await adminAWeb.get(confirmUrl);
    expect(confirm.statusCode).toBe(200);
    expect(visibleText(confirm.body)).toContain(
      'Weet u zeker dat u deze rol wilt intrekken? Victor Vertrek (medewerker bestuur) verliest dan meteen de toegang',
    );
    expect(confirm.body).toContain('name="reden"');
    expect((await leaverWeb.get(`${A()}/leden`)).statusCode).toBe(200);

    const noReason = await adminAWeb.post(confirmUrl, { reden: '   ' });
    expect(noReason.statusCode).toBe(400);
    expect(visibleText(noReason.body)).toContain('Geef een reden op; die komt in het logboek.');
    expect(noReason.body).toContain('href="#reden"');
    expect((await leaverWeb.get(`${A()}/leden`)).statusCode).toBe(200);

    const done = await adminAWeb.post(confirmUrl, { reden: 'Uit dienst per 1 augustus' });
    expect(done.statusCode).toBe(200);
    expect(visibleText(done.body)).toContain('De rol is ingetrokken.');
    expect(visibleText(done.body)).not.toContain('Victor Vertrek');

    // the same session, no new sign-in: the role is gone on the next request
    const after = await leaverWeb.get(`${A()}/leden`);
    expect(after.statusCode).toBe(403);
    expect(visibleText((await leaverWeb.get('/account')).body)).toContain('U hebt geen rollen bij een organisatie.');
    // revoking again: the role is no longer there
    expect((await adminAWeb.get(confirmUrl)).statusCode).toBe(404);

    const [row] = (await auditRows(t.database, 'membership.revoked')).filter((r) => r.subject_account_id === leaver.id);
    expect(row).toMatchObject({
      actor_account_id: adminA.id,
      actor_role: 'board-admin',
      actor_organisation_id: boardA.id,
      subject_organisation_id: boardA.id,
      before: { role: 'board-staff' },
      after: null,
      reason: 'Uit dienst per 1 augustus',
    });
    // the person sees it among who changed their data
    expect(visibleText((await leaverWeb.get('/mijn-gegevens/inzage')).body)).toContain(
      'Hanneke HR (beheerder bestuur) rol ingetrokken — Uit dienst per 1 augustus',
    );
  });

  it('refuses board staff the confirmation page and the revocation itself', async () => {
    const staff = await createAccount(t.database, {
      email: 'geen-beheerder@bestuur-a.nl',
      roles: [{ role: 'board-staff', organisation: { kind: 'bestuur', id: boardA.id } }],
    });
    const [adminMembership] = await t.database.query<{ id: string }>('SELECT id FROM memberships WHERE account_id = $1', [adminA.id]);
    const web = await sessionFor(t.app, t.database, staff.id);
    const url = `${A()}/leden/${adminMembership.id}/intrekken`;
    expect((await web.get(url)).statusCode).toBe(403);
    await web.get(`${A()}/leden`);
    expect((await web.post(url, { reden: 'ik wil zelf beheerder zijn' })).statusCode).toBe(403);
    expect((await adminAWeb.get(`${A()}/leden`)).statusCode).toBe(200);
  });
});

describe('roles at several organisations', () => {
  it('shows an account with roles at two boards both, each with its own pages', async () => {
    const hr = await createAccount(t.database, {
      email: 'hr@twee-besturen.nl',
      displayName: 'Harry Twee',
      roles: [
        { role: 'board-admin', organisation: { kind: 'bestuur', id: boardA.id } },
        { role: 'board-staff', organisation: { kind: 'bestuur', id: boardB.id } },
      ],
    });
    // board roles sign in with two steps: the first time, the authenticator app is linked
    const { web } = await signInAndEnrolTotp(t.app, 'hr@twee-besturen.nl');
    const account = await web.get('/account');
    const text = visibleText(account.body);
    expect(text).toContain(`beheerder bestuur — ${boardA.name}`);
    expect(text).toContain(`medewerker bestuur — ${boardB.name}`);
    // Beheer, linked from the account page, has each board's pages: admin at A, members and tokens; staff at B, members only
    expect(account.body).toContain('href="/beheer"');
    const manage = await web.get('/beheer');
    expect(visibleText(manage.body)).toContain(boardA.name);
    expect(visibleText(manage.body)).toContain(boardB.name);
    expect(manage.body).toContain(`href="${A()}/leden"`);
    expect(manage.body).toContain(`href="${A()}/tokens"`);
    expect(manage.body).toContain(`href="${B()}/leden"`);
    expect(manage.body).not.toContain(`href="${B()}/tokens"`);
    expect((await web.get(`${A()}/tokens`)).statusCode).toBe(200);
    expect((await web.get(`${B()}/leden`)).statusCode).toBe(200);
    expect((await web.get(`${B()}/tokens`)).statusCode).toBe(403);
    // each list read is on the record in the role it was done in
    const listed = (await auditRows(t.database, 'members.listed')).filter((r) => r.actor_account_id === hr.id);
    expect(listed.map((r) => [r.actor_role, r.actor_organisation_id, r.subject_organisation_id])).toEqual([['board-staff', boardB.id, boardB.id]]);
  });
});

describe('the audit trail of the member list', () => {
  it('records each read of the list, by whom and in which role', async () => {
    const before = (await auditRows(t.database, 'members.listed')).length;
    await adminAWeb.get(`${A()}/leden`);
    const rows = await auditRows(t.database, 'members.listed');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({
      actor_account_id: adminA.id,
      actor_role: 'board-admin',
      actor_organisation_kind: 'bestuur',
      actor_organisation_id: boardA.id,
      subject_organisation_id: boardA.id,
    });
  });

  it("puts the read on each listed colleague's own record, so they see who looked", async () => {
    const colleague = await createAccount(t.database, {
      email: 'collega-gezien@bestuur-a.nl',
      displayName: 'Cor Collega',
      roles: [{ role: 'board-staff', organisation: { kind: 'bestuur', id: boardA.id } }],
    });
    await adminAWeb.get(`${A()}/leden`);
    const colleagueWeb = await sessionFor(t.app, t.database, colleague.id);
    const seen = await colleagueWeb.get('/mijn-gegevens/inzage');
    expect(seen.statusCode).toBe(200);
    const text = visibleText(seen.body);
    expect(text).toContain('Hanneke HR');
    expect(text).toContain('naam, e-mailadres en rol bekeken in de lijst van medewerkers');
    // the admin's own line in the list is not recorded as a read of the admin's data
    const self = await t.database.query("SELECT id FROM audit_events WHERE action = 'member.viewed' AND actor_account_id = $1 AND subject_account_id = $1", [
      adminA.id,
    ]);
    expect(self).toEqual([]);
  });
});

describe('register staff looking up a board or an account', () => {
  it('shows the empty search forms when nothing was asked yet, and says so when a lookup finds nothing', async () => {
    const staff = await createAccount(t.database, {
      email: 'zoeker@register.nl',
      roles: [{ role: 'register-staff', organisation: { kind: 'register', id: registerOfficeId } }],
    });
    const web = await sessionFor(t.app, t.database, staff.id);
    for (const url of ['/beheer/besturen', '/beheer/accounts', '/beheer/besturen?nummer=', '/beheer/accounts?email=']) {
      const page = await web.get(url);
      expect(page.statusCode, url).toBe(200);
      const text = visibleText(page.body);
      expect(text, url).toContain('Bestuursnummer');
      expect(text, url).not.toContain('Er is geen bestuur met dit nummer');
      expect(text, url).not.toContain('Er is geen account met dit e-mailadres');
    }
    const noBoard = await web.get('/beheer/besturen?nummer=99999');
    expect(noBoard.statusCode).toBe(404);
    expect(visibleText(noBoard.body)).toContain('Er is geen bestuur met dit nummer in de organisatiegids.');
    const noAccount = await web.get('/beheer/accounts?email=niemand%40nergens.nl');
    expect(noAccount.statusCode).toBe(404);
    expect(visibleText(noAccount.body)).toContain('Er is geen account met dit e-mailadres.');
  });
});
