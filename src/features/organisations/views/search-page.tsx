import Html from '@kitajs/html';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { Button } from '../../../ui/components/button.tsx';
import { CheckboxField, SelectField, TextField } from '../../../ui/components/form-field.tsx';
import { Paragraph } from '../../../ui/components/table.tsx';
import { ResultsCount, SearchResults, type SearchResultsProps } from './search-results.tsx';

export type SearchForm = { zoek: string; soort: string; provincie: string; denominatie: string; inclusiefGesloten: boolean };

type Props = SearchResultsProps & {
  ctx: PageContext;
  form: SearchForm;
  facets: { provinces: string[]; denominations: string[] };
};

/**
 * A plain GET form that works without JavaScript; with htmx, typing or changing a filter swaps only
 * the results region (the server answers HX-Request with the partial) and keeps the URL shareable.
 */
export function SearchPage(props: Props) {
  const { ctx, form, facets } = props;
  const { t } = ctx;
  const any = { value: '', label: t('organisations.filter.any') };
  const htmx = {
    'hx-get': '/organisaties',
    'hx-target': '#resultaten',
    'hx-select': '#resultaten',
    'hx-swap': 'outerHTML',
    'hx-push-url': 'true',
    'hx-trigger': 'input changed delay:300ms from:#zoek, change from:(.br-search select), change from:(.br-search input[type=checkbox]), submit',
  };
  return (
    <Layout ctx={ctx} title={t('organisations.title')} current="organisations">
      <h1 class="utrecht-heading-1" safe>
        {t('organisations.title')}
      </h1>
      <Paragraph>
        <span safe>{t('organisations.intro')}</span>
      </Paragraph>
      {/* biome-ignore lint/a11y/useSemanticElements: role="search" on the form is the landmark every screen reader we test with knows; the newer <search> element is not yet announced by all of them */}
      <form class="br-search" method="get" action="/organisaties" role="search" {...htmx}>
        <div class="br-search__query">
          <TextField
            id="zoek"
            name="zoek"
            type="search"
            label={t('organisations.search.label')}
            hint={t('organisations.search.hint')}
            value={form.zoek}
            autocomplete="off"
          />
        </div>
        <SelectField
          id="soort"
          name="soort"
          label={t('organisations.filter.kind')}
          value={form.soort}
          options={[any, ...(['bestuur', 'school', 'vestiging'] as const).map((k) => ({ value: k, label: t(`organisations.kind.${k}`) }))]}
        />
        <SelectField
          id="provincie"
          name="provincie"
          label={t('organisations.filter.province')}
          value={form.provincie}
          options={[any, ...facets.provinces.map((p) => ({ value: p, label: p }))]}
        />
        <SelectField
          id="denominatie"
          name="denominatie"
          label={t('organisations.filter.denomination')}
          value={form.denominatie}
          options={[any, ...facets.denominations.map((d) => ({ value: d, label: d }))]}
        />
        <CheckboxField
          id="inclusiefGesloten"
          name="inclusiefGesloten"
          value="true"
          label={t('organisations.filter.includeClosed')}
          checked={form.inclusiefGesloten}
        />
        <div class="br-search__actions">
          <Button>{Html.escapeHtml(t('organisations.search.button'))}</Button>
        </div>
      </form>
      <ResultsCount ctx={ctx} total={props.total} />
      <SearchResults {...props} />
    </Layout>
  );
}
