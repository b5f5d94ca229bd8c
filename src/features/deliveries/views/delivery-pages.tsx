import Html from '@kitajs/html';
import { formatDate, formatDateTime, formatNumber } from '../../../platform/i18n.ts';
import { Alert, type AlertType } from '../../../ui/components/alert.tsx';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, errorFor, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form } from '../../../ui/components/form.tsx';
import { CheckboxField, FileField, RadioGroup } from '../../../ui/components/form-field.tsx';
import { Pagination } from '../../../ui/components/pagination.tsx';
import { ProgressBar } from '../../../ui/components/progress.tsx';
import { DataList, Paragraph, Table } from '../../../ui/components/table.tsx';
import { Notice, PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import type { DeliveryRecord, RowResult } from '../deliveries.service.ts';
import { translateRowMessage } from '../row-messages.ts';

export type BoardView = { id: string; number: string; name: string };

/** Where a delivery came from, in the history's file column: the file's name, or the entry screen for a row typed there. */
const sourceOf = (t: PageContext['t'], d: DeliveryRecord) => (d.channel === 'scherm' ? t('deliveries.viaScreen') : (d.fileName ?? t('deliveries.noFileName')));
export const deliveriesPath = (board: BoardView) => `/beheer/bestuur/${board.id}/aanleveringen`;
/** The entry screen (invoerscherm): one row typed instead of a file. */
export const entryPath = (board: { id: string }) => `/beheer/bestuur/${board.id}/invoer`;

/** The entry screen opened for one employment of the board, to change or to end it. */
export const employmentEntryPath = (board: { id: string }, employmentId: string, kind: 'wijziging' | 'einde') =>
  `${entryPath(board)}?dienstverband=${encodeURIComponent(employmentId)}&mutatie=${kind}`;

/** Who delivered: the person or the API link, and the administratiekantoor it did that for the board as (decision 022). */
const submitterOf = (t: PageContext['t'], d: DeliveryRecord) =>
  d.officeName ? t('deliveries.byOffice', { by: d.submittedByLabel, office: d.officeName }) : d.submittedByLabel;

type ListProps = {
  ctx: PageContext;
  board: BoardView;
  deliveries: DeliveryRecord[];
  page: number;
  pageSize: number;
  total: number;
  maxMb: number;
  /** the last applied delivery, and whether that was 35 days ago or more (a prompt, not a verdict) */
  lastAppliedAt: Date | null;
  quiet: boolean;
  /** the administratiekantoor the reader delivers as, who sees only its own deliveries */
  officeName?: string | null;
  values?: { modus?: string };
  errors?: FieldError[];
};

export function DeliveriesPage(props: ListProps) {
  const { ctx, board, deliveries, page, pageSize, total, maxMb, lastAppliedAt, quiet, officeName, values = {}, errors = [] } = props;
  const { t, lang } = ctx;
  const title = t('deliveries.title', { board: board.name });
  const base = deliveriesPath(board);
  return (
    <Layout ctx={ctx} title={title} current="account">
      <PageTitle text={title} />
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      {officeName ? <TextParagraph text={t('deliveries.officeOnly', { office: officeName })} /> : ''}
      <TextParagraph text={t('deliveries.intro')} />
      <TextParagraph text={lastAppliedAt ? t('deliveries.lastApplied', { date: formatDate(lang, lastAppliedAt) }) : t('deliveries.neverApplied')} />
      {quiet ? (
        <Alert type="info">
          <p class="utrecht-paragraph" safe>
            {t('deliveries.quiet')}
          </p>
        </Alert>
      ) : (
        ''
      )}
      <h2 class="utrecht-heading-2" safe>
        {t('deliveries.new')}
      </h2>
      <Paragraph>
        <a class="utrecht-link" href={entryPath(board)} safe>
          {t('deliveries.entryScreen')}
        </a>
      </Paragraph>
      <Form action={base} csrfToken={ctx.csrfToken} attrs={{ enctype: 'multipart/form-data' }}>
        <RadioGroup
          id="modus"
          name="modus"
          label={t('deliveries.mode')}
          value={values.modus ?? 'volledig'}
          error={errorFor(errors, 'modus')}
          options={[
            { value: 'volledig', label: t('deliveries.mode.volledig'), hint: t('deliveries.mode.volledig.hint') },
            { value: 'mutaties', label: t('deliveries.mode.mutaties'), hint: t('deliveries.mode.mutaties.hint') },
          ]}
        />
        <FileField
          id="bestand"
          name="bestand"
          label={t('deliveries.file')}
          hint={t('deliveries.file.hint', { mb: maxMb })}
          accept=".csv,.xlsx,text/csv"
          error={errorFor(errors, 'bestand')}
        />
        <Button>{Html.escapeHtml(t('deliveries.check'))}</Button>
      </Form>
      <h2 class="utrecht-heading-2" safe>
        {t('deliveries.history')}
      </h2>
      {deliveries.length === 0 ? (
        <Paragraph>
          <span safe>{t('deliveries.none')}</span>
        </Paragraph>
      ) : (
        <>
          <Table
            caption={t('deliveries.history')}
            captionHidden
            rows={deliveries}
            columns={[
              {
                header: t('deliveries.col.date'),
                cell: (d) => (
                  <a class="utrecht-link" href={`${base}/${d.id}`} safe>
                    {formatDateTime(lang, d.createdAt)}
                  </a>
                ),
              },
              { header: t('deliveries.col.file'), cell: (d) => <span safe>{sourceOf(t, d)}</span> },
              { header: t('deliveries.col.mode'), cell: (d) => <span safe>{t(`mode.${d.mode}`)}</span> },
              { header: t('deliveries.col.by'), cell: (d) => <span safe>{submitterOf(t, d)}</span> },
              { header: t('deliveries.col.status'), cell: (d) => <span safe>{t(`delivery.status.${d.status}`)}</span> },
              { header: t('deliveries.col.rows'), cell: (d) => <span safe>{formatNumber(lang, d.rowCount)}</span> },
              { header: t('deliveries.col.errors'), cell: (d) => <span safe>{formatNumber(lang, d.errorRows)}</span> },
            ]}
          />
          <Pagination page={page} pageSize={pageSize} total={total} t={t} href={(p) => `${base}?page=${p}`} />
        </>
      )}
    </Layout>
  );
}

const appliedKeys = [
  'personenNieuw',
  'personenGewijzigd',
  'dienstverbandenNieuw',
  'dienstverbandenGewijzigd',
  'dienstverbandenBeeindigd',
  'mogelijkeDubbelen',
  'uitnodigingen',
  'betwistingenOpgelost',
] as const;

/** What an applied delivery changed, count by count. */
export function AppliedSummary({ ctx, delivery }: { ctx: PageContext; delivery: DeliveryRecord }) {
  const summary = delivery.summary ?? {};
  return (
    <DataList items={appliedKeys.map((k) => ({ label: ctx.t(`delivery.summary.${k}`), value: <span safe>{formatNumber(ctx.lang, summary[k] ?? 0)}</span> }))} />
  );
}

/** Whether applying changed anything at all (a change to what the register already had changes nothing). */
export const changedAnything = (delivery: DeliveryRecord): boolean => appliedKeys.some((k) => (delivery.summary?.[k] ?? 0) > 0);

type DetailProps = {
  ctx: PageContext;
  board: BoardView;
  delivery: DeliveryRecord;
  problems: RowResult[];
  page: number;
  pageSize: number;
  total: number;
  notice?: string;
  noticeType?: AlertType;
  errors?: FieldError[];
};

/** The part that changes while the work goes on: htmx swaps it every two seconds; without JavaScript, the button reloads. */
function StatusRegion({ ctx, board, delivery }: { ctx: PageContext; board: BoardView; delivery: DeliveryRecord }) {
  const { t } = ctx;
  const busy = delivery.status === 'in-behandeling';
  const self = `${deliveriesPath(board)}/${delivery.id}`;
  const poll = busy ? { 'hx-get': self, 'hx-trigger': 'every 2s', 'hx-select': '#aanlevering-status', 'hx-swap': 'outerHTML' } : {};
  return (
    <div id="aanlevering-status" {...poll}>
      {busy ? (
        <>
          <ProgressBar id="voortgang" label={t(`delivery.phase.${delivery.phase ?? 'controleren'}`)} value={delivery.progress} />
          <p class="utrecht-paragraph" safe>
            {t('delivery.refreshHint')}
          </p>
          <Button appearance="secondary" href={self}>
            {Html.escapeHtml(t('delivery.refresh'))}
          </Button>
          <Form action={`${self}/annuleren`} csrfToken={ctx.csrfToken}>
            <Button appearance="secondary">{Html.escapeHtml(t('delivery.cancel'))}</Button>
          </Form>
        </>
      ) : (
        ''
      )}
    </div>
  );
}

export function DeliveryPage({ ctx, board, delivery, problems, page, pageSize, total, notice, noticeType, errors = [] }: DetailProps) {
  const { t, lang } = ctx;
  const title = t('delivery.title', { date: formatDateTime(lang, delivery.createdAt) });
  const self = `${deliveriesPath(board)}/${delivery.id}`;
  return (
    <Layout ctx={ctx} title={title} current="account">
      <PageTitle text={title} />
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <Notice message={notice} type={noticeType} />
      <StatusRegion ctx={ctx} board={board} delivery={delivery} />
      <DataList
        items={[
          { label: t('delivery.status'), value: <span safe>{t(`delivery.status.${delivery.status}`)}</span> },
          { label: t('deliveries.col.file'), value: <span safe>{sourceOf(t, delivery)}</span> },
          { label: t('deliveries.col.mode'), value: <span safe>{t(`mode.${delivery.mode}`)}</span> },
          { label: t('delivery.rows'), value: <span safe>{formatNumber(lang, delivery.rowCount)}</span> },
          { label: t('delivery.errorRows'), value: <span safe>{formatNumber(lang, delivery.errorRows)}</span> },
          { label: t('delivery.warningRows'), value: <span safe>{formatNumber(lang, delivery.warningRows)}</span> },
          { label: t('delivery.submittedBy'), value: <span safe>{submitterOf(t, delivery)}</span> },
          ...(delivery.appliedByLabel ? [{ label: t('delivery.appliedBy'), value: <span safe>{delivery.appliedByLabel}</span> }] : []),
        ]}
      />
      {delivery.status === 'afgewezen' ? (
        <Alert type="error">
          <span safe>{t('delivery.rejected', { reason: delivery.rejection ?? '' })}</span>
        </Alert>
      ) : (
        ''
      )}
      {delivery.notices && delivery.notices.length > 0 ? (
        <Alert type="info">
          <strong safe>{t('delivery.notices')}</strong>
          <ul class="utrecht-unordered-list">
            {delivery.notices.map((n) => (
              <li class="utrecht-unordered-list__item" safe>
                {n}
              </li>
            ))}
          </ul>
        </Alert>
      ) : (
        ''
      )}
      {delivery.status === 'gecontroleerd' && delivery.errorRows > 0 ? (
        <Alert type="error">
          <span safe>{t('delivery.hasErrors', { count: delivery.errorRows })}</span>
        </Alert>
      ) : (
        ''
      )}
      {delivery.status === 'gecontroleerd' && delivery.errorRows === 0 ? <ApplyForm ctx={ctx} delivery={delivery} self={self} errors={errors} /> : ''}
      {delivery.status === 'gecontroleerd' && delivery.errorRows > 0 ? (
        <Form action={`${self}/annuleren`} csrfToken={ctx.csrfToken}>
          <Button appearance="secondary">{Html.escapeHtml(t('delivery.cancel'))}</Button>
        </Form>
      ) : (
        ''
      )}
      {delivery.status === 'verwerkt' ? (
        <>
          <h2 class="utrecht-heading-2" safe>
            {t('delivery.result')}
          </h2>
          <AppliedSummary ctx={ctx} delivery={delivery} />
        </>
      ) : (
        ''
      )}
      {total > 0 ? (
        <>
          <Table
            caption={t('delivery.problems')}
            rows={problems.flatMap((r) => r.messages.map((m) => ({ row: r.rowNumber, ...m })))}
            columns={[
              { header: t('delivery.col.row'), cell: (m) => <span safe>{String(m.row)}</span> },
              { header: t('delivery.col.outcome'), cell: (m) => <span safe>{t(`outcome.${m.soort}`)}</span> },
              { header: t('delivery.col.column'), cell: (m) => <span safe>{m.kolom ?? t('delivery.wholeRow')}</span> },
              { header: t('delivery.col.message'), cell: (m) => <span safe>{translateRowMessage(t, m.melding)}</span> },
            ]}
          />
          <Pagination page={page} pageSize={pageSize} total={total} t={t} href={(p) => `${self}?page=${p}`} />
        </>
      ) : (
        ''
      )}
      {delivery.rowCount > 0 ? (
        <Paragraph>
          <a class="utrecht-link" href={`${self}/terugmelding.csv`} download="" safe>
            {t('delivery.download')}
          </a>
        </Paragraph>
      ) : (
        ''
      )}
      <Paragraph>
        <a class="utrecht-link" href={deliveriesPath(board)} safe>
          {t('delivery.back')}
        </a>
      </Paragraph>
    </Layout>
  );
}

function ApplyForm({ ctx, delivery, self, errors }: { ctx: PageContext; delivery: DeliveryRecord; self: string; errors: FieldError[] }) {
  const { t, lang } = ctx;
  const ending = delivery.summary?.teBeeindigen ?? 0;
  const active = delivery.summary?.actieveDienstverbanden ?? 0;
  return (
    <>
      <Alert type={delivery.needsConfirmation ? 'warning' : 'ok'}>
        <span safe>{t('delivery.valid')}</span>
        {delivery.mode === 'volledig' && ending > 0 ? (
          <>
            {' '}
            <span safe>{t('delivery.willEnd', { ending: formatNumber(lang, ending), active: formatNumber(lang, active) })}</span>
          </>
        ) : (
          ''
        )}
        {delivery.needsConfirmation ? (
          <>
            {' '}
            <strong safe>{t('delivery.confirmMassEnd')}</strong>
          </>
        ) : (
          ''
        )}
      </Alert>
      <Form action={`${self}/verwerken`} csrfToken={ctx.csrfToken}>
        {delivery.needsConfirmation ? (
          <>
            {errorFor(errors, 'bevestigd') ? (
              <p class="utrecht-form-field-error-message" id="bevestigd-error" safe>
                {errorFor(errors, 'bevestigd')!}
              </p>
            ) : (
              ''
            )}
            <CheckboxField id="bevestigd" name="bevestigd" label={t('delivery.confirmCheckbox', { ending })} />
          </>
        ) : (
          ''
        )}
        <Button>{Html.escapeHtml(t('delivery.apply'))}</Button>
      </Form>
      <Form action={`${self}/annuleren`} csrfToken={ctx.csrfToken}>
        <Button appearance="secondary">{Html.escapeHtml(t('delivery.cancel'))}</Button>
      </Form>
    </>
  );
}
