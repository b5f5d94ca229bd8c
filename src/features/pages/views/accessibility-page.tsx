import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';

/** The toegankelijkheidsverklaring every Dutch public-sector site publishes (model of the Rijksoverheid). */
export function AccessibilityPage({ ctx }: { ctx: PageContext }) {
  const nl = ctx.lang === 'nl';
  return (
    <Layout ctx={ctx} title={ctx.t('a11y.title')}>
      <h1 class="utrecht-heading-1" safe>
        {ctx.t('a11y.title')}
      </h1>
      {nl ? (
        <>
          <p class="utrecht-paragraph utrecht-paragraph--lead">
            Het Beroepsregister Onderwijs wil dat iedereen deze website kan gebruiken: met toetsenbord, schermlezer, vergroting of zonder JavaScript.
          </p>
          <h2 class="utrecht-heading-2">Welke norm</h2>
          <p class="utrecht-paragraph">
            Deze website moet voldoen aan de Web Content Accessibility Guidelines (WCAG) 2.1 op niveau AA, zoals vastgelegd in EN 301 549 en het Besluit
            digitale toegankelijkheid overheid.
          </p>
          <h2 class="utrecht-heading-2">Hoe wij dat controleren</h2>
          <ul class="utrecht-unordered-list">
            <li class="utrecht-unordered-list__item">
              Elke pagina wordt bij elke wijziging automatisch getoetst met axe (WCAG 2.1 A en AA) in een echte browser.
            </li>
            <li class="utrecht-unordered-list__item">Alle functies werken zonder JavaScript; met JavaScript worden zoekresultaten sneller bijgewerkt.</li>
            <li class="utrecht-unordered-list__item">Formulieren tonen fouten bovenaan met een link naar elk veld, en bij het veld zelf.</li>
          </ul>
          <h2 class="utrecht-heading-2">Status</h2>
          <p class="utrecht-paragraph">
            Deze website voldoet gedeeltelijk: de automatische toetsing vindt geen fouten, een handmatig onderzoek door een onafhankelijke partij is nog niet
            uitgevoerd.
          </p>
          <h2 class="utrecht-heading-2">Iets niet toegankelijk?</h2>
          <p class="utrecht-paragraph">
            Meld het ons via{' '}
            <a class="utrecht-link" href="mailto:toegankelijkheid@beroepsregister.nl">
              toegankelijkheid@beroepsregister.nl
            </a>
            . U krijgt binnen vijf werkdagen antwoord.
          </p>
        </>
      ) : (
        <>
          <p class="utrecht-paragraph utrecht-paragraph--lead">
            The Beroepsregister Onderwijs wants everyone to be able to use this website: with a keyboard, a screen reader, magnification or without JavaScript.
          </p>
          <h2 class="utrecht-heading-2">Standard</h2>
          <p class="utrecht-paragraph">This website must meet the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA, as set out in EN 301 549.</p>
          <h2 class="utrecht-heading-2">How we check</h2>
          <ul class="utrecht-unordered-list">
            <li class="utrecht-unordered-list__item">Every page is tested automatically with axe (WCAG 2.1 A and AA) in a real browser on every change.</li>
            <li class="utrecht-unordered-list__item">Everything works without JavaScript; with JavaScript, search results update faster.</li>
            <li class="utrecht-unordered-list__item">Forms list errors at the top, each linking to its field, and at the field itself.</li>
          </ul>
          <h2 class="utrecht-heading-2">Status</h2>
          <p class="utrecht-paragraph">
            This website partially complies: automated testing finds no errors; an independent manual audit has not been carried out yet.
          </p>
          <h2 class="utrecht-heading-2">Something not accessible?</h2>
          <p class="utrecht-paragraph">
            Tell us at{' '}
            <a class="utrecht-link" href="mailto:toegankelijkheid@beroepsregister.nl">
              toegankelijkheid@beroepsregister.nl
            </a>
            . We answer within five working days.
          </p>
        </>
      )}
    </Layout>
  );
}
