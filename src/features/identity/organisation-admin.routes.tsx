import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccountActor } from '../../platform/auth/actor.ts';
import { isRole, type OrganisationRef, type Role } from '../../platform/auth/roles.ts';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import { noticeQuery, readFormShape, readParams, readQuery } from '../../web/forms.ts';
import { sendPage } from '../../web/render.ts';
import { decide } from '../../platform/policy.ts';
import type { FeatureOptions } from '../feature.ts';
import { BoardMandatesSection, listBoardMandates, mandateNotices } from '../administration-offices/index.ts';
import { nowOf, type IdentityDeps } from './identity.deps.ts';
import * as members from './members.service.ts';
import { accountContextOf, fieldErrorsOf } from '../../web/route-helpers.ts';
import { inviteForm, memberParams, organisationParams, revokeMemberForm, tokenCreateForm, tokenParams } from './identity.forms.ts';
import * as tokens from './tokens.service.ts';
import { MembersPage, RevokeMemberPage, RevokeTokenPage, TokensPage, rolesOfKind } from './views/index.ts';
import type { FormState } from './views/sign-in-pages.tsx';

/** The organisation in the path; an unknown kind or an id that is no UUID is "not found". */
function organisationOf(req: FastifyRequest): OrganisationRef {
  const { soort, id } = readParams(req, organisationParams);
  return { kind: soort, id };
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

  /** A board's members page also shows the administratiekantoren that deliver for it (decision 022). */
  async function mandatesOf(req: FastifyRequest, organisation: OrganisationRef, boardName: string) {
    if (organisation.kind !== 'bestuur') return undefined;
    const { mandates, mayGrant } = await listBoardMandates(deps, accountContextOf(req), organisation.id);
    return <BoardMandatesSection ctx={req.pageContext()} boardId={organisation.id} boardName={boardName} mandates={mandates} mayGrant={mayGrant} />;
  }

  /** `?melding=` after a machtiging was given or withdrawn on the administratiekantoor pages */
  function mandateNoticeOf(req: FastifyRequest): string | undefined {
    const { melding } = readQuery(req, noticeQuery);
    return melding && melding in mandateNotices ? req.t(mandateNotices[melding as keyof typeof mandateNotices]) : undefined;
  }

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
        notice={notice ?? mandateNoticeOf(req)}
        extra={await mandatesOf(req, organisation, list.organisation.name)}
      />
    );
    return { page, status };
  }

  app.get('/beheer/:soort/:id/leden', signedIn, async (req, reply) => {
    const { page } = await renderMembers(req, {});
    return sendPage(reply, page);
  });

  app.post('/beheer/:soort/:id/uitnodigingen', signedIn, async (req, reply) => {
    const { value: body, values } = readFormShape(req, inviteForm);
    const context = accountContextOf(req);
    try {
      await members.inviteMember(deps, context, { organisation: organisationOf(req), role: body.rol, email: body.email, lang: req.lang });
    } catch (error) {
      const { page } = await renderMembers(req, { values, errors: fieldErrorsOf(req, error, 'email') });
      return sendPage(reply, page, 400);
    }
    const { page } = await renderMembers(req, {}, req.t('members.invited', { email: body.email.trim().toLowerCase() }));
    return sendPage(reply, page);
  });

  async function memberToRevoke(req: FastifyRequest) {
    const context = accountContextOf(req);
    const organisation = organisationOf(req);
    const list = await members.listMembers(deps, context, organisation);
    const { lidId } = readParams(req, memberParams);
    const member = list.members.find((m) => m.id === lidId);
    if (!member || !isRole(member.role)) throw AppError.notFound(message('members.error.memberGone'));
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
    const { value: body, values } = readFormShape(req, revokeMemberForm);
    try {
      await members.revokeMember(deps, context, member.id, body.reden);
    } catch (error) {
      const state = { values, errors: fieldErrorsOf(req, error, 'reden') };
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
    const { value: body, values } = readFormShape(req, tokenCreateForm);
    const scopes = body.scope;
    // a date without a time: valid until the end of that day, Dutch time
    const expiresAt = /^\d{4}-\d{2}-\d{2}$/.test(body.verloopt) ? new Date(`${body.verloopt}T23:59:59+01:00`) : new Date(NaN);
    let created: string;
    try {
      created = (await tokens.createToken(deps, accountContextOf(req), { organisation: organisationOf(req), name: body.naam, scopes, expiresAt })).token;
    } catch (error) {
      return sendPage(reply, await renderTokens(req, { values, errors: fieldErrorsOf(req, error, 'naam') }), 400);
    }
    reply.code(201);
    return sendPage(reply, await renderTokens(req, {}, { created }), 201);
  });

  async function tokenToRevoke(req: FastifyRequest) {
    const { organisation, tokens: list } = await tokens.listTokens(deps, accountContextOf(req), organisationOf(req));
    const { tokenId } = readParams(req, tokenParams);
    const token = list.find((k) => k.id === tokenId && !k.revokedAt);
    if (!token) throw AppError.notFound(message('tokens.error.notFoundOrRevoked'));
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
