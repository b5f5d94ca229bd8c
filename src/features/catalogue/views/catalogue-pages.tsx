import Html from '@kitajs/html';
import { formatNumber } from '../../../platform/i18n.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, errorFor, type FieldError } from '../../../ui/components/error-summary.tsx';
import { SelectField, TextField } from '../../../ui/components/form-field.tsx';
import { Pagination } from '../../../ui/components/pagination.tsx';
import { DataList, Paragraph, Table } from '../../../ui/components/table.tsx';
import { PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { offeringFormats, provinces, type CatalogueQuery } from '../catalogue.rules.ts';
import { calendarPath, type CatalogueResult, type Offering, type Run } from '../catalogue.service.ts';
import { paragraphsOf, price, readableDate, runWhen, runWhere } from './format.ts';

export const cataloguePath = '/aanbod';

/** The query string of the filters that are set, without `page`. */
export function catalogueQueryString(q: CatalogueQuery): string {
  return new URLSearchParams(Object.entries(q).filter(([, v]) => v)).toString();
}

/** A link to a run's calendar file, named for the run so that every link says where it goes. */
function CalendarLink({ ctx, offeringId, run }: { ctx: PageContext; offeringId: string; run: Run }) {
  return (
    <a class="utrecht-link" href={calendarPath(offeringId, run.id)} download="" type="text/calendar">
      <span safe>{ctx.t('catalogue.ics')}</span>
      <span class="br-visually-hidden" safe>{` ${runWhen(ctx.lang, run)}`}</span>
    </a>
  );
}

/** The number of results: a live region that stays in the page, so a live search announces the new count. */
export function CatalogueCount({ ctx, total, oob }: { ctx: PageContext; total: number | null; oob?: boolean }) {
  const { t } = ctx;
  const text = total === null ? '' : total === 0 ? t('catalogue.results.none') : t('catalogue.results.count', { total });
  return (
    <p class="utrecht-paragraph br-results-count" role="status" id="resultaten-aantal" hx-swap-oob={oob ? 'innerHTML' : undefined} safe>
      {text}
    </p>
  );
}

type ResultsProps = { ctx: PageContext; result: CatalogueResult | null; query: CatalogueQuery; filtered: boolean };

/** The results region: swapped alone by htmx, part of the whole page otherwise. */
export function CatalogueResults({ ctx, result, query, filtered }: ResultsProps) {
  const { t, lang } = ctx;
  const base = catalogueQueryString(query);
  const href = (p: number) => `${cataloguePath}?${base ? `${base}&` : ''}page=${p}`;
  return (
    <section id="resultaten" aria-labelledby="resultaten-titel">
      <h2 class="utrecht-heading-2 br-visually-hidden" id="resultaten-titel" safe>
        {t('catalogue.results.title')}
      </h2>
      {!result ? (
        ''
      ) : result.entries.length === 0 ? (
        filtered ? (
          <Paragraph>
            <span safe>{t('catalogue.empty.filtered')}</span>{' '}
            <a class="utrecht-link" href={cataloguePath} safe>
              {t('catalogue.empty.clear')}
            </a>
          </Paragraph>
        ) : (
          <TextParagraph text={t('catalogue.empty')} />
        )
      ) : (
        <div class="br-offerings">
          {result.entries.map((e) => {
            const facts = [
              t('catalogue.points', { points: e.points ?? 0 }),
              t('catalogue.hours', { hours: e.studyLoadHours }),
              t(`catalogue.format.${e.format as (typeof offeringFormats)[number]}`),
              price(lang, t, e.priceCents),
            ].join(' · ');
            return (
              <article class="br-offering" aria-labelledby={`aanbod-${e.id}`}>
                <h3 class="utrecht-heading-3" id={`aanbod-${e.id}`}>
                  <a class="utrecht-link" href={`${cataloguePath}/${e.id}`} safe>
                    {e.title}
                  </a>
                </h3>
                <p class="utrecht-paragraph" safe>
                  {e.organisationName}
                </p>
                <p class="utrecht-paragraph" safe>
                  {facts}
                </p>
                {e.themes.length > 0 ? (
                  <p class="utrecht-paragraph" safe>
                    {`${t('catalogue.field.themes')}: ${e.themes.join(', ')}`}
                  </p>
                ) : (
                  ''
                )}
                {e.runs.length === 0 ? (
                  <p class="utrecht-paragraph br-small" safe>
                    {t('catalogue.noRuns')}
                  </p>
                ) : (
                  <ul class="utrecht-unordered-list" aria-label={t('catalogue.runsOf', { title: e.title })}>
                    {e.runs.map((r) => (
                      <li class="utrecht-unordered-list__item">
                        <span safe>{`${runWhen(lang, r)}, ${runWhere(t, r)}`}</span> <CalendarLink ctx={ctx} offeringId={e.id} run={r} />
                      </li>
                    ))}
                  </ul>
                )}
              </article>
            );
          })}
        </div>
      )}
      {result ? <Pagination page={result.page} pageSize={result.pageSize} total={result.total} href={href} t={t} /> : ''}
    </section>
  );
}

/** The filters besides the search words, in the disclosure. */
const furtherFilters = ['thema', 'competentie', 'regio', 'vorm', 'puntenMin', 'puntenMax', 'vanaf', 'tot'] as const;

type CatalogueProps = ResultsProps & { facets: { themes: string[]; competencies: string[] }; errors?: FieldError[] };

/**
 * The public catalogue (nascholingsagenda): a plain GET form that works without JavaScript; with
 * htmx, typing or changing a filter swaps only the results and keeps the URL shareable.
 */
export function CataloguePage(props: CatalogueProps) {
  const { ctx, query, facets, errors = [], result } = props;
  const { t } = ctx;
  const any = { value: '', label: t('catalogue.filter.any') };
  const narrowed = furtherFilters.some((field) => query[field] || errorFor(errors, field));
  const options = (values: readonly string[]) => [any, ...values.map((v) => ({ value: v, label: v }))];
  const htmx = {
    'hx-get': cataloguePath,
    'hx-target': '#resultaten',
    'hx-select': '#resultaten',
    'hx-swap': 'outerHTML',
    'hx-push-url': 'true',
    'hx-trigger': 'input changed delay:300ms from:#zoek, change from:(.br-search select), submit',
  };
  return (
    <Layout ctx={ctx} title={t('catalogue.title')} current="catalogue">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={t('catalogue.title')} />
      <TextParagraph text={t('catalogue.intro')} />
      {/* biome-ignore lint/a11y/useSemanticElements: a form with role=search is a search landmark in every browser and screen reader; the <search> element (2023) is not yet everywhere */}
      <form class="br-form br-search" method="get" action={cataloguePath} role="search" novalidate {...htmx}>
        <div class="br-search__query">
          <TextField
            id="zoek"
            name="zoek"
            type="search"
            label={t('catalogue.filter.search')}
            hint={t('catalogue.filter.searchHint')}
            value={query.zoek}
            error={errorFor(errors, 'zoek')}
            autocomplete="off"
          />
        </div>
        {/* the further filters stay out of the way (on a phone they pushed the results two screens down) until one is set */}
        <details class="br-filters" open={narrowed}>
          <summary class="br-filters__summary" safe>
            {t('catalogue.filter.more')}
          </summary>
          <div class="br-filters__fields">
            <SelectField id="thema" name="thema" label={t('catalogue.filter.theme')} value={query.thema} options={options(facets.themes)} />
            <SelectField
              id="competentie"
              name="competentie"
              label={t('catalogue.filter.competency')}
              value={query.competentie}
              options={options(facets.competencies)}
            />
            <SelectField
              id="regio"
              name="regio"
              label={t('catalogue.filter.region')}
              value={query.regio}
              error={errorFor(errors, 'regio')}
              options={[any, { value: 'online', label: t('catalogue.online') }, ...provinces.map((p) => ({ value: p, label: p }))]}
            />
            <SelectField
              id="vorm"
              name="vorm"
              label={t('catalogue.filter.format')}
              value={query.vorm}
              error={errorFor(errors, 'vorm')}
              options={[any, ...offeringFormats.map((f) => ({ value: f, label: t(`catalogue.format.${f}`) }))]}
            />
            <TextField
              id="puntenMin"
              name="puntenMin"
              label={t('catalogue.filter.pointsMin')}
              value={query.puntenMin}
              error={errorFor(errors, 'puntenMin')}
              attrs={{ inputmode: 'numeric' }}
            />
            <TextField
              id="puntenMax"
              name="puntenMax"
              label={t('catalogue.filter.pointsMax')}
              value={query.puntenMax}
              error={errorFor(errors, 'puntenMax')}
              attrs={{ inputmode: 'numeric' }}
            />
            <TextField
              id="vanaf"
              name="vanaf"
              label={t('catalogue.filter.from')}
              hint={t('catalogue.filter.dateHint')}
              value={query.vanaf}
              error={errorFor(errors, 'vanaf')}
            />
            <TextField
              id="tot"
              name="tot"
              label={t('catalogue.filter.until')}
              hint={t('catalogue.filter.dateHint')}
              value={query.tot}
              error={errorFor(errors, 'tot')}
            />
          </div>
        </details>
        <div class="br-search__actions">
          <Button>{Html.escapeHtml(t('catalogue.filter.button'))}</Button>
        </div>
      </form>
      <CatalogueCount ctx={ctx} total={result ? result.total : null} />
      <CatalogueResults {...props} />
    </Layout>
  );
}

/** One offering of the catalogue: what it is, who gives it, what it counts for, and its upcoming runs. */
export function OfferingPage({ ctx, offering, runs }: { ctx: PageContext; offering: Offering; runs: Run[] }) {
  const { t, lang } = ctx;
  const themes = offering.accreditedThemes ?? offering.themes;
  const orDash = (values: string[]) => (values.length > 0 ? values.join(', ') : '—');
  return (
    <Layout ctx={ctx} title={offering.title} current="catalogue">
      <PageTitle text={offering.title} />
      <Paragraph lead>
        <span safe>{offering.organisationName}</span>
      </Paragraph>
      <Paragraph>
        <a class="utrecht-link" href={cataloguePath} safe>
          {t('catalogue.back')}
        </a>
      </Paragraph>
      <DataList
        items={[
          { label: t('catalogue.field.provider'), value: <span safe>{offering.organisationName}</span> },
          { label: t('catalogue.field.points'), value: <span safe>{String(offering.accreditedPoints ?? '—')}</span> },
          { label: t('catalogue.field.themes'), value: <span safe>{orDash(themes)}</span> },
          { label: t('catalogue.field.competencies'), value: <span safe>{orDash(offering.competencies)}</span> },
          { label: t('catalogue.field.studyLoad'), value: <span safe>{t('catalogue.hours', { hours: offering.studyLoadHours })}</span> },
          { label: t('catalogue.field.format'), value: <span safe>{t(`catalogue.format.${offering.format as (typeof offeringFormats)[number]}`)}</span> },
          { label: t('catalogue.field.price'), value: <span safe>{price(lang, t, offering.priceCents)}</span> },
          {
            label: t('catalogue.field.contact'),
            value: (
              <>
                <span safe>{`${offering.contactName}, `}</span>
                <a class="utrecht-link" href={`mailto:${offering.contactEmail}`} safe>
                  {offering.contactEmail}
                </a>
              </>
            ),
          },
          ...(offering.website && /^https?:\/\//i.test(offering.website)
            ? [
                {
                  label: t('catalogue.field.website'),
                  value: (
                    <a class="utrecht-link" href={offering.website} safe>
                      {offering.website}
                    </a>
                  ),
                },
              ]
            : []),
          {
            label: t('catalogue.field.validity'),
            value: (
              <span safe>{t('catalogue.validity', { from: readableDate(lang, offering.validFrom), until: readableDate(lang, offering.validUntil) })}</span>
            ),
          },
        ]}
      />
      <h2 class="utrecht-heading-2" safe>
        {t('catalogue.description')}
      </h2>
      {paragraphsOf(offering.description).map((p) => (
        <p class="utrecht-paragraph" safe>
          {p}
        </p>
      ))}
      <h2 class="utrecht-heading-2" safe>
        {t('catalogue.goals')}
      </h2>
      {paragraphsOf(offering.learningGoals).map((p) => (
        <p class="utrecht-paragraph" safe>
          {p}
        </p>
      ))}
      <h2 class="utrecht-heading-2" safe>
        {t('catalogue.runs')}
      </h2>
      {runs.length === 0 ? (
        <TextParagraph text={t('catalogue.noRuns')} />
      ) : (
        <Table
          caption={t('catalogue.runsOf', { title: offering.title })}
          captionHidden
          rows={runs}
          columns={[
            { header: t('runs.col.when'), cell: (r) => <span safe>{runWhen(lang, r)}</span> },
            { header: t('runs.col.where'), cell: (r) => <span safe>{runWhere(t, r)}</span> },
            { header: t('runs.col.capacity'), numeric: true, cell: (r) => <span safe>{formatNumber(lang, r.capacity)}</span> },
            { header: t('catalogue.col.calendar'), cell: (r) => <CalendarLink ctx={ctx} offeringId={offering.id} run={r} /> },
          ]}
        />
      )}
    </Layout>
  );
}
