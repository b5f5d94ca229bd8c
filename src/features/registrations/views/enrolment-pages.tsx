import Html from '@kitajs/html';
import { formatDateTime, formatDay } from '../../../platform/i18n.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form } from '../../../ui/components/form.tsx';
import { CheckboxField, TextAreaField, TextField } from '../../../ui/components/form-field.tsx';
import { Pagination } from '../../../ui/components/pagination.tsx';
import { DataList, Paragraph, Table } from '../../../ui/components/table.tsx';
import { Notice, PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { enrolmentStatusLabel, type PublicEntry } from '../../register/index.ts';
import type { StaffEnrolment, EnrolmentEventLine } from '../../register/index.ts';
import type { Application } from '../../register/index.ts';
import { reviewPath } from './review-pages.tsx';

export const enrolmentsPath = '/beheer/inschrijvingen';

type Found = { entries: PublicEntry[]; total: number; page: number; pageSize: number } | null;

/** Register staff find an enrolment by name or number: a plain GET form, results linking to each enrolment. */
export function EnrolmentsPage({ ctx, zoek, found, errors = [] }: { ctx: PageContext; zoek: string; found: Found; errors?: FieldError[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('enrolments.title')} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={t('enrolments.title')} />
      <TextParagraph text={t('enrolments.intro')} />
      {/* biome-ignore lint/a11y/useSemanticElements: a GET form with role=search is the landmark every screen reader knows; the <search> element is too new to rely on */}
      <form class="br-form br-search" method="get" action={enrolmentsPath} role="search" novalidate>
        <TextField
          id="zoek"
          name="zoek"
          type="search"
          label={t('enrolments.search')}
          value={zoek}
          error={errors.find((e) => e.field === 'zoek')?.message}
          autocomplete="off"
        />
        <Button>{Html.escapeHtml(t('enrolments.searchButton'))}</Button>
      </form>
      {found ? (
        found.entries.length === 0 ? (
          <Paragraph>
            <span safe>{t('enrolments.none')}</span>
          </Paragraph>
        ) : (
          <>
            <Table
              caption={t('enrolments.caption')}
              rows={found.entries}
              columns={[
                {
                  header: t('enrolments.col.name'),
                  cell: (e) => (
                    <a class="utrecht-link" href={`${enrolmentsPath}/${e.registerNumber}`} safe>
                      {e.name}
                    </a>
                  ),
                },
                { header: t('enrolments.col.number'), cell: (e) => <span safe>{e.registerNumber}</span> },
                { header: t('enrolments.col.status'), cell: (e) => <span safe>{enrolmentStatusLabel(t, e.status)}</span> },
              ]}
            />
            <Pagination
              page={found.page}
              pageSize={found.pageSize}
              total={found.total}
              href={(p) => `${enrolmentsPath}?${new URLSearchParams({ zoek, page: String(p) })}`}
              t={t}
            />
          </>
        )
      ) : (
        ''
      )}
    </Layout>
  );
}

/** Whose account: name and address. */
export function AccountFacts({ ctx, name, email }: { ctx: PageContext; name: string; email: string }) {
  const { t } = ctx;
  return (
    <DataList
      items={[
        { label: t('enrolments.account.name'), value: <span safe>{name}</span> },
        { label: t('enrolments.account.email'), value: <span safe>{email}</span> },
      ]}
    />
  );
}

/** The enrolment's account on its page (decision 021): whose it is and the way to unlink it, or the way to link one. */
function EnrolmentAccountSection({ ctx, enrolment }: { ctx: PageContext; enrolment: StaffEnrolment }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="account-titel">
      <h2 class="utrecht-heading-2" id="account-titel" safe>
        {t('enrolments.account.title')}
      </h2>
      {enrolment.accountId ? (
        <>
          <AccountFacts ctx={ctx} name={enrolment.accountName ?? ''} email={enrolment.accountEmail ?? ''} />
          <TextParagraph text={t('enrolments.account.unlinkIntro')} />
          <Button appearance="secondary" href={`${enrolmentsPath}/${enrolment.registerNumber}/ontkoppelen`}>
            {Html.escapeHtml(t('enrolments.account.unlink'))}
          </Button>
        </>
      ) : (
        <>
          <TextParagraph text={t('enrolments.account.none')} />
          <Button appearance="secondary" href={`${enrolmentsPath}/${enrolment.registerNumber}/koppelen`}>
            {Html.escapeHtml(t('enrolments.account.link'))}
          </Button>
        </>
      )}
    </section>
  );
}

export type EnrolmentForm = { action?: 'doorhalen' | 'herstellen'; reden?: string; bevestigd?: boolean; errors?: FieldError[] };

/** One enrolment for register staff: status, history, applications, and doorhalen or herstellen. */
export function EnrolmentPage({
  ctx,
  enrolment,
  events,
  applications,
  notice,
  form = {},
}: {
  ctx: PageContext;
  enrolment: StaffEnrolment;
  events: EnrolmentEventLine[];
  applications: Application[];
  notice?: string;
  form?: EnrolmentForm;
}) {
  const { t, lang } = ctx;
  const errors = form.errors ?? [];
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const title = t('enrolments.one.title', { person: enrolment.personName });
  const path = `${enrolmentsPath}/${enrolment.registerNumber}`;
  const struckOff = enrolment.status === 'doorgehaald';
  return (
    <Layout ctx={ctx} title={title} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      <Notice message={notice} />
      <DataList
        items={[
          { label: t('own.enrolment.number'), value: <span safe>{enrolment.registerNumber}</span> },
          { label: t('enrolments.col.status'), value: <span safe>{t(`enrolments.status.${enrolment.status}`)}</span> },
          { label: t('enrolments.one.since'), value: <span safe>{formatDateTime(lang, enrolment.createdAt)}</span> },
        ]}
      />
      <EnrolmentAccountSection ctx={ctx} enrolment={enrolment} />
      <h2 class="utrecht-heading-2" safe>
        {t('enrolments.one.history')}
      </h2>
      {events.length === 0 ? (
        <TextParagraph text={t('enrolments.one.historyNone')} />
      ) : (
        <ol class="utrecht-ordered-list">
          {events.map((e) => (
            <li class="utrecht-ordered-list__item" safe>
              {`${formatDateTime(lang, e.createdAt)} · ${t(`enrolments.status.${e.toStatus}`)} · ${e.byLabel}${e.reason ? ` · ${e.reason}` : ''}`}
            </li>
          ))}
        </ol>
      )}
      <h2 class="utrecht-heading-2" safe>
        {t('enrolments.one.applications')}
      </h2>
      {applications.length === 0 ? (
        <TextParagraph text={t('enrolments.one.applicationsNone')} />
      ) : (
        <ul class="utrecht-unordered-list">
          {applications.map((a) => (
            <li class="utrecht-unordered-list__item">
              <a class="utrecht-link" href={`${reviewPath}/${a.id}`} safe>
                {`${a.registerName}: ${a.title} ${a.level} · ${t(`registration.status.${a.status}`)}${a.validUntil ? ` · ${t('registration.validUntil')} ${formatDay(lang, a.validUntil)}` : ''}`}
              </a>
            </li>
          ))}
        </ul>
      )}
      {struckOff ? (
        <section aria-labelledby="herstellen-titel">
          <h2 class="utrecht-heading-2" id="herstellen-titel" safe>
            {t('enrolments.reinstate.title')}
          </h2>
          <TextParagraph text={t('enrolments.reinstate.intro')} />
          <Form action={`${path}/herstellen`} csrfToken={ctx.csrfToken}>
            <TextAreaField
              id="reden"
              name="reden"
              label={t('enrolments.reinstate.reason')}
              value={form.action === 'herstellen' ? form.reden : undefined}
              error={error('reden')}
            />
            <Button appearance="secondary">{Html.escapeHtml(t('enrolments.reinstate.button'))}</Button>
          </Form>
        </section>
      ) : (
        <section aria-labelledby="doorhalen-titel">
          <h2 class="utrecht-heading-2" id="doorhalen-titel" safe>
            {t('enrolments.strikeOff.title')}
          </h2>
          <TextParagraph text={t('enrolments.strikeOff.intro')} />
          <Form action={`${path}/doorhalen`} csrfToken={ctx.csrfToken}>
            <TextAreaField
              id="reden"
              name="reden"
              label={t('enrolments.strikeOff.reason')}
              hint={t('enrolments.strikeOff.reasonHint')}
              value={form.reden}
              error={error('reden')}
            />
            <CheckboxField id="bevestigd" name="bevestigd" label={t('enrolments.strikeOff.confirm')} checked={form.bevestigd} error={error('bevestigd')} />
            <Button appearance="secondary">{Html.escapeHtml(t('enrolments.strikeOff.button'))}</Button>
          </Form>
        </section>
      )}
    </Layout>
  );
}
