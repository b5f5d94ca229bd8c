import Html from '@kitajs/html';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { Button } from '../../../ui/components/button.tsx';
import { TextField } from '../../../ui/components/form-field.tsx';
import { Paragraph } from '../../../ui/components/table.tsx';
import { PageTitle, TextParagraph } from '../../../ui/components/text.tsx';

type Stats = { boards: number; schools: number; locations: number };

/**
 * The front door: what the register is, for whom and what of it is public, in a few calm lines; and the
 * ways on: searching it (the form answers on /register), signing in, enrolling, the events (bijeenkomsten)
 * and the directory.
 */
export function HomePage({ ctx, stats, enrolPath }: { ctx: PageContext; stats: Stats; enrolPath: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('home.title')} current="home">
      <PageTitle text={t('home.title')} />
      <Paragraph lead>
        <span safe>{t('home.intro')}</span>
      </Paragraph>

      <section aria-labelledby="zoeken">
        <h2 class="utrecht-heading-2" id="zoeken" safe>
          {t('home.search.title')}
        </h2>
        <TextParagraph text={t('home.search.intro')} />
        {/* biome-ignore lint/a11y/useSemanticElements: a GET form with role=search is the landmark every screen reader knows; the <search> element is too new to rely on */}
        <form class="br-form br-search br-search--single" method="get" action="/register" role="search" aria-labelledby="zoeken">
          <TextField id="naam" name="naam" type="search" label={t('home.search.name')} hint={t('home.search.hint')} autocomplete="off" />
          <Button>{Html.escapeHtml(t('home.search.button'))}</Button>
        </form>
        <Paragraph>
          <a class="utrecht-link" href="/register" safe>
            {t('home.search.more')}
          </a>
        </Paragraph>
      </section>

      <section aria-labelledby="over">
        <h2 class="utrecht-heading-2" id="over" safe>
          {t('home.about.title')}
        </h2>
        <TextParagraph text={t('home.about.enrol')} />
        <TextParagraph text={t('home.about.boards')} />
        <TextParagraph text={t('home.about.public')} />
      </section>

      <section aria-labelledby="inschrijven">
        <h2 class="utrecht-heading-2" id="inschrijven" safe>
          {t('home.enrol.title')}
        </h2>
        {ctx.account ? (
          <>
            <TextParagraph text={t('home.enrol.signedIn')} />
            <Button href={enrolPath}>{Html.escapeHtml(t('home.enrol.button'))}</Button>
          </>
        ) : (
          <>
            <TextParagraph text={t('home.enrol.intro')} />
            {/* signing in comes back to the enrolment; so does creating an account, through the sign-in page's way back */}
            <Button href={`/inloggen?terug=${encodeURIComponent(enrolPath)}`}>{Html.escapeHtml(t('home.enrol.signIn'))}</Button>
            <Paragraph>
              <span safe>{t('home.enrol.noAccount')}</span>{' '}
              <a class="utrecht-link" href={`/account/aanmaken?terug=${encodeURIComponent(enrolPath)}`} safe>
                {t('home.enrol.createAccount')}
              </a>
            </Paragraph>
          </>
        )}
      </section>

      <section aria-labelledby="bijeenkomsten">
        <h2 class="utrecht-heading-2" id="bijeenkomsten" safe>
          {t('home.events.title')}
        </h2>
        <TextParagraph text={t('home.events.intro')} />
        <Button appearance="secondary" href="/bijeenkomsten">
          {Html.escapeHtml(t('home.events.link'))}
        </Button>
      </section>

      <section aria-labelledby="organisaties">
        <h2 class="utrecht-heading-2" id="organisaties" safe>
          {t('home.organisations.title')}
        </h2>
        <TextParagraph text={t('home.stats', stats)} />
        <Button appearance="secondary" href="/organisaties">
          {Html.escapeHtml(t('home.searchOrganisations'))}
        </Button>
        <p class="utrecht-paragraph">
          <span safe>{t('home.koplopers')}</span>{' '}
          <a class="utrecht-link" href="/koplopers/aanmelden" safe>
            {t('home.koplopers.link')}
          </a>
        </p>
      </section>
    </Layout>
  );
}
