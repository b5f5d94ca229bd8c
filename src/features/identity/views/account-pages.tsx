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
  memberships: (Membership & { organisationName: string; manageable: { members: boolean; tokens: boolean; deliveries: boolean } })[];
};

function manageLinks(ctx: PageContext, m: AccountView['memberships'][number]) {
  const base = `/beheer/${m.organisation.kind}/${m.organisation.id}`;
  return (
    <>
      {m.role === 'registration-committee' ? (
        <>
          {' · '}
          <a class="utrecht-link" href="/beheer/aanvragen" safe>
            {ctx.t('review.link')}
          </a>
          {' · '}
          <a class="utrecht-link" href="/beheer/uitstel" safe>
            {ctx.t('postponements.link')}
          </a>
        </>
      ) : (
        ''
      )}
      {m.role === 'accreditation-committee' ? (
        <>
          {' · '}
          <a class="utrecht-link" href="/beheer/accreditatie" safe>
            {ctx.t('accreditation.queue.link')}
          </a>
          {' · '}
          <a class="utrecht-link" href="/beheer/waarderingen" safe>
            {ctx.t('valuation.link')}
          </a>
        </>
      ) : (
        ''
      )}
      {m.organisation.kind === 'aanbieder' || m.organisation.kind === 'bestuur' ? (
        <>
          {' · '}
          <a class="utrecht-link" href={`${base}/aanbod`} safe>
            {ctx.t('accreditation.offerings.link')}
          </a>
        </>
      ) : (
        ''
      )}
      {m.organisation.kind === 'administratiekantoor' ? (
        <>
          {' · '}
          <a class="utrecht-link" href={`${base}/besturen`} safe>
            {ctx.t('offices.mandates.link')}
          </a>
        </>
      ) : (
        ''
      )}
      {m.manageable.members ? (
        <>
          {' · '}
          <a class="utrecht-link" href={`${base}/leden`} safe>
            {ctx.t('account.members')}
          </a>
        </>
      ) : (
        ''
      )}
      {m.manageable.tokens ? (
        <>
          {' · '}
          <a class="utrecht-link" href={`${base}/tokens`} safe>
            {ctx.t('account.tokens')}
          </a>
        </>
      ) : (
        ''
      )}
      {m.manageable.deliveries ? (
        <>
          {' · '}
          <a class="utrecht-link" href={`${base}/aanleveringen`} safe>
            {ctx.t('deliveries.link')}
          </a>
          {' · '}
          <a class="utrecht-link" href={`${base}/invoer`} safe>
            {ctx.t('entry.link')}
          </a>
          {' · '}
          <a class="utrecht-link" href={`${base}/betwistingen`} safe>
            {ctx.t('disputes.link')}
          </a>
          {' · '}
          <a class="utrecht-link" href={`${base}/personeel`} safe>
            {ctx.t('staff.link')}
          </a>
          {' · '}
          <a class="utrecht-link" href={`${base}/voortgang`} safe>
            {ctx.t('progress.link')}
          </a>
        </>
      ) : (
        ''
      )}
    </>
  );
}

/** `oidcName`: the configured OpenID Connect issuer's name, offered for linking to this account. */
export function AccountPage({ ctx, view, notice, oidcName }: { ctx: PageContext; view: AccountView; notice?: string; oidcName?: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('account.title')} current="account">
      <PageTitle text={t('account.title')} />
      <Notice message={notice} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/mijn-register" safe>
          {t('own.link')}
        </a>
      </p>
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
        <ul class="utrecht-unordered-list">
          {view.memberships.map((m) => (
            <li class="utrecht-unordered-list__item">
              <span safe>{`${t(`role.${m.role}`)} — ${m.organisationName}`}</span>
              {manageLinks(ctx, m)}
            </li>
          ))}
        </ul>
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
