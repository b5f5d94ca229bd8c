import Html from '@kitajs/html';
import { formatDateTime, formatDay, formatNumber } from '../../../platform/i18n.ts';
import { Alert } from '../../../ui/components/alert.tsx';
import { Button } from '../../../ui/components/button.tsx';
import { Form, HiddenField } from '../../../ui/components/form.tsx';
import { Pagination } from '../../../ui/components/pagination.tsx';
import { DataList, Paragraph, Table } from '../../../ui/components/table.tsx';
import { Notice, PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import type { BoardDeliveryLine, DuplicateTask } from '../register-office.service.ts';

type Paged = { page: number; pageSize: number; total: number };
/** why a pair is a task: a delivery's look-alike or staff number, or a professional's own word (decision 021) */
type DuplicateReason = 'naam-geboortedatum' | 'personeelsnummer-ander-bsn' | 'koppelcode' | 'bsn-inlog';

export function BoardDeliveriesOverviewPage({
  ctx,
  boards,
  page,
  pageSize,
  total,
}: Paged & { ctx: PageContext; boards: (BoardDeliveryLine & { quiet: boolean })[] }) {
  const { t, lang } = ctx;
  const title = t('office.deliveries.title');
  const lastDelivery = (b: BoardDeliveryLine): string =>
    b.lastDeliveryAt
      ? `${formatDateTime(lang, b.lastDeliveryAt)} (${t(`delivery.status.${b.lastStatus as 'verwerkt'}`)}; ${t(`delivery.channel.${b.lastChannel as 'upload'}`)})`
      : '';
  return (
    <Layout ctx={ctx} title={title} current="account">
      <PageTitle text={title} />
      <TextParagraph text={t('office.deliveries.intro')} />
      {boards.length === 0 ? (
        <Paragraph>
          <span safe>{t('office.deliveries.none')}</span>
        </Paragraph>
      ) : (
        <>
          <Table
            caption={title}
            captionHidden
            rows={boards}
            columns={[
              { header: t('office.col.board'), cell: (b) => <span safe>{`${b.number} ${b.name ?? ''}`.trim()}</span> },
              { header: t('office.col.deliveries'), cell: (b) => <span safe>{formatNumber(lang, b.deliveries)}</span> },
              {
                header: t('office.col.last'),
                cell: (b) => (
                  <>
                    <span safe>{lastDelivery(b)}</span>
                    {b.quiet ? (
                      <p class="utrecht-paragraph br-small" safe>
                        {t('office.quiet')}
                      </p>
                    ) : (
                      ''
                    )}
                  </>
                ),
              },
              { header: t('office.col.active'), cell: (b) => <span safe>{formatNumber(lang, b.active)}</span> },
              { header: t('office.col.awaiting'), cell: (b) => <span safe>{formatNumber(lang, b.awaitingApproval)}</span> },
              { header: t('office.col.disputed'), cell: (b) => <span safe>{formatNumber(lang, b.disputed)}</span> },
            ]}
          />
          <Pagination page={page} pageSize={pageSize} total={total} t={t} href={(p) => `/beheer/aanleveringen?page=${p}`} />
        </>
      )}
    </Layout>
  );
}

function PersonFacts({ ctx, person }: { ctx: PageContext; person: DuplicateTask['person'] }) {
  const { t, lang } = ctx;
  return (
    <DataList
      items={[
        { label: t('account.name'), value: <span safe>{[person.initials, person.prefix, person.surname].filter(Boolean).join(' ')}</span> },
        { label: t('office.duplicates.birthDate'), value: <span safe>{formatDay(lang, person.birthDate)}</span> },
        { label: t('account.email'), value: <span safe>{person.email ?? '—'}</span> },
        { label: t('office.duplicates.bsn'), value: <span safe>{person.hasBsn ? t('common.yes') : t('common.no')}</span> },
        { label: t('office.duplicates.employments'), value: <span safe>{person.employments.join('; ') || '—'}</span> },
        { label: t('office.duplicates.account'), value: <span safe>{person.linked ? t('common.yes') : t('common.no')}</span> },
        { label: t('office.duplicates.registerNumber'), value: <span safe>{person.registerNumber ?? '—'}</span> },
      ]}
    />
  );
}

export function DuplicatesPage({ ctx, tasks, page, pageSize, total, notice }: Paged & { ctx: PageContext; tasks: DuplicateTask[]; notice?: string }) {
  const { t, lang } = ctx;
  const title = t('office.duplicates.title');
  return (
    <Layout ctx={ctx} title={title} current="account">
      <PageTitle text={title} />
      <Notice message={notice} />
      <TextParagraph text={t('office.duplicates.intro')} />
      {tasks.length === 0 ? (
        <Paragraph>
          <span safe>{t('office.duplicates.none')}</span>
        </Paragraph>
      ) : (
        ''
      )}
      {tasks.map((task) => (
        <section class="br-task" aria-labelledby={`taak-${task.id}`}>
          <h2 class="utrecht-heading-2" id={`taak-${task.id}`} safe>
            {`${t(`office.duplicates.reason.${task.reason as DuplicateReason}`)} · ${formatDateTime(lang, task.createdAt)}`}
          </h2>
          <h3 class="utrecht-heading-3" safe>
            {t('office.duplicates.new')}
          </h3>
          <PersonFacts ctx={ctx} person={task.person} />
          <h3 class="utrecht-heading-3" safe>
            {t('office.duplicates.known')}
          </h3>
          <PersonFacts ctx={ctx} person={task.candidate} />
          <Button appearance="secondary" href={`/beheer/dubbelen/${task.id}/samenvoegen`}>
            {Html.escapeHtml(t('office.duplicates.same'))}
          </Button>{' '}
          <Form action={`/beheer/dubbelen/${task.id}`} csrfToken={ctx.csrfToken} attrs={{ class: 'br-form br-inline-form' }}>
            <HiddenField name="besluit" value="verschillend" />
            <Button appearance="secondary">{Html.escapeHtml(t('office.duplicates.different'))}</Button>
          </Form>
        </section>
      ))}
      <Pagination page={page} pageSize={pageSize} total={total} t={t} href={(p) => `/beheer/dubbelen?page=${p}`} />
    </Layout>
  );
}

export function ConfirmMergePage({ ctx, task }: { ctx: PageContext; task: DuplicateTask }) {
  const { t } = ctx;
  const title = t('office.duplicates.confirmTitle');
  return (
    <Layout ctx={ctx} title={title} current="account">
      <PageTitle text={title} />
      <Alert type="warning">
        <span safe>{t('office.duplicates.confirm')}</span>
      </Alert>
      <h2 class="utrecht-heading-2" safe>
        {t('office.duplicates.new')}
      </h2>
      <PersonFacts ctx={ctx} person={task.person} />
      <h2 class="utrecht-heading-2" safe>
        {t('office.duplicates.known')}
      </h2>
      <PersonFacts ctx={ctx} person={task.candidate} />
      <Form action={`/beheer/dubbelen/${task.id}`} csrfToken={ctx.csrfToken}>
        <HiddenField name="besluit" value="zelfde-persoon" />
        <Button>{Html.escapeHtml(t('office.duplicates.confirmButton'))}</Button>{' '}
        <Button appearance="secondary" href="/beheer/dubbelen">
          {Html.escapeHtml(t('common.cancel'))}
        </Button>
      </Form>
    </Layout>
  );
}
