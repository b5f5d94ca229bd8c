import { formatDay } from '../../../platform/i18n.ts';
import Html from '@kitajs/html';
import { Button } from '../../../ui/components/button.tsx';
import { TextField } from '../../../ui/components/form-field.tsx';
import { Pagination } from '../../../ui/components/pagination.tsx';
import { Paragraph, Table } from '../../../ui/components/table.tsx';
import { PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { employmentsText, employmentText, type StaffLine } from '../board-staff.service.ts';
import { employmentEntryPath, entryPath } from '../../deliveries/index.ts';
import { enrolmentStatusLabel } from '../../register/index.ts';

export type BoardRef = { id: string; number: string; name: string };
export const staffPath = (board: BoardRef) => `/beheer/bestuur/${board.id}/personeel`;

/** With the professional's consent, a link to their development activities; without it, a plain "geen inzage". */
function DevelopmentCell({ ctx, board, line }: { ctx: PageContext; board: BoardRef; line: StaffLine }) {
  if (!line.developmentConsent) return <span safe>{ctx.t('consent.staff.none')}</span>;
  return (
    <a class="utrecht-link" href={`${staffPath(board)}/${line.personId}/professionalisering`}>
      <span safe>{ctx.t('consent.staff.view')}</span>
      <span class="br-visually-hidden" safe>{`: ${line.name}`}</span>
    </a>
  );
}

/** "gekoppeld" once an account has the record; without one, the way to an activation letter (decision 021). */
function AccountCell({ ctx, board, line }: { ctx: PageContext; board: BoardRef; line: StaffLine }) {
  if (line.linked) return <span safe>{ctx.t('staff.linked')}</span>;
  return (
    <a class="utrecht-link" href={`${staffPath(board)}/${line.personId}/activeringscode`}>
      <span safe>{ctx.t('staff.activationCode')}</span>
      <span class="br-visually-hidden" safe>{`: ${line.name}`}</span>
    </a>
  );
}

/** A professional's current employments; for those who may deliver, each with the entry screen's links to change or end it. */
function EmploymentsCell({ ctx, board, line, canDeliver }: { ctx: PageContext; board: BoardRef; line: StaffLine; canDeliver: boolean }) {
  const { t } = ctx;
  if (!canDeliver) return <span safe>{employmentsText(t, line.employments)}</span>;
  return (
    <ul class="utrecht-unordered-list br-plain-list">
      {line.employments.map((e) => {
        const which = `: ${employmentText(t, e)}, ${line.name}`;
        return (
          <li class="utrecht-unordered-list__item">
            <span safe>{employmentText(t, e)}</span>{' '}
            <a class="utrecht-link" href={employmentEntryPath(board, e.id, 'wijziging')}>
              <span safe>{t('entry.staff.change')}</span>
              <span class="br-visually-hidden" safe>
                {which}
              </span>
            </a>
            {' · '}
            <a class="utrecht-link" href={employmentEntryPath(board, e.id, 'einde')}>
              <span safe>{t('entry.staff.end')}</span>
              <span class="br-visually-hidden" safe>
                {which}
              </span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}

/** The list's links keep what it shows: the filter and the search, and a page. */
function listQuery(options: { attentionOnly: boolean; search: string; page?: number }): string {
  const query = new URLSearchParams();
  if (options.attentionOnly) query.set('aandacht', 'ja');
  if (options.search) query.set('zoek', options.search);
  if (options.page) query.set('page', String(options.page));
  const text = query.toString();
  return text ? `?${text}` : '';
}

/**
 * The board's professionals: their check of the delivered data and their inschrijving, with a search by
 * name or personeelsnummer, a filter and a CSV export. Those who may deliver get the entry screen's links.
 */
export function BoardStaffPage({
  ctx,
  board,
  staff,
  attentionOnly,
  search = '',
  canDeliver = false,
  page,
  pageSize,
  total,
}: {
  ctx: PageContext;
  board: BoardRef;
  staff: StaffLine[];
  attentionOnly: boolean;
  search?: string;
  canDeliver?: boolean;
  page: number;
  pageSize: number;
  total: number;
}) {
  const { t } = ctx;
  const base = staffPath(board);
  const title = t('staff.title', { board: board.name });
  const check = (s: StaffLine) =>
    [s.toCheck > 0 ? t('staff.toCheck', { count: s.toCheck }) : '', s.disputed > 0 ? t('staff.disputed', { count: s.disputed }) : '']
      .filter(Boolean)
      .join(', ') || t('staff.checked');
  const none = search ? t('staff.noneFound', { search }) : attentionOnly ? t('staff.noneAttention') : t('staff.none');
  return (
    <Layout ctx={ctx} title={title} current="account">
      <PageTitle text={title} />
      <TextParagraph text={t('staff.intro')} />
      <p class="utrecht-paragraph">
        {attentionOnly ? (
          <a class="utrecht-link" href={`${base}${listQuery({ attentionOnly: false, search })}`} safe>
            {t('staff.showAll')}
          </a>
        ) : (
          <a class="utrecht-link" href={`${base}${listQuery({ attentionOnly: true, search })}`} safe>
            {t('staff.showAttention')}
          </a>
        )}
        {' · '}
        <a class="utrecht-link" href={`${base}.csv${listQuery({ attentionOnly, search })}`} download="" safe>
          {t('staff.download')}
        </a>
        {canDeliver ? (
          <>
            {' · '}
            <a class="utrecht-link" href={entryPath(board)} safe>
              {t('entry.staff.add')}
            </a>
          </>
        ) : (
          ''
        )}
      </p>
      {/* biome-ignore lint/a11y/useSemanticElements: a GET form with role=search is the landmark every screen reader knows; the <search> element is too new to rely on */}
      <form class="br-form br-search" method="get" action={base} role="search" novalidate>
        {attentionOnly ? <input type="hidden" name="aandacht" value="ja" /> : ''}
        <TextField id="zoek" name="zoek" type="search" label={t('staff.search')} hint={t('staff.search.hint')} value={search} autocomplete="off" />
        <Button>{Html.escapeHtml(t('staff.searchButton'))}</Button>
      </form>
      {staff.length === 0 ? (
        <Paragraph>
          <span safe>{none}</span>
        </Paragraph>
      ) : (
        <>
          <Table
            caption={attentionOnly ? t('staff.captionAttention') : t('staff.caption')}
            rows={staff}
            columns={[
              { header: t('staff.col.name'), cell: (s) => <span safe>{s.name}</span> },
              { header: t('staff.col.staffNumber'), cell: (s) => <span safe>{s.staffNumbers}</span> },
              { header: t('staff.col.employments'), cell: (s) => <EmploymentsCell ctx={ctx} board={board} line={s} canDeliver={canDeliver} /> },
              { header: t('staff.col.check'), cell: (s) => <span safe>{check(s)}</span> },
              { header: t('staff.col.registerNumber'), cell: (s) => <span safe>{s.registerNumber ?? '—'}</span> },
              { header: t('staff.col.status'), cell: (s) => <span safe>{s.status ? enrolmentStatusLabel(t, s.status) : t('staff.notEnrolled')}</span> },
              { header: t('staff.col.renewBy'), cell: (s) => <span>{s.validUntil ? formatDay(ctx.lang, s.validUntil) : '—'}</span> },
              { header: t('consent.staff.col'), cell: (s) => <DevelopmentCell ctx={ctx} board={board} line={s} /> },
              { header: t('staff.col.account'), cell: (s) => <AccountCell ctx={ctx} board={board} line={s} /> },
            ]}
          />
          <Pagination page={page} pageSize={pageSize} total={total} t={t} href={(p) => `${base}${listQuery({ attentionOnly, search, page: p })}`} />
        </>
      )}
    </Layout>
  );
}
