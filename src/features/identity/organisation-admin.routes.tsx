import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccountActor } from '../../platform/auth/actor.ts';
import { isRole, organisationKinds, type OrganisationRef, type Role } from '../../platform/auth/roles.ts';
import { AppError } from '../../platform/errors.ts';
import { sendPage } from '../../web/render.ts';
import { decide } from '../../platform/policy.ts';
import type { FeatureOptions } from '../feature.ts';
import { nowOf, type IdentityDeps } from './identity.deps.ts';
import * as members from './members.service.ts';
import { accountContextOf, fieldErrorsOf, formBody } from '../../web/route-helpers.ts';
import * as tokens from './tokens.service.ts';
import { MembersPage, RevokeMemberPage, RevokeTokenPage, TokensPage, rolesOfKind } from './views/index.ts';
import type { FormState } from './views/sign-in-pages.tsx';
import { uuidPattern as uuid } from '../../platform/ids/uuid-pattern.ts';

type OrgParams = { soort: string; id: string };

function organisationOf(req: FastifyRequest): OrganisationRef {
  const { soort, id } = req.params as OrgParams;
  if (!(organisationKinds as readonly string[]).includes(soort) || !uuid.test(id)) throw AppError.notFound();
  return { kind: soort as OrganisationRef['kind'], id: id.toLowerCase() };
}

async function invitableRoles(actor: AccountActor, organisation: OrganisationRef): Promise<Role[]> {
  const allowed: Role[] = [];
  for (const role of rolesOfKind(organisation.kind)) if ((await decide(actor, { action: 'members.invite', organisation, role })).allowed) allowed.push(role);
  return allowed;
}

/** An organisation's staff (roles, invitations) and its API tokens, for its admins. */
export async function organisationAdminRoutes(app: FastifyInstance, opts: FeatureOptions & { deps: IdentityDeps }) {
  const { deps } = opts;
  const signedIn = { config: { access: 'signed-in' as const } };

  async function renderMembers(req: FastifyRequest, state: FormState, notice?: string, status = 200) {
    const context = accountContextOf(req);
    const organisation = organisationOf(req);
    const list = await members.listMembers(deps, context, organisation);
    const page = (
      <MembersPage
        ctx={req.pageContext()}
        organisation={list.organisation}
        members={list.members}
        invitations={list.invitations}
        invitableRoles={await invitableRoles(context.actor, organisation)}
        state={state}
        notice={notice}
      />
    );
    return { page, status };
  }

  app.get('/beheer/:soort/:id/leden', signedIn, async (req, reply) => {
    const { page } = await renderMembers(req, {});
    return sendPage(reply, page);
  });

  app.post('/beheer/:soort/:id/uitnodigingen', signedIn, async (req, reply) => {
    const body = formBody(req);
    const context = accountContextOf(req);
    try {
      await members.inviteMember(deps, context, { organisation: organisationOf(req), role: body.rol ?? '', email: body.email ?? '', lang: req.lang });
    } catch (error) {
      const { page } = await renderMembers(req, { values: body, errors: fieldErrorsOf(req, error, 'email') });
      return sendPage(reply, page, 400);
    }
    const { page } = await renderMembers(req, {}, req.t('members.invited', { email: body.email.trim().toLowerCase() }));
    return sendPage(reply, page);
  });

  async function memberToRevoke(req: FastifyRequest) {
    const context = accountContextOf(req);
    const organisation = organisationOf(req);
    const list = await members.listMembers(deps, context, organisation);
    const member = list.members.find((m) => m.id === (req.params as { lidId: string }).lidId);
    if (!member || !isRole(member.role)) throw AppError.notFound('Deze medewerker heeft deze rol niet (meer).');
    // reading the list is not enough: the confirmation page is for those who may revoke this role
    await members.authorise(context, { action: 'members.revoke', organisation, role: member.role });
    return { list, member, context };
  }

  app.get('/beheer/:soort/:id/leden/:lidId/intrekken', signedIn, async (req, reply) => {
    const { list, member } = await memberToRevoke(req);
    return sendPage(reply, <RevokeMemberPage ctx={req.pageContext()} organisation={list.organisation} member={member} state={{}} />);
  });

  app.post('/beheer/:soort/:id/leden/:lidId/intrekken', signedIn, async (req, reply) => {
    const { list, member, context } = await memberToRevoke(req);
    const body = formBody(req);
    try {
      await members.revokeMember(deps, context, member.id, body.reden ?? '');
    } catch (error) {
      const state = { values: body, errors: fieldErrorsOf(req, error, 'reden') };
      return sendPage(reply, <RevokeMemberPage ctx={req.pageContext()} organisation={list.organisation} member={member} state={state} />, 400);
    }
    const { page } = await renderMembers(req, {}, req.t('members.revoked'));
    return sendPage(reply, page);
  });

  async function renderTokens(req: FastifyRequest, state: FormState, extra: { created?: string; notice?: string } = {}) {
    const { organisation, tokens: list } = await tokens.listTokens(deps, accountContextOf(req), organisationOf(req));
    return <TokensPage ctx={req.pageContext()} organisation={organisation} tokens={list} state={state} now={nowOf(deps)} {...extra} />;
  }

  app.get('/beheer/:soort/:id/tokens', signedIn, async (req, reply) => sendPage(reply, await renderTokens(req, {})));

  app.post('/beheer/:soort/:id/tokens', signedIn, async (req, reply) => {
    const body = formBody(req);
    const scopes = (body.scope ?? '').split(',').filter(Boolean);
    // a date without a time: valid until the end of that day, Dutch time
    const expiresAt = /^\d{4}-\d{2}-\d{2}$/.test(body.verloopt ?? '') ? new Date(`${body.verloopt}T23:59:59+01:00`) : new Date(NaN);
    let created: string;
    try {
      created = (await tokens.createToken(deps, accountContextOf(req), { organisation: organisationOf(req), name: body.naam ?? '', scopes, expiresAt })).token;
    } catch (error) {
      return sendPage(reply, await renderTokens(req, { values: body, errors: fieldErrorsOf(req, error, 'naam') }), 400);
    }
    reply.code(201);
    return sendPage(reply, await renderTokens(req, {}, { created }), 201);
  });

  async function tokenToRevoke(req: FastifyRequest) {
    const { organisation, tokens: list } = await tokens.listTokens(deps, accountContextOf(req), organisationOf(req));
    const token = list.find((k) => k.id === (req.params as { tokenId: string }).tokenId && !k.revokedAt);
    if (!token) throw AppError.notFound('Dit token bestaat niet of is al ingetrokken.');
    return { organisation, token };
  }

  app.get('/beheer/:soort/:id/tokens/:tokenId/intrekken', signedIn, async (req, reply) => {
    const { organisation, token } = await tokenToRevoke(req);
    return sendPage(reply, <RevokeTokenPage ctx={req.pageContext()} organisation={organisation} token={token} />);
  });

  app.post('/beheer/:soort/:id/tokens/:tokenId/intrekken', signedIn, async (req, reply) => {
    const { token } = await tokenToRevoke(req);
    await tokens.revokeToken(deps, accountContextOf(req), token.id);
    return sendPage(reply, await renderTokens(req, {}, { notice: req.t('tokens.revokedDone') }));
  });
}
