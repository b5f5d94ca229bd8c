import Html from '@kitajs/html';
import { formatDateTime, formatNumber } from '../../../platform/i18n.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form } from '../../../ui/components/form.tsx';
import { TextAreaField } from '../../../ui/components/form-field.tsx';
import { Pagination } from '../../../ui/components/pagination.tsx';
import { DataList, Paragraph, Table } from '../../../ui/components/table.tsx';
import { Notice, PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { boardNoticesPath, disputeFieldsLabel, functionLabel, type BoardDispute } from '../../register/index.ts';
import { employmentPeriod } from './own-record-page.tsx';

export type BoardRef = { id: string; number: string; name: string };

export const disputesPath = (board: BoardRef) => `/beheer/bestuur/${board.id}/betwistingen`;

type Paged = { page: number; pageSize: number; total: number };

/** What a dispute is about: "Leraar · De Regenboog (12AB)", or "Persoonsgegevens". */
const subjectOf = (ctx: PageContext, d: BoardDispute) =>
  d.function && d.schoolName && d.brin ? `${functionLabel(ctx.t, d.function)} · ${d.schoolName} (${d.brin})` : ctx.t('employment.personData');

/** The disputes of the board's staff: open ones first in mind, each with a link to answer it. */
export function BoardDisputesPage({
  ctx,
  board,
  disputes,
  openOnly,
  notice,
  page,
  pageSize,
  total,
}: Paged & { ctx: PageContext; board: BoardRef; disputes: BoardDispute[]; openOnly: boolean; notice?: string }) {
  const { t, lang } = ctx;
  const title = t('disputes.title', { board: board.name });
  const base = disputesPath(board);
  const filter = openOnly ? '' : '&alle=ja';
  return (
    <Layout ctx={ctx} title={title} current="account">
      <PageTitle text={title} />
      <Notice message={notice} />
      <TextParagraph text={t('disputes.intro')} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={boardNoticesPath(board.id)} safe>
          {t('progress.noticesLink')}
        </a>
      </p>
      <p class="utrecht-paragraph">
        {openOnly ? (
          <a class="utrecht-link" href={`${base}?alle=ja`} safe>
            {t('disputes.showAll')}
          </a>
        ) : (
          <a class="utrecht-link" href={base} safe>
            {t('disputes.showOpen')}
          </a>
        )}
      </p>
      {disputes.length === 0 ? (
        <Paragraph>
          <span safe>{openOnly ? t('disputes.noneOpen') : t('disputes.none')}</span>
        </Paragraph>
      ) : (
        <>
          <Table
            caption={openOnly ? t('disputes.captionOpen') : t('disputes.captionAll')}
            rows={disputes}
            columns={[
              { header: t('disputes.col.date'), cell: (d) => <span safe>{formatDateTime(lang, d.createdAt)}</span> },
              { header: t('disputes.col.person'), cell: (d) => <span safe>{d.personName}</span> },
              { header: t('disputes.col.employment'), cell: (d) => <span safe>{subjectOf(ctx, d)}</span> },
              { header: t('disputes.col.fields'), cell: (d) => <span safe>{disputeFieldsLabel(t, d.fields)}</span> },
              { header: t('disputes.col.comment'), cell: (d) => <span safe>{d.comment}</span> },
              { header: t('disputes.col.status'), cell: (d) => <span safe>{t(`disputes.status.${d.status}`)}</span> },
              {
                header: t('disputes.col.action'),
                cell: (d) => (
                  <a class="utrecht-link" href={`${base}/${d.id}`}>
                    {Html.escapeHtml(d.status === 'open' ? t('disputes.answer') : t('disputes.view'))}
                    <span class="br-visually-hidden" safe>{`: ${d.personName}`}</span>
                  </a>
                ),
              },
            ]}
          />
          <Pagination page={page} pageSize={pageSize} total={total} t={t} href={(p) => `${base}?page=${p}${filter}`} />
        </>
      )}
    </Layout>
  );
}

/** One dispute: what the professional wrote, and the answer (a form while it is open). */
export function BoardDisputePage({
  ctx,
  board,
  dispute,
  correctHref,
  proofHref,
  value,
  errors = [],
}: {
  ctx: PageContext;
  board: BoardRef;
  dispute: BoardDispute;
  /** the entry screen for this employment (for the person data: one of theirs at this board), for those who may deliver a correction */
  correctHref?: string;
  /** the proof's download, for the board's own staff */
  proofHref?: string;
  value?: string;
  errors?: FieldError[];
}) {
  const { t, lang } = ctx;
  const title = t('disputes.one.title', { person: dispute.personName });
  const period = dispute.startDate ? employmentPeriod(ctx, dispute.startDate, dispute.endDate) : undefined;
  const proof = dispute.proof;
  const proofText = proof
    ? t('disputes.one.proofOpen', { file: proof.fileName, size: formatNumber(lang, Math.max(1, Math.round(proof.byteSize / 1024))) })
    : '';
  return (
    <Layout ctx={ctx} title={title} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      <DataList
        items={[
          { label: t('disputes.col.employment'), value: <span safe>{subjectOf(ctx, dispute)}</span> },
          ...(period ? [{ label: t('own.col.period'), value: <span safe>{period}</span> }] : []),
          { label: t('disputes.col.date'), value: <span safe>{formatDateTime(lang, dispute.createdAt)}</span> },
          { label: t('disputes.col.fields'), value: <span safe>{disputeFieldsLabel(t, dispute.fields)}</span> },
          { label: t('disputes.col.comment'), value: <span safe>{dispute.comment}</span> },
          ...(proof
            ? [
                {
                  label: t('disputes.col.proof'),
                  value: proofHref ? (
                    <a class="utrecht-link" href={proofHref} safe>
                      {proofText}
                    </a>
                  ) : (
                    <span safe>{proof.fileName}</span>
                  ),
                },
              ]
            : []),
          { label: t('disputes.col.status'), value: <span safe>{t(`disputes.status.${dispute.status}`)}</span> },
          ...(dispute.reply ? [{ label: t('disputes.one.reply'), value: <span safe>{`${dispute.reply} (${dispute.repliedByLabel ?? ''})`}</span> }] : []),
        ]}
      />
      {dispute.status === 'open' ? (
        <>
          <TextParagraph text={t('disputes.one.howTo')} />
          {correctHref ? (
            <>
              <TextParagraph text={t(dispute.kind === 'dienstverband' ? 'entry.dispute.correctHint' : 'disputes.one.personCorrectHint')} />
              <Paragraph>
                <Button appearance="secondary" href={correctHref}>
                  {Html.escapeHtml(t('entry.dispute.correct'))}
                  <span class="br-visually-hidden" safe>{`: ${dispute.personName}`}</span>
                </Button>
              </Paragraph>
            </>
          ) : (
            ''
          )}
          <Form action={`${disputesPath(board)}/${dispute.id}`} csrfToken={ctx.csrfToken}>
            <TextAreaField
              id="antwoord"
              name="antwoord"
              label={t('disputes.one.answer')}
              hint={t('own.dispute.hint')}
              value={value}
              error={errors[0]?.message}
            />
            <Button>{Html.escapeHtml(t('disputes.one.send'))}</Button>{' '}
            <Button appearance="secondary" href={disputesPath(board)}>
              {Html.escapeHtml(t('common.cancel'))}
            </Button>
          </Form>
        </>
      ) : (
        <Button appearance="secondary" href={disputesPath(board)}>
          {Html.escapeHtml(t('disputes.back'))}
        </Button>
      )}
    </Layout>
  );
}
