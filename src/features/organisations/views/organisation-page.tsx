import { formatDate } from '../../../platform/i18n.ts';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { DataList, Table } from '../../../ui/components/table.tsx';
import type { OrganisationDetail } from '../organisations.service.ts';
import type { BoardRecord, LocationRecord } from '../organisations.repo.ts';

function boardName(ctx: PageContext, b: BoardRecord): string {
  return b.name ?? ctx.t('organisations.board.unnamed', { number: b.number });
}

function BoardLink({ ctx, board }: { ctx: PageContext; board: BoardRecord }) {
  return (
    <a class="utrecht-link" href={`/organisaties/${board.id}`} safe>
      {`${boardName(ctx, board)} (${board.number})`}
    </a>
  );
}

function address(l: LocationRecord): string {
  return [[l.street, l.houseNumber].filter(Boolean).join(' '), [l.postcode, l.place].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

function status(ctx: PageContext, closedAt: Date | null): string {
  return closedAt ? ctx.t('organisations.location.closedSince', { date: formatDate(ctx.lang, closedAt) }) : ctx.t('organisations.location.open');
}

export function OrganisationPage({ ctx, detail }: { ctx: PageContext; detail: OrganisationDetail }) {
  const { t } = ctx;
  if (detail.kind === 'bestuur') {
    const title = boardName(ctx, detail.board);
    return (
      <Layout ctx={ctx} title={title} current="organisations">
        <h1 class="utrecht-heading-1" safe>
          {title}
        </h1>
        <DataList
          items={[
            { label: t('organisations.board.number'), value: <span safe>{detail.board.number}</span> },
            { label: t('organisations.board.kvk'), value: <span safe>{detail.board.kvkNumber ?? '–'}</span> },
          ]}
        />
        <h2 class="utrecht-heading-2" safe>
          {t('organisations.board.schools')}
        </h2>
        {detail.schools.length === 0 ? (
          <p class="utrecht-paragraph" safe>
            {t('organisations.board.noSchools')}
          </p>
        ) : (
          <Table
            caption={t('organisations.board.schools')}
            captionHidden
            rows={detail.schools}
            columns={[
              {
                header: t('organisations.column.name'),
                cell: (s) => (
                  <a class="utrecht-link" href={`/organisaties/${s.id}`} safe>
                    {s.name}
                  </a>
                ),
              },
              { header: t('organisations.school.brin'), cell: (s) => <span safe>{s.brin}</span> },
              { header: t('organisations.column.place'), cell: (s) => <span safe>{s.place ?? ''}</span> },
              { header: t('organisations.school.locations'), numeric: true, cell: (s) => String(s.locationCount) },
              { header: t('organisations.location.status'), cell: (s) => <span safe>{status(ctx, s.closedAt)}</span> },
            ]}
          />
        )}
      </Layout>
    );
  }
  if (detail.kind === 'school') {
    return (
      <Layout ctx={ctx} title={detail.school.name} current="organisations">
        <h1 class="utrecht-heading-1" safe>
          {detail.school.name}
        </h1>
        <DataList
          items={[
            { label: t('organisations.school.brin'), value: <span safe>{detail.school.brin}</span> },
            { label: t('organisations.school.board'), value: <BoardLink ctx={ctx} board={detail.board} /> },
            { label: t('organisations.location.status'), value: <span safe>{status(ctx, detail.school.closedAt)}</span> },
          ]}
        />
        <h2 class="utrecht-heading-2" safe>
          {t('organisations.school.locations')}
        </h2>
        <Table
          caption={t('organisations.school.locations')}
          captionHidden
          rows={detail.locations}
          columns={[
            {
              header: t('organisations.column.name'),
              cell: (l) => (
                <a class="utrecht-link" href={`/organisaties/${l.id}`} safe>
                  {l.name}
                </a>
              ),
            },
            { header: t('organisations.location.code'), cell: (l) => <span safe>{l.code}</span> },
            { header: t('organisations.location.address'), cell: (l) => <span safe>{address(l)}</span> },
            { header: t('organisations.location.status'), cell: (l) => <span safe>{status(ctx, l.closedAt)}</span> },
          ]}
        />
      </Layout>
    );
  }
  const l = detail.location;
  return (
    <Layout ctx={ctx} title={l.name} current="organisations">
      <h1 class="utrecht-heading-1" safe>
        {l.name}
      </h1>
      <DataList
        items={[
          { label: t('organisations.location.code'), value: <span safe>{l.code}</span> },
          {
            label: t('organisations.location.school'),
            value: (
              <a class="utrecht-link" href={`/organisaties/${detail.school.id}`} safe>
                {`${detail.school.name} (${detail.school.brin})`}
              </a>
            ),
          },
          { label: t('organisations.school.board'), value: <BoardLink ctx={ctx} board={detail.board} /> },
          { label: t('organisations.location.address'), value: <span safe>{address(l)}</span> },
          { label: t('organisations.location.municipality'), value: <span safe>{l.municipalityName ?? '–'}</span> },
          { label: t('organisations.location.province'), value: <span safe>{l.province ?? '–'}</span> },
          { label: t('organisations.location.denomination'), value: <span safe>{l.denomination ?? '–'}</span> },
          { label: t('organisations.location.phone'), value: <span safe>{l.phone ?? '–'}</span> },
          {
            label: t('organisations.location.website'),
            value: l.website ? (
              <a class="utrecht-link" href={/^https?:\/\//.test(l.website) ? l.website : `https://${l.website}`} rel="noopener" safe>
                {l.website}
              </a>
            ) : (
              '–'
            ),
          },
          { label: t('organisations.location.status'), value: <span safe>{status(ctx, l.closedAt)}</span> },
        ]}
      />
    </Layout>
  );
}
