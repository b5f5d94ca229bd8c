import type { PageContext } from '../../../ui/page-context.ts';
import { Pagination } from '../../../ui/components/pagination.tsx';
import { Table } from '../../../ui/components/table.tsx';
import type { DirectoryEntry } from '../organisations.service.ts';

export type SearchResultsProps = {
  ctx: PageContext;
  entries: DirectoryEntry[];
  total: number;
  page: number;
  pageSize: number;
  /** the query string without `page`, to build the pagination links */
  baseQuery: string;
};

/**
 * The number of results, a live region that stays in the page: a live search changes only its text
 * (htmx `hx-swap-oob="innerHTML"`), so screen readers announce the new count.
 */
export function ResultsCount({ ctx, total, oob }: { ctx: PageContext; total: number; oob?: boolean }) {
  const { t } = ctx;
  return (
    <p class="utrecht-paragraph br-results-count" role="status" id="resultaten-aantal" hx-swap-oob={oob ? 'innerHTML' : undefined} safe>
      {total === 0 ? t('organisations.results.none') : t('organisations.results.count', { total })}
    </p>
  );
}

/** The results region: swapped alone by htmx, part of the full page otherwise. */
export function SearchResults({ ctx, entries, total, page, pageSize, baseQuery }: SearchResultsProps) {
  const { t } = ctx;
  const href = (p: number) => `/organisaties?${baseQuery ? `${baseQuery}&` : ''}page=${p}`;
  return (
    <section id="resultaten" aria-labelledby="resultaten-titel">
      <h2 class="utrecht-heading-2 br-visually-hidden" id="resultaten-titel" safe>
        {t('organisations.results.caption')}
      </h2>
      {entries.length > 0 ? (
        <Table
          caption={t('organisations.results.caption')}
          captionHidden
          rows={entries}
          columns={[
            {
              header: t('organisations.column.name'),
              cell: (e) => (
                <>
                  <a class="utrecht-link" href={`/organisaties/${e.id}`} safe>
                    {e.name}
                  </a>
                  {e.closed ? (
                    <span class="br-tag-closed" safe>
                      {t('organisations.closed')}
                    </span>
                  ) : (
                    ''
                  )}
                </>
              ),
            },
            { header: t('organisations.column.kind'), cell: (e) => t(`organisations.kind.${e.kind}`) },
            { header: t('organisations.column.code'), cell: (e) => <span safe>{e.code}</span> },
            { header: t('organisations.column.place'), cell: (e) => <span safe>{e.place ?? ''}</span> },
            { header: t('organisations.column.board'), cell: (e) => <span safe>{e.boardName ?? e.boardNumber}</span> },
          ]}
        />
      ) : (
        ''
      )}
      <Pagination page={page} pageSize={pageSize} total={total} href={href} t={t} />
    </section>
  );
}
