import Html from '@kitajs/html';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { PageTitle, TextParagraph, Notice } from '../../../ui/components/text.tsx';
import { Alert } from '../../../ui/components/alert.tsx';
import { Button, FormActions } from '../../../ui/components/button.tsx';
import { ErrorSummary, errorFor } from '../../../ui/components/error-summary.tsx';
import { Form, HiddenField } from '../../../ui/components/form.tsx';
import { CheckboxField, SelectField, TextField } from '../../../ui/components/form-field.tsx';
import { Paragraph, Table } from '../../../ui/components/table.tsx';
import { formatDate, formatDateTime } from '../../../platform/i18n.ts';
import { roleNames, roles, scopesByKind, type Role } from '../../../platform/auth/roles.ts';
import type { ApiTokenRow } from '../../../platform/auth/api-tokens.ts';
import type { NamedOrganisation } from '../organisation-names.ts';
import type { FormState } from './sign-in-pages.tsx';

const basePath = (o: NamedOrganisation) => `/beheer/${o.kind}/${o.id}`;

export type MemberLine = { id: string; role: string; since: Date; displayName: string; email: string };
export type InvitationLine = { email: string; role: string; expiresAt: Date };

export function MembersPage(props: {
  ctx: PageContext;
  organisation: NamedOrganisation;
  members: MemberLine[];
  invitations: InvitationLine[];
  invitableRoles: Role[];
  state: FormState;
  notice?: string;
  /** what another feature adds for this kind of organisation: a board's administratiekantoren */
  extra?: JSX.Element;
}) {
  // JSX another feature rendered, with its own escaping
  const { ctx, organisation, members, invitations, invitableRoles, state, notice, extra: safeExtra } = props;
  const { t } = ctx;
  const title = t('members.title', { organisation: organisation.name });
  return (
    <Layout ctx={ctx} title={title} current="account">
      <PageTitle text={title} />
      <ErrorSummary title={t('errorSummary.title')} errors={state.errors ?? []} />
      <Notice message={notice} />
      {members.length === 0 ? (
        <Paragraph>
          <span safe>{t('members.none')}</span>
        </Paragraph>
      ) : (
        <Table
          caption={t('members.caption')}
          rows={members}
          columns={[
            { header: t('account.name'), cell: (m) => <span safe>{m.displayName}</span> },
            { header: t('account.email'), cell: (m) => <span safe>{m.email}</span> },
            { header: t('members.role'), cell: (m) => <span safe>{t(`role.${m.role as Role}`)}</span> },
            { header: t('members.since'), cell: (m) => <span safe>{formatDate(ctx.lang, m.since)}</span> },
            {
              header: t('members.revoke'),
              cell: (m) =>
                invitableRoles.includes(m.role as Role) ? (
                  <a
                    class="utrecht-link"
                    href={`${basePath(organisation)}/leden/${m.id}/intrekken`}
                    aria-label={`${t('members.revoke')}: ${m.displayName}`}
                    safe
                  >
                    {t('members.revoke')}
                  </a>
                ) : (
                  ''
                ),
            },
          ]}
        />
      )}
      {invitations.length > 0 ? (
        <Table
          caption={t('members.openInvitations')}
          rows={invitations}
          columns={[
            { header: t('account.email'), cell: (i) => <span safe>{i.email}</span> },
            { header: t('members.role'), cell: (i) => <span safe>{t(`role.${i.role as Role}`)}</span> },
            { header: t('members.validUntil'), cell: (i) => <span safe>{formatDate(ctx.lang, i.expiresAt)}</span> },
          ]}
        />
      ) : (
        ''
      )}
      {invitableRoles.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2" safe>
            {t('members.invite')}
          </h2>
          <Form action={`${basePath(organisation)}/uitnodigingen`} csrfToken={ctx.csrfToken}>
            <TextField
              id="email"
              name="email"
              type="email"
              label={t('account.email')}
              autocomplete="off"
              value={state.values?.email}
              error={errorFor(state.errors, 'email')}
            />
            <SelectField
              id="rol"
              name="rol"
              label={t('members.role')}
              value={state.values?.rol}
              error={errorFor(state.errors, 'rol')}
              options={invitableRoles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            />
            <Button>{Html.escapeHtml(t('members.inviteButton'))}</Button>
          </Form>
        </>
      ) : (
        ''
      )}
      {safeExtra ?? ''}
    </Layout>
  );
}

export function RevokeMemberPage({
  ctx,
  organisation,
  member,
  state,
}: {
  ctx: PageContext;
  organisation: NamedOrganisation;
  member: MemberLine;
  state: FormState;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('members.revoke')} current="account">
      <PageTitle text={t('members.revoke')} />
      <ErrorSummary title={t('errorSummary.title')} errors={state.errors ?? []} />
      <Alert type="warning">
        <span safe>{t('members.revokeConfirm', { name: `${member.displayName} (${t(`role.${member.role as Role}`)})` })}</span>
      </Alert>
      <Form action={`${basePath(organisation)}/leden/${member.id}/intrekken`} csrfToken={ctx.csrfToken}>
        <TextField id="reden" name="reden" label={t('members.revokeReason')} value={state.values?.reden} error={errorFor(state.errors, 'reden')} />
        <FormActions submit={t('members.revoke')} cancel={{ href: `${basePath(organisation)}/leden`, label: t('common.cancel') }} />
      </Form>
    </Layout>
  );
}

function tokenStatus(ctx: PageContext, token: ApiTokenRow, now: Date): string {
  if (token.revokedAt) return ctx.t('tokens.revoked');
  if (token.expiresAt <= now) return ctx.t('tokens.expired');
  return ctx.t('tokens.active');
}

export function TokensPage(props: {
  ctx: PageContext;
  organisation: NamedOrganisation;
  tokens: ApiTokenRow[];
  state: FormState;
  created?: string;
  notice?: string;
  now: Date;
}) {
  const { ctx, organisation, tokens, state, created, notice, now } = props;
  const { t } = ctx;
  const title = t('tokens.title', { organisation: organisation.name });
  const scopes = scopesByKind[organisation.kind] ?? [];
  const chosen = new Set((state.values?.scope ?? '').split(',').filter(Boolean));
  return (
    <Layout ctx={ctx} title={title} current="account">
      <PageTitle text={title} />
      <ErrorSummary title={t('errorSummary.title')} errors={state.errors ?? []} />
      {created ? (
        <Alert type="ok">
          <p class="utrecht-paragraph" safe>
            {t('tokens.created')}
          </p>
          <code class="br-token-secret" id="nieuw-token" safe>
            {created}
          </code>
        </Alert>
      ) : (
        ''
      )}
      <Notice message={notice} />
      <TextParagraph text={t('tokens.intro')} />
      {tokens.length === 0 ? (
        <Paragraph>
          <span safe>{t('tokens.none')}</span>
        </Paragraph>
      ) : (
        <Table
          caption={t('tokens.caption')}
          rows={tokens}
          columns={[
            { header: t('tokens.name'), cell: (k) => <span safe>{`${k.name} (${k.prefix}…)`}</span> },
            { header: t('tokens.scopes'), cell: (k) => <span safe>{k.scopes.join(', ')}</span> },
            { header: t('tokens.expires'), cell: (k) => <span safe>{formatDate(ctx.lang, k.expiresAt)}</span> },
            { header: t('tokens.lastUsed'), cell: (k) => <span safe>{k.lastUsedAt ? formatDateTime(ctx.lang, k.lastUsedAt) : t('tokens.neverUsed')}</span> },
            { header: t('tokens.status'), cell: (k) => <span safe>{tokenStatus(ctx, k, now)}</span> },
            {
              header: t('tokens.revoke'),
              cell: (k) =>
                k.revokedAt ? (
                  ''
                ) : (
                  <a class="utrecht-link" href={`${basePath(organisation)}/tokens/${k.id}/intrekken`} aria-label={`${t('tokens.revoke')}: ${k.name}`} safe>
                    {t('tokens.revoke')}
                  </a>
                ),
            },
          ]}
        />
      )}
      <h2 class="utrecht-heading-2" safe>
        {t('tokens.create')}
      </h2>
      <Form action={`${basePath(organisation)}/tokens`} csrfToken={ctx.csrfToken}>
        <TextField
          id="naam"
          name="naam"
          label={t('tokens.name')}
          hint={t('tokens.nameHint')}
          value={state.values?.naam}
          error={errorFor(state.errors, 'naam')}
        />
        <fieldset
          class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset"
          aria-describedby={errorFor(state.errors, 'scope') ? 'scope-error' : undefined}
        >
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend" safe>
            {t('tokens.scopes')}
          </legend>
          {errorFor(state.errors, 'scope') ? (
            <div class="utrecht-form-field-error-message" id="scope-error" safe>
              {errorFor(state.errors, 'scope')!}
            </div>
          ) : (
            ''
          )}
          {scopes.map((s, i) => (
            <CheckboxField id={i === 0 ? 'scope' : `scope-${s}`} name="scope" value={s} label={t(`scope.${s}`)} checked={chosen.has(s)} />
          ))}
        </fieldset>
        <TextField
          id="verloopt"
          name="verloopt"
          type="date"
          label={t('tokens.expires')}
          hint={t('tokens.expiresHint')}
          value={state.values?.verloopt}
          error={errorFor(state.errors, 'verloopt')}
        />
        <Button>{Html.escapeHtml(t('tokens.createButton'))}</Button>
      </Form>
    </Layout>
  );
}

export function RevokeTokenPage({ ctx, organisation, token }: { ctx: PageContext; organisation: NamedOrganisation; token: ApiTokenRow }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('tokens.revoke')} current="account">
      <PageTitle text={t('tokens.revoke')} />
      <Alert type="warning">
        <span safe>{t('tokens.revokeConfirm', { name: token.name })}</span>
      </Alert>
      <Form action={`${basePath(organisation)}/tokens/${token.id}/intrekken`} csrfToken={ctx.csrfToken}>
        <FormActions submit={t('tokens.revoke')} cancel={{ href: `${basePath(organisation)}/tokens`, label: t('common.cancel') }} />
      </Form>
    </Layout>
  );
}

export function InvitationPage(props: { ctx: PageContext; token: string; role: Role; organisation: NamedOrganisation; email: string; signedIn: boolean }) {
  const { ctx, token, role, organisation, email, signedIn } = props;
  const { t } = ctx;
  const back = `/uitnodiging?token=${encodeURIComponent(token)}`;
  return (
    <Layout ctx={ctx} title={t('invitation.title')}>
      <PageTitle text={t('invitation.title')} />
      <Paragraph>
        <span safe>{t('invitation.text', { role: t(`role.${role}`), organisation: organisation.name })}</span>{' '}
        <span safe>{t('invitation.forEmail', { email })}</span>
      </Paragraph>
      {signedIn ? (
        <Form action="/uitnodiging" csrfToken={ctx.csrfToken}>
          <HiddenField name="token" value={token} />
          <Button>{Html.escapeHtml(t('invitation.accept'))}</Button>
        </Form>
      ) : (
        <>
          <Paragraph>
            <span safe>{t('invitation.signInFirst')}</span>
          </Paragraph>
          <Paragraph>
            <Button href={`/inloggen?terug=${encodeURIComponent(back)}`}>{Html.escapeHtml(t('nav.signIn'))}</Button>{' '}
            <Button appearance="secondary" href={`/account/aanmaken?terug=${encodeURIComponent(back)}`}>
              {Html.escapeHtml(t('signUp.button'))}
            </Button>
          </Paragraph>
        </>
      )}
    </Layout>
  );
}

/** The roles an actor may invite into, in the order of the role list. */
export function rolesOfKind(kind: NamedOrganisation['kind']): Role[] {
  return roleNames.filter((r) => roles[r].kind === kind);
}
