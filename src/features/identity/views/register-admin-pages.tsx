import Html from '@kitajs/html';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, errorFor } from '../../../ui/components/error-summary.tsx';
import { Form } from '../../../ui/components/form.tsx';
import { TextField } from '../../../ui/components/form-field.tsx';
import { Pagination } from '../../../ui/components/pagination.tsx';
import { Paragraph } from '../../../ui/components/table.tsx';
import { formatDateTime } from '../../../platform/i18n.ts';
import type { OutboxRow } from '../../../platform/mail/mailer.ts';
import { AuditTable, type AuditLine } from './account-pages.tsx';
import type { FormState } from './sign-in-pages.tsx';

/**
 * Register staff's search tools: an account's audit trail and a board's members; the outbox outside
 * production. On Beheer under the register office's heading (level 3), and alone (level 2) when a search
 * finds nothing.
 */
export function RegisterOfficeTools({ ctx, state, level = 3 }: { ctx: PageContext; state: FormState; level?: 2 | 3 }) {
  const { t } = ctx;
  const heading = `utrecht-heading-${level}`;
  const Heading = ({ text }: { text: string }) =>
    level === 2 ? (
      <h2 class={heading} safe>
        {text}
      </h2>
    ) : (
      <h3 class={heading} safe>
        {text}
      </h3>
    );
  return (
    <>
      <Heading text={t('admin.findAccount')} />
      <Form action="/beheer/accounts" method="get" csrfToken={ctx.csrfToken}>
        <TextField
          id="email"
          name="email"
          type="email"
          label={t('account.email')}
          autocomplete="off"
          value={state.values?.email}
          error={errorFor(state.errors, 'email')}
        />
        <Button>{Html.escapeHtml(t('admin.findButton'))}</Button>
      </Form>
      <Heading text={t('admin.boardMembers')} />
      <Form action="/beheer/besturen" method="get" csrfToken={ctx.csrfToken}>
        <TextField
          id="nummer"
          name="nummer"
          label={t('admin.boardNumber')}
          attrs={{ inputmode: 'numeric' }}
          value={state.values?.nummer}
          error={errorFor(state.errors, 'nummer')}
        />
        <Button>{Html.escapeHtml(t('admin.findButton'))}</Button>
      </Form>
      {ctx.development ? (
        <Paragraph>
          <a class="utrecht-link" href="/beheer/uitgaande-mail" safe>
            {t('admin.outbox')}
          </a>
        </Paragraph>
      ) : (
        ''
      )}
    </>
  );
}

/** A search that found nothing: the tools again with the error, and the way back to Beheer. */
export function AdminSearchPage({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('admin.title')} current="account">
      <PageTitle text={t('admin.title')} />
      <ErrorSummary title={t('errorSummary.title')} errors={state.errors ?? []} />
      <RegisterOfficeTools ctx={ctx} state={state} level={2} />
      <Paragraph>
        <a class="utrecht-link" href="/beheer" safe>
          {t('admin.backToManage')}
        </a>
      </Paragraph>
    </Layout>
  );
}

export function AuditTrailPage({ ctx, name, email, events }: { ctx: PageContext; name: string; email: string; events: AuditLine[] }) {
  const { t } = ctx;
  const title = t('admin.auditTitle', { name });
  return (
    <Layout ctx={ctx} title={title} current="account">
      <PageTitle text={title} />
      <Paragraph>
        <span safe>{email}</span>
      </Paragraph>
      {events.length === 0 ? (
        <Paragraph>
          <span safe>{t('access.none')}</span>
        </Paragraph>
      ) : (
        <AuditTable ctx={ctx} events={events} caption={t('admin.auditCaption')} />
      )}
    </Layout>
  );
}

export function OutboxPage({
  ctx,
  mails,
  total,
  page,
  pageSize,
  smtp,
}: {
  ctx: PageContext;
  mails: OutboxRow[];
  total: number;
  page: number;
  pageSize: number;
  smtp: boolean;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('outbox.title')} current="account">
      <PageTitle text={t('outbox.title')} />
      <TextParagraph text={smtp ? t('outbox.introSmtp') : t('outbox.intro')} />
      {mails.length === 0 ? (
        <Paragraph>
          <span safe>{t('outbox.none')}</span>
        </Paragraph>
      ) : (
        <>
          {mails.map((m) => (
            <article class="br-mail" aria-labelledby={`mail-${m.id}`}>
              <h2 class="utrecht-heading-3" id={`mail-${m.id}`} safe>
                {m.subject}
              </h2>
              <p class="utrecht-paragraph" safe>
                {`${t('outbox.to')}: ${m.toAddress} · ${formatDateTime(ctx.lang, m.createdAt)} · ${m.sentAt ? t('outbox.sent') : t('outbox.notSent')}`}
              </p>
              <pre class="br-data-dump" tabindex="0" safe>
                {m.text}
              </pre>
            </article>
          ))}
          <Pagination page={page} pageSize={pageSize} total={total} href={(p) => `/beheer/uitgaande-mail?page=${p}`} t={t} />
        </>
      )}
    </Layout>
  );
}
