import Html from '@kitajs/html';
import { formatDate, formatNumber, formatPeriod } from '../../../platform/i18n.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, errorFor, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form } from '../../../ui/components/form.tsx';
import { CheckboxField } from '../../../ui/components/form-field.tsx';
import { DataList, Paragraph, Table } from '../../../ui/components/table.tsx';
import { Notice, PageTitle, TextParagraph, orDash } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import type { BoardPerson, ConsentBoard, ConsentLine, DevelopmentTotals, VisibleActivity } from '../consent.service.ts';

export const consentPath = '/mijn-register/inzage';
export const grantPath = (boardId: string) => `${consentPath}/${boardId}/toestemming`;
export const revokePath = (boardId: string) => `${consentPath}/${boardId}/intrekken`;

export type BoardRef = { id: string; number: string; name: string };
export const boardDevelopmentPath = (boardId: string, personId: string) => `/beheer/bestuur/${boardId}/personeel/${personId}/professionalisering`;
const staffListPath = (board: BoardRef) => `/beheer/bestuur/${board.id}/personeel`;

/** The checkbox that confirms a revocation, one per board: its id is where its error is shown. */
export const confirmField = (boardId: string) => `bevestigd-${boardId}`;

function BoardSection({ ctx, board, errors }: { ctx: PageContext; board: ConsentBoard; errors: FieldError[] }) {
  const { t, lang } = ctx;
  const headingId = `bestuur-${board.boardId}`;
  const status = board.grantedAt ? t('consent.granted', { date: formatDate(lang, board.grantedAt) }) : t('consent.notGranted');
  return (
    <section aria-labelledby={headingId}>
      <h3 class="utrecht-heading-3" id={headingId} safe>
        {board.boardName}
      </h3>
      {board.current ? '' : <TextParagraph text={t('consent.formerEmployer')} />}
      <p class="utrecht-paragraph">
        <strong safe>{status}</strong>
      </p>
      {board.grantedAt ? (
        <Form action={revokePath(board.boardId)} csrfToken={ctx.csrfToken}>
          <CheckboxField
            id={confirmField(board.boardId)}
            name="bevestigd"
            label={t('consent.revokeConfirm', { board: board.boardName })}
            error={errorFor(errors, confirmField(board.boardId))}
          />
          <Button appearance="secondary">
            {Html.escapeHtml(t('consent.revoke'))}
            <span class="br-visually-hidden" safe>{`: ${board.boardName}`}</span>
          </Button>
        </Form>
      ) : (
        <Form action={grantPath(board.boardId)} csrfToken={ctx.csrfToken}>
          <Button>
            {Html.escapeHtml(t('consent.grant'))}
            <span class="br-visually-hidden" safe>{`: ${board.boardName}`}</span>
          </Button>
        </Form>
      )}
    </section>
  );
}

/** Inzage: which boards may see the professional's development, what they see, the forms, and the history. */
export function OwnConsentPage({
  ctx,
  boards,
  history,
  notice,
  errors = [],
}: {
  ctx: PageContext;
  boards: ConsentBoard[];
  history: ConsentLine[];
  notice?: string;
  errors?: FieldError[];
}) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('consent.title')} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={t('consent.title')} />
      <Notice message={notice} />
      <TextParagraph text={t('consent.intro')} />
      <section aria-labelledby="wat-ziet-het-bestuur">
        <h2 class="utrecht-heading-2" id="wat-ziet-het-bestuur" safe>
          {t('consent.whatTitle')}
        </h2>
        <TextParagraph text={t('consent.whatSees')} />
        <TextParagraph text={t('consent.whatNot')} />
        <Paragraph>
          <span safe>{t('consent.whatLogged')}</span>{' '}
          <a class="utrecht-link" href="/mijn-gegevens/inzage" safe>
            {t('consent.accessLink')}
          </a>
          .
        </Paragraph>
      </section>
      <h2 class="utrecht-heading-2" safe>
        {t('consent.boardsTitle')}
      </h2>
      {boards.length === 0 ? <TextParagraph text={t('consent.none')} /> : boards.map((board) => <BoardSection ctx={ctx} board={board} errors={errors} />)}
      <h2 class="utrecht-heading-2" safe>
        {t('consent.historyTitle')}
      </h2>
      {history.length === 0 ? (
        <TextParagraph text={t('consent.historyNone')} />
      ) : (
        <Table
          caption={t('consent.historyCaption')}
          rows={history}
          columns={[
            { header: t('consent.col.board'), cell: (c) => <span safe>{c.boardName}</span> },
            { header: t('consent.col.granted'), cell: (c) => <span safe>{formatDate(lang, c.grantedAt)}</span> },
            {
              header: t('consent.col.revoked'),
              cell: (c) => {
                const revoked = c.revokedAt ? formatDate(lang, c.revokedAt) : t('consent.stillValid');
                return <span safe>{revoked}</span>;
              },
            },
          ]}
        />
      )}
    </Layout>
  );
}

/** What the board's staff see with the professional's consent: the activities' public facts and their totals. */
export function BoardDevelopmentPage({
  ctx,
  board,
  person,
  grantedAt,
  activities,
  totals,
}: {
  ctx: PageContext;
  board: BoardRef;
  person: BoardPerson;
  grantedAt: Date;
  activities: VisibleActivity[];
  totals: DevelopmentTotals;
}) {
  const { t, lang } = ctx;
  const title = t('consent.board.title', { name: person.name });
  const kindOf = (a: VisibleActivity) => {
    const kind = t(`dossier.kind.${a.kind}` as Parameters<typeof t>[0]);
    return a.source === 'eigen' ? kind : `${kind} (${t('consent.board.fromOffering')})`;
  };
  return (
    <Layout ctx={ctx} title={title} current="account">
      <PageTitle text={title} />
      <Paragraph>
        <a class="utrecht-link" href={staffListPath(board)} safe>
          {t('consent.board.back')}
        </a>
      </Paragraph>
      <TextParagraph text={t('consent.board.since', { name: person.name, board: board.name, date: formatDate(lang, grantedAt) })} />
      <TextParagraph text={t('consent.board.notShown', { name: person.name })} />
      <h2 class="utrecht-heading-2" safe>
        {t('consent.board.totals')}
      </h2>
      <DataList
        items={[
          { label: t('consent.board.count'), value: <span safe>{formatNumber(lang, totals.activities)}</span> },
          { label: t('consent.board.hours'), value: <span safe>{formatNumber(lang, totals.hours)}</span> },
          { label: t('consent.board.points'), value: <span safe>{formatNumber(lang, totals.points)}</span> },
          { label: t('consent.board.themes'), value: <span safe>{orDash(totals.themes.join(', '))}</span> },
        ]}
      />
      <h2 class="utrecht-heading-2" safe>
        {t('consent.board.activities')}
      </h2>
      {activities.length === 0 ? (
        <TextParagraph text={t('consent.board.none', { name: person.name })} />
      ) : (
        <Table
          caption={t('consent.board.caption', { name: person.name })}
          rows={activities}
          columns={[
            { header: t('consent.board.col.activity'), cell: (a) => <span safe>{a.title}</span> },
            { header: t('consent.board.col.kind'), cell: (a) => <span safe>{kindOf(a)}</span> },
            { header: t('consent.board.col.provider'), cell: (a) => <span safe>{orDash(a.provider)}</span> },
            { header: t('consent.board.col.period'), cell: (a) => <span safe>{formatPeriod(lang, a.startedOn, a.completedOn)}</span> },
            { header: t('consent.board.col.hours'), numeric: true, cell: (a) => <span safe>{formatNumber(lang, a.hours)}</span> },
            { header: t('consent.board.col.points'), numeric: true, cell: (a) => <span safe>{orDash(a.points)}</span> },
            { header: t('consent.board.col.themes'), cell: (a) => <span safe>{orDash(a.themes.join(', '))}</span> },
          ]}
        />
      )}
    </Layout>
  );
}

/** The 403 for the board's own staff when the professional gave no consent (or withdrew it): why, and who decides. */
export function NoConsentPage({ ctx, board, person }: { ctx: PageContext; board: BoardRef; person: BoardPerson }) {
  const { t } = ctx;
  const title = t('consent.board.refusedTitle');
  return (
    <Layout ctx={ctx} title={title} current="account">
      <PageTitle text={title} />
      <TextParagraph text={t('consent.board.refused', { name: person.name, board: board.name })} />
      <Paragraph>
        <a class="utrecht-link" href={staffListPath(board)} safe>
          {t('consent.board.back')}
        </a>
      </Paragraph>
    </Layout>
  );
}
