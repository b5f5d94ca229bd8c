import Html from '@kitajs/html';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { PageTitle, Notice } from '../../../ui/components/text.tsx';
import { Button } from '../../../ui/components/button.tsx';
import { Form } from '../../../ui/components/form.tsx';
import { DataList, Paragraph, Table } from '../../../ui/components/table.tsx';
import { formatDateTime } from '../../../platform/i18n.ts';
import type { Membership } from '../../../platform/auth/actor.ts';
import { isRole } from '../../../platform/auth/roles.ts';
import type { AuditRow } from '../../../platform/audit/audit.repo.ts';
import { describeAuditAction } from './audit-actions.ts';

export type AccountView = {
  displayName: string;
  email: string;
  totpEnabled: boolean;
  federated: { issuer: string }[];
  liveSessions: number;
  memberships: (Membership & { organisationName: string })[];
};

/** `oidcName`: the configured OpenID Connect issuer's name, offered for linking to this account. */
export function AccountPage({ ctx, view, notice, oidcName }: { ctx: PageContext; view: AccountView; notice?: string; oidcName?: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('account.title')} current="account">
      <PageTitle text={t('account.title')} />
      <Notice message={notice} />
      <ul class="utrecht-link-list">
        <li class="utrecht-link-list__item">
          <a class="utrecht-link" href="/start" safe>
            {t('account.start')}
          </a>
        </li>
        <li class="utrecht-link-list__item">
          <a class="utrecht-link" href="/mijn-register" safe>
            {t('own.link')}
          </a>
        </li>
      </ul>
      <DataList
        items={[
          { label: t('account.name'), value: <span safe>{view.displayName}</span> },
          { label: t('account.email'), value: <span safe>{view.email}</span> },
          {
            label: t('account.secondFactor'),
            value: view.totpEnabled ? (
              <span safe>{t('account.secondFactorOn')}</span>
            ) : (
              <>
                <span safe>{t('account.secondFactorOff')}</span> —{' '}
                <a class="utrecht-link" href="/account/tweestapsverificatie" safe>
                  {t('account.secondFactorSetUp')}
                </a>
              </>
            ),
          },
          {
            label: t('account.federated'),
            value: (
              <>
                <span safe>{view.federated.length ? view.federated.map((f) => f.issuer).join(', ') : t('account.noFederated')}</span>
                {oidcName ? (
                  <>
                    {' — '}
                    <a class="utrecht-link" href="/inloggen/oidc?koppelen=ja&terug=%2Faccount" safe>
                      {t('account.linkOidc', { name: oidcName })}
                    </a>
                  </>
                ) : (
                  ''
                )}
              </>
            ),
          },
        ]}
      />
      <h2 class="utrecht-heading-2" safe>
        {t('account.roles')}
      </h2>
      {view.memberships.length === 0 ? (
        <Paragraph>
          <span safe>{t('account.noRoles')}</span>
        </Paragraph>
      ) : (
        <>
          <ul class="utrecht-unordered-list">
            {view.memberships.map((m) => (
              <li class="utrecht-unordered-list__item" safe>
                {`${t(`role.${m.role}`)} — ${m.organisationName}`}
              </li>
            ))}
          </ul>
          <Paragraph>
            <a class="utrecht-link" href="/beheer" safe>
              {t('account.manageLink')}
            </a>
          </Paragraph>
        </>
      )}
      <h2 class="utrecht-heading-2" safe>
        {t('account.myData')}
      </h2>
      <ul class="utrecht-link-list utrecht-link-list--html-ul">
        <li class="utrecht-link-list__item">
          <a class="utrecht-link" href="/mijn-gegevens/inzage" safe>
            {t('account.whoViewed')}
          </a>
        </li>
        <li class="utrecht-link-list__item">
          <a class="utrecht-link" href="/mijn-gegevens/overzicht" safe>
            {t('account.overview')}
          </a>
        </li>
        <li class="utrecht-link-list__item">
          <a class="utrecht-link" href="/mijn-gegevens/download" download="mijn-gegevens.json" safe>
            {t('account.download')}
          </a>
        </li>
      </ul>
      <Paragraph>
        <span safe>{t('account.sessions', { count: view.liveSessions })}</span>
      </Paragraph>
      <Form action="/account/overal-uitloggen" csrfToken={ctx.csrfToken}>
        <Button appearance="secondary">{Html.escapeHtml(t('account.signOutEverywhere'))}</Button>
      </Form>
    </Layout>
  );
}

export type AuditLine = AuditRow & { actorName: string | null; actorOrganisationName: string | null };

export function AuditTable({ ctx, events, caption }: { ctx: PageContext; events: AuditLine[]; caption: string }) {
  const { t } = ctx;
  return (
    <Table
      caption={caption}
      rows={events}
      columns={[
        { header: t('access.when'), cell: (e) => <span safe>{formatDateTime(ctx.lang, e.at)}</span> },
        { header: t('access.organisation'), cell: (e) => <span safe>{e.actorOrganisationName ?? '—'}</span> },
        {
          header: t('access.who'),
          cell: (e) => {
            // in the reader's language: a role (`board-admin` → "beheerder bestuur"), the register's own work (`system:…`), a token
            const role = e.actorRole && isRole(e.actorRole) ? t(`role.${e.actorRole}`) : e.actorRole?.startsWith('system:') ? t('access.system') : e.actorRole;
            return (
              <span safe>
                {[e.actorName ?? (e.actorTokenId ? t('access.apiToken') : (role ?? '—')), role && e.actorName ? `(${role})` : ''].join(' ').trim()}
              </span>
            );
          },
        },
        { header: t('access.what'), cell: (e) => <span safe>{describeAuditAction(ctx.lang, e.action) + (e.reason ? ` — ${e.reason}` : '')}</span> },
      ]}
    />
  );
}
