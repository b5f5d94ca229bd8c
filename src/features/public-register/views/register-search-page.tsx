import Html from '@kitajs/html';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, type FieldError } from '../../../ui/components/error-summary.tsx';
import { TextField } from '../../../ui/components/form-field.tsx';
import { Pagination } from '../../../ui/components/pagination.tsx';
import { Paragraph, Table } from '../../../ui/components/table.tsx';
import { PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { countCeiling, enrolmentStatusLabel } from '../../register/index.ts';
import type { PublicEntry } from '../../register/index.ts';

export type RegisterForm = { naam: string; registernummer: string; school: string };

type Results = { entries: PublicEntry[]; total: number; page: number; pageSize: number } | null;

/** The public register: a plain GET form (it works without JavaScript) and the public fields only. */
export function RegisterSearchPage({ ctx, form, results, errors = [] }: { ctx: PageContext; form: RegisterForm; results: Results; errors?: FieldError[] }) {
  const { t } = ctx;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const query = new URLSearchParams(Object.entries(form).filter(([, v]) => v)).toString();
  const count = !results
    ? ''
    : results.total >= countCeiling
      ? t('register.countMore', { count: countCeiling })
      : t('register.count', { count: results.total });
  return (
    <Layout ctx={ctx} title={t('register.title')} current="register">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={t('register.title')} />
      <TextParagraph text={t('register.intro')} />
      {/* biome-ignore lint/a11y/useSemanticElements: a GET form with role=search is the landmark every screen reader knows; the <search> element is too new to rely on */}
      <form class="br-form br-search" method="get" action="/register" role="search" novalidate>
        <TextField
          id="naam"
          name="naam"
          type="search"
          label={t('register.name')}
          hint={t('register.nameHint')}
          value={form.naam}
          error={error('naam')}
          autocomplete="off"
        />
        <TextField
          id="registernummer"
          name="registernummer"
          label={t('register.number')}
          value={form.registernummer}
          error={error('registernummer')}
          autocomplete="off"
        />
        <TextField id="school" name="school" label={t('register.school')} value={form.school} error={error('school')} autocomplete="off" />
        <Button>{Html.escapeHtml(t('register.search'))}</Button>
      </form>
      {results ? (
        <section aria-labelledby="resultaten-titel">
          <h2 class="utrecht-heading-2" id="resultaten-titel" safe>
            {count}
          </h2>
          {results.entries.length === 0 ? (
            <Paragraph>
              <span safe>{t('register.none')}</span>
            </Paragraph>
          ) : (
            <>
              <Table
                caption={t('register.caption')}
                captionHidden
                rows={results.entries}
                columns={[
                  { header: t('register.col.name'), cell: (e) => <span safe>{e.name}</span> },
                  { header: t('register.col.number'), cell: (e) => <span safe>{e.registerNumber}</span> },
                  { header: t('register.col.status'), cell: (e) => <span safe>{enrolmentStatusLabel(t, e.status)}</span> },
                  {
                    header: t('register.col.registration'),
                    cell: (e) => (
                      <span safe>
                        {e.registrations
                          .map(
                            (r) =>
                              `${r.register}: ${r.title} ${r.level}, ${r.lapsed ? t('register.lapsedSince', { date: r.validUntil }) : t('register.validUntil', { date: r.validUntil })}`,
                          )
                          .join('; ') || '—'}
                      </span>
                    ),
                  },
                  {
                    header: t('register.col.schools'),
                    cell: (e) => <span safe>{e.schools.map((s) => (s.place ? `${s.name} (${s.place})` : s.name)).join('; ') || '—'}</span>,
                  },
                ]}
              />
              <Pagination page={results.page} pageSize={results.pageSize} total={results.total} t={t} href={(p) => `/register?${query}&page=${p}`} />
            </>
          )}
        </section>
      ) : (
        ''
      )}
      <p class="utrecht-paragraph br-small" safe>
        {t('register.privacy')}
      </p>
    </Layout>
  );
}
