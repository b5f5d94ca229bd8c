import type { Translate } from '../../platform/i18n.ts';

export type PaginationProps = {
  page: number;
  pageSize: number;
  total: number;
  /** builds the link to a page, keeping the other query parameters */
  href: (page: number) => string;
  t: Translate;
  /** extra attributes on every link (e.g. htmx hooks) */
  linkAttrs?: Record<string, string>;
};

/** Pages around the current one, first and last; previous/next as text links. */
export function pageWindow(page: number, pages: number): (number | 'gap')[] {
  const wanted = new Set([1, pages, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pages));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | 'gap')[] = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1] > 1) out.push('gap');
    out.push(p);
  });
  return out;
}

export function Pagination({ page, pageSize, total, href, t, linkAttrs = {} }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return '';
  return (
    <nav class="utrecht-pagination" aria-label={t('pagination.label')}>
      <span class="utrecht-pagination__before">
        {page > 1 ? (
          <a class="utrecht-pagination__relative-link utrecht-pagination__relative-link--prev" href={href(page - 1)} rel="prev" {...linkAttrs} safe>
            {t('pagination.previous')}
          </a>
        ) : (
          ''
        )}
      </span>
      <span class="utrecht-pagination__pages">
        {pageWindow(page, pages).map((p) =>
          p === 'gap' ? (
            <span class="br-pagination-gap" aria-hidden="true">
              …
            </span>
          ) : p === page ? (
            <a
              class="utrecht-pagination__page-link utrecht-pagination__page-link--current"
              href={href(p)}
              aria-current="page"
              aria-label={t('pagination.current', { page: p, pages })}
              {...linkAttrs}
              safe
            >
              {String(p)}
            </a>
          ) : (
            <a class="utrecht-pagination__page-link" href={href(p)} aria-label={t('pagination.page', { page: p })} {...linkAttrs} safe>
              {String(p)}
            </a>
          ),
        )}
      </span>
      <span class="utrecht-pagination__after">
        {page < pages ? (
          <a class="utrecht-pagination__relative-link utrecht-pagination__relative-link--next" href={href(page + 1)} rel="next" {...linkAttrs} safe>
            {t('pagination.next')}
          </a>
        ) : (
          ''
        )}
      </span>
    </nav>
  );
}

export const paginationExamples = {
  middle: (t: Translate) => <Pagination page={5} pageSize={20} total={400} href={(p) => `?page=${p}`} t={t} />,
  first: (t: Translate) => <Pagination page={1} pageSize={20} total={45} href={(p) => `?page=${p}`} t={t} />,
};
