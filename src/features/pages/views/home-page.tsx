import Html from '@kitajs/html';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { Button } from '../../../ui/components/button.tsx';
import { Paragraph } from '../../../ui/components/table.tsx';

export function HomePage({ ctx, stats }: { ctx: PageContext; stats: { boards: number; schools: number; locations: number } }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('home.title')} current="home">
      <h1 class="utrecht-heading-1" safe>
        {t('home.title')}
      </h1>
      <Paragraph lead>
        <span safe>{t('home.intro')}</span>
      </Paragraph>
      <Paragraph>
        <span safe>{t('home.stats', stats)}</span>
      </Paragraph>
      <Button href="/organisaties">{Html.escapeHtml(t('home.searchOrganisations'))}</Button>
    </Layout>
  );
}
