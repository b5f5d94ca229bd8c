import { Paragraph, Table } from '../../../ui/components/table.tsx';
import { PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import type { OwnEmployment } from '../deliveries.repo.ts';

export function OwnRecordPage({ ctx, email, employments }: { ctx: PageContext; email: string; employments: OwnEmployment[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('own.title')} current="account">
      <PageTitle text={t('own.title')} />
      <TextParagraph text={t('own.intro')} />
      {employments.length === 0 ? (
        <Paragraph>
          <span safe>{t('own.none', { email })}</span>
        </Paragraph>
      ) : (
        <Table
          caption={t('own.caption')}
          rows={employments}
          columns={[
            { header: t('own.col.board'), cell: (e) => <span safe>{e.boardName}</span> },
            { header: t('own.col.school'), cell: (e) => <span safe>{`${e.locationName ?? e.schoolName} (${e.brin})`}</span> },
            { header: t('own.col.function'), cell: (e) => <span safe>{e.function}</span> },
            { header: t('own.col.basis'), cell: (e) => <span safe>{e.appointmentBasis ?? '—'}</span> },
            { header: t('own.col.period'), cell: (e) => <span safe>{e.endDate ? `${e.startDate} – ${e.endDate}` : t('own.since', { date: e.startDate })}</span> },
            { header: t('own.col.status'), cell: (e) => <span safe>{t(`own.status.${e.approvalStatus as 'betwist'}`)}</span> },
          ]}
        />
      )}
    </Layout>
  );
}
