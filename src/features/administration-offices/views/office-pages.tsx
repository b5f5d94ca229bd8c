import Html from '@kitajs/html';
import { formatDate } from '../../../platform/i18n.ts';
import { Alert } from '../../../ui/components/alert.tsx';
import { Button, FormActions } from '../../../ui/components/button.tsx';
import { ErrorSummary, errorFor, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form } from '../../../ui/components/form.tsx';
import { TextField } from '../../../ui/components/form-field.tsx';
import { Paragraph, Table } from '../../../ui/components/table.tsx';
import { Notice, PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { officePath, type MandateLine, type Office, type OfficeChoice, type OfficeLine } from '../offices.service.ts';
import type { OfficeForm } from '../offices.rules.ts';

export type BoardView = { id: string; number: string; name: string };

export const officesPath = '/beheer/administratiekantoren';
export const boardOfficesPath = (boardId: string) => `/beheer/bestuur/${boardId}/administratiekantoren`;
export const boardMembersPath = (boardId: string) => `/beheer/bestuur/${boardId}/leden`;

/** Register staff: every office, with links to its staff and its boards, and the form to add one. */
export function OfficesPage(props: { ctx: PageContext; offices: OfficeLine[]; values?: OfficeForm; errors?: FieldError[]; notice?: string }) {
  const { ctx, offices, values = { naam: '', kvk: '' }, errors = [], notice } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('offices.title')} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={t('offices.title')} />
      <Notice message={notice} />
      <TextParagraph text={t('offices.intro')} />
      {offices.length === 0 ? (
        <TextParagraph text={t('offices.none')} />
      ) : (
        <Table
          caption={t('offices.caption')}
          rows={offices}
          columns={[
            { header: t('offices.col.name'), cell: (o) => <span safe>{o.name}</span> },
            { header: t('offices.col.kvk'), cell: (o) => <span safe>{o.kvkNumber}</span> },
            {
              header: t('offices.col.boards'),
              cell: (o) => (
                <a class="utrecht-link" href={`${officePath(o.id)}/besturen`} aria-label={t('offices.boardsOf', { name: o.name })} safe>
                  {t('offices.boardsCount', { count: o.boards })}
                </a>
              ),
            },
            {
              header: t('offices.col.members'),
              cell: (o) => (
                <a class="utrecht-link" href={`${officePath(o.id)}/leden`} aria-label={t('offices.membersOf', { name: o.name })} safe>
                  {t('offices.col.members')}
                </a>
              ),
            },
          ]}
        />
      )}
      <h2 class="utrecht-heading-2" safe>
        {t('offices.add')}
      </h2>
      <Form action={officesPath} csrfToken={ctx.csrfToken}>
        <TextField id="naam" name="naam" label={t('offices.form.name')} value={values.naam} error={errorFor(errors, 'naam')} autocomplete="organization" />
        <TextField
          id="kvk"
          name="kvk"
          label={t('offices.form.kvk')}
          hint={t('offices.form.kvkHint')}
          value={values.kvk}
          error={errorFor(errors, 'kvk')}
          attrs={{ inputmode: 'numeric' }}
        />
        <Button>{Html.escapeHtml(t('offices.form.save'))}</Button>
      </Form>
    </Layout>
  );
}

/**
 * The board's members page shows this: the offices that deliver for the board now and, for its admins,
 * a way to withdraw each and to authorise another.
 */
export function BoardMandatesSection({
  ctx,
  boardId,
  boardName,
  mandates,
  mayGrant,
}: {
  ctx: PageContext;
  boardId: string;
  boardName: string;
  mandates: MandateLine[];
  mayGrant: boolean;
}) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="administratiekantoren">
      <h2 class="utrecht-heading-2" id="administratiekantoren" safe>
        {t('offices.board.title')}
      </h2>
      <TextParagraph text={t('offices.board.intro', { board: boardName })} />
      {mandates.length === 0 ? (
        <TextParagraph text={t('offices.board.none')} />
      ) : (
        <Table
          caption={t('offices.board.caption')}
          rows={mandates}
          columns={[
            { header: t('offices.col.name'), cell: (m) => <span safe>{m.officeName}</span> },
            { header: t('offices.col.kvk'), cell: (m) => <span safe>{m.kvkNumber}</span> },
            { header: t('offices.board.col.since'), cell: (m) => <span safe>{formatDate(lang, m.grantedAt)}</span> },
            { header: t('offices.board.col.by'), cell: (m) => <span safe>{m.grantedByName ?? '—'}</span> },
            ...(mayGrant
              ? [
                  {
                    header: t('offices.board.withdraw'),
                    cell: (m: MandateLine) => (
                      <a
                        class="utrecht-link"
                        href={`${boardOfficesPath(boardId)}/${m.officeId}/intrekken`}
                        aria-label={t('offices.board.withdrawFor', { office: m.officeName })}
                        safe
                      >
                        {t('offices.board.withdraw')}
                      </a>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {mayGrant ? (
        <Paragraph>
          <Button appearance="secondary" href={boardOfficesPath(boardId)}>
            {Html.escapeHtml(t('offices.board.authorise'))}
          </Button>
        </Paragraph>
      ) : (
        ''
      )}
    </section>
  );
}

/** A board admin finds the office to authorise, by name or KvK number, and chooses it. */
export function OfficeSearchPage({ ctx, board, query, offices }: { ctx: PageContext; board: BoardView; query: string; offices: OfficeChoice[] }) {
  const { t } = ctx;
  const title = t('offices.search.title', { board: board.name });
  return (
    <Layout ctx={ctx} title={title} current="account">
      <PageTitle text={title} />
      <TextParagraph text={t('offices.search.intro')} />
      <Form action={boardOfficesPath(board.id)} method="get" csrfToken={ctx.csrfToken}>
        <TextField id="zoek" name="zoek" type="search" label={t('offices.search.label')} value={query} />
        <Button>{Html.escapeHtml(t('offices.search.button'))}</Button>
      </Form>
      {offices.length === 0 ? (
        <TextParagraph text={t('offices.search.none')} />
      ) : (
        <Table
          caption={t('offices.search.results')}
          rows={offices}
          columns={[
            { header: t('offices.col.name'), cell: (o) => <span safe>{o.name}</span> },
            { header: t('offices.col.kvk'), cell: (o) => <span safe>{o.kvkNumber}</span> },
            {
              header: t('offices.search.choose'),
              cell: (o) =>
                o.authorised ? (
                  <span safe>{t('offices.search.already')}</span>
                ) : (
                  <a
                    class="utrecht-link"
                    href={`${boardOfficesPath(board.id)}/${o.id}/machtigen`}
                    aria-label={t('offices.search.chooseOffice', { office: o.name })}
                    safe
                  >
                    {t('offices.search.choose')}
                  </a>
                ),
            },
          ]}
        />
      )}
      <Paragraph>
        <a class="utrecht-link" href={boardMembersPath(board.id)} safe>
          {t('offices.search.back')}
        </a>
      </Paragraph>
    </Layout>
  );
}

/** What a confirmation page has: its text, the form that does it, and the way back. */
function ConfirmPage(props: { ctx: PageContext; title: string; action: string; button: string; back: string; lines: string[]; warning: string }) {
  const { ctx, title, action, button, back, lines, warning } = props;
  return (
    <Layout ctx={ctx} title={title} current="account">
      <PageTitle text={title} />
      <Alert type="warning">
        <p class="utrecht-paragraph" safe>
          {warning}
        </p>
      </Alert>
      {lines.map((line) => (
        <TextParagraph text={line} />
      ))}
      <Form action={action} csrfToken={ctx.csrfToken}>
        <FormActions submit={button} cancel={{ href: back, label: ctx.t('common.cancel') }} />
      </Form>
    </Layout>
  );
}

/** The confirmation step before a board authorises an office: who, for which board, and what the office will and will not see. */
export function ConfirmMandatePage({ ctx, board, office }: { ctx: PageContext; board: BoardView; office: Office }) {
  const { t } = ctx;
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('offices.confirm.title')}
      action={`${boardOfficesPath(board.id)}/${office.id}/machtigen`}
      button={t('offices.confirm.button')}
      back={boardMembersPath(board.id)}
      warning={t('offices.confirm.text', { office: office.name, kvk: office.kvkNumber, board: board.name, number: board.number })}
      lines={[t('offices.confirm.may'), t('offices.confirm.mayNot'), t('offices.confirm.mail')]}
    />
  );
}

/** The confirmation step before a board withdraws an office's machtiging. */
export function WithdrawMandatePage({ ctx, mandate }: { ctx: PageContext; mandate: MandateLine }) {
  const { t } = ctx;
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('offices.withdraw.title')}
      action={`${boardOfficesPath(mandate.boardId)}/${mandate.officeId}/intrekken`}
      button={t('offices.withdraw.button')}
      back={boardMembersPath(mandate.boardId)}
      warning={t('offices.withdraw.text', { office: mandate.officeName, kvk: mandate.kvkNumber, board: mandate.boardName })}
      lines={[t('offices.withdraw.effect'), t('offices.withdraw.mail')]}
    />
  );
}

/** The office's own page: the boards that authorise it now, each with the way to its deliveries. */
export function OfficeMandatesPage({ ctx, office, mandates }: { ctx: PageContext; office: Office; mandates: (MandateLine & { mayDeliver: boolean })[] }) {
  const { t, lang } = ctx;
  const title = t('offices.mandates.title', { office: office.name });
  const deliveriesColumn = {
    header: t('offices.mandates.col.deliveries'),
    cell: (m: MandateLine & { mayDeliver: boolean }) =>
      m.mayDeliver ? (
        <a
          class="utrecht-link"
          href={`/beheer/bestuur/${m.boardId}/aanleveringen`}
          aria-label={t('offices.mandates.deliveriesOf', { board: m.boardName })}
          safe
        >
          {t('offices.mandates.col.deliveries')}
        </a>
      ) : (
        ''
      ),
  };
  return (
    <Layout ctx={ctx} title={title} current="account">
      <PageTitle text={title} />
      <TextParagraph text={t('offices.mandates.intro', { office: office.name })} />
      {mandates.length === 0 ? (
        <TextParagraph text={t('offices.mandates.none')} />
      ) : (
        <Table
          caption={t('offices.mandates.caption', { office: office.name })}
          rows={mandates}
          columns={[
            { header: t('offices.mandates.col.board'), cell: (m) => <span safe>{m.boardName}</span> },
            { header: t('offices.mandates.col.number'), cell: (m) => <span safe>{m.boardNumber}</span> },
            { header: t('offices.mandates.col.since'), cell: (m) => <span safe>{formatDate(lang, m.grantedAt)}</span> },
            ...(mandates.some((m) => m.mayDeliver) ? [deliveriesColumn] : []),
          ]}
        />
      )}
    </Layout>
  );
}
