import type { FastifyInstance } from 'fastify';
import { countLiveSessions } from '../../platform/auth/sessions.ts';
import { sendPage } from '../../web/render.ts';
import { isRole } from '../../platform/auth/roles.ts';
import type { FeatureOptions } from '../feature.ts';
import type { IdentityDeps } from './identity.deps.ts';
import * as members from './members.service.ts';
import { describeOwnAccount } from './own-account.service.ts';
import { describeOrganisation } from './organisation-names.ts';
import { readFormShape, readQuery } from '../../web/forms.ts';
import { accountContextOf } from '../../web/route-helpers.ts';
import { accountQuery, invitationQuery, tokenForm } from './identity.forms.ts';
import { AccountPage } from './views/account-pages.tsx';
import { InvitationPage, MessagePage } from './views/index.ts';

/** The signed-in person's own account, and accepting an invitation. */
export async function accountRoutes(app: FastifyInstance, opts: FeatureOptions & { deps: IdentityDeps }) {
  const { deps } = opts;

  app.get('/account', { config: { access: 'signed-in' } }, async (req, reply) => {
    const { actor } = accountContextOf(req);
    const { account, federated } = await describeOwnAccount(deps, actor);
    const memberships = await Promise.all(
      actor.memberships.map(async (m) => ({
        ...m,
        organisationName: (await describeOrganisation(deps.db, m.organisation).catch(() => ({ name: m.organisation.id }))).name,
      })),
    );
    const view = {
      displayName: account.displayName,
      email: account.email,
      totpEnabled: account.totpEnabledAt !== null,
      federated,
      liveSessions: await countLiveSessions(deps.db, actor.accountId),
      memberships,
    };
    const linked = readQuery(req, accountQuery).gekoppeld;
    const notice = linked && opts.config.oidc ? req.t('account.linkedOidc', { name: opts.config.oidc.name }) : undefined;
    return sendPage(reply, <AccountPage ctx={req.pageContext()} view={view} oidcName={opts.config.oidc?.name} notice={notice} />);
  });

  app.get('/uitnodiging', { config: { access: 'public' } }, async (req, reply) => {
    const { token } = readQuery(req, invitationQuery);
    const { invitation, organisation } = await members.findInvitation(deps, token);
    if (!isRole(invitation.role)) throw new Error(`invitation with unknown role ${invitation.role}`);
    const signedIn = req.actor.type === 'account' && req.actor.secondFactorDone;
    return sendPage(
      reply,
      <InvitationPage ctx={req.pageContext()} token={token} role={invitation.role} organisation={organisation} email={invitation.email} signedIn={signedIn} />,
    );
  });

  app.post('/uitnodiging', { config: { access: 'signed-in' } }, async (req, reply) => {
    const { token } = readFormShape(req, tokenForm).value;
    const { invitation, organisation } = await members.findInvitation(deps, token);
    await members.acceptInvitation(deps, accountContextOf(req), token);
    const ctx = req.pageContext();
    const role = isRole(invitation.role) ? ctx.t(`role.${invitation.role}`) : invitation.role;
    return sendPage(
      reply,
      <MessagePage
        ctx={ctx}
        title={ctx.t('invitation.title')}
        message={ctx.t('invitation.accepted', { role, organisation: organisation.name })}
        link={{ href: '/account', label: ctx.t('nav.account') }}
      />,
    );
  });
}
