import { Pagination } from '../../../ui/components/pagination.tsx';
import { Paragraph, Table } from '../../../ui/components/table.tsx';
import { PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { employmentsText, type StaffLine } from '../board-staff.service.ts';

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

/** The board's professionals: their check of the delivered data and their inschrijving, with a filter and a CSV export. */
export function BoardStaffPage({
  ctx,
  board,
  staff,
  attentionOnly,
  page,
  pageSize,
  total,
}: {
  ctx: PageContext;
  board: BoardRef;
  staff: StaffLine[];
  attentionOnly: boolean;
  page: number;
  pageSize: number;
  total: number;
}) {
  const { t } = ctx;
  const base = staffPath(board);
  const filter = attentionOnly ? 'aandacht=ja' : '';
  const title = t('staff.title', { board: board.name });
  const check = (s: StaffLine) =>
    [s.toCheck > 0 ? t('staff.toCheck', { count: s.toCheck }) : '', s.disputed > 0 ? t('staff.disputed', { count: s.disputed }) : '']
      .filter(Boolean)
      .join(', ') || t('staff.checked');
  return (
    <Layout ctx={ctx} title={title} current="account">
      <PageTitle text={title} />
      <TextParagraph text={t('staff.intro')} />
      <p class="utrecht-paragraph">
        {attentionOnly ? (
          <a class="utrecht-link" href={base} safe>
            {t('staff.showAll')}
          </a>
        ) : (
          <a class="utrecht-link" href={`${base}?aandacht=ja`} safe>
            {t('staff.showAttention')}
          </a>
        )}
        {' · '}
        <a class="utrecht-link" href={`${base}.csv${filter ? `?${filter}` : ''}`} download="" safe>
          {t('staff.download')}
        </a>
      </p>
      {staff.length === 0 ? (
        <Paragraph>
          <span safe>{attentionOnly ? t('staff.noneAttention') : t('staff.none')}</span>
        </Paragraph>
      ) : (
        <>
          <Table
            caption={attentionOnly ? t('staff.captionAttention') : t('staff.caption')}
            rows={staff}
            columns={[
              { header: t('staff.col.name'), cell: (s) => <span safe>{s.name}</span> },
              { header: t('staff.col.staffNumber'), cell: (s) => <span safe>{s.staffNumbers}</span> },
              { header: t('staff.col.employments'), cell: (s) => <span safe>{employmentsText(t, s.employments)}</span> },
              { header: t('staff.col.check'), cell: (s) => <span safe>{check(s)}</span> },
              { header: t('staff.col.registerNumber'), cell: (s) => <span safe>{s.registerNumber ?? '—'}</span> },
              { header: t('staff.col.status'), cell: (s) => <span safe>{s.status ?? t('staff.notEnrolled')}</span> },
              { header: t('staff.col.renewBy'), cell: (s) => <span safe>{s.validUntil ?? '—'}</span> },
              { header: t('consent.staff.col'), cell: (s) => <DevelopmentCell ctx={ctx} board={board} line={s} /> },
              { header: t('staff.col.account'), cell: (s) => <AccountCell ctx={ctx} board={board} line={s} /> },
            ]}
          />
          <Pagination page={page} pageSize={pageSize} total={total} t={t} href={(p) => `${base}?page=${p}${filter ? `&${filter}` : ''}`} />
        </>
      )}
    </Layout>
  );
}
