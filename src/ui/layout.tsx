import type { PropsWithChildren } from '@kitajs/html';
import { assetUrl } from './assets.ts';
import { withLang, type PageContext } from './page-context.ts';

type LayoutProps = PropsWithChildren<{ ctx: PageContext; title: string; current?: 'home' | 'organisations' | 'register' | 'catalogue' | 'account' | 'signIn' }>;

/** A signed-in person's part of the menu: the start page, Mijn register, Beheer, the account; the page's place among them by its path. */
function signedInCurrent(url: string): 'start' | 'ownRecord' | 'manage' | 'account' {
  const path = url.split('?')[0];
  const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
  if (under('/start')) return 'start';
  if (under('/mijn-register')) return 'ownRecord';
  if (under('/beheer')) return 'manage';
  return 'account';
}

function NavLink({ href, label, active }: { href: string; label: string; active: boolean }) {
  return (
    <li class="utrecht-nav-list__item">
      <a class="utrecht-nav-list__link utrecht-link" href={href} aria-current={active ? 'page' : undefined} safe>
        {label}
      </a>
    </li>
  );
}

/**
 * The link to the same page in the other language, keeping the query. A partial that changes the
 * URL (the htmx search) sends it again with `oob`, so that it follows the address bar.
 */
export function LanguageSwitch({ ctx, oob }: { ctx: PageContext; oob?: boolean }) {
  const other = ctx.lang === 'nl' ? 'en' : 'nl';
  return (
    <a
      class="utrecht-link br-language-switch"
      id="taalwissel"
      href={withLang(ctx.url, other)}
      hreflang={other}
      lang={other}
      hx-swap-oob={oob ? 'true' : undefined}
      safe
    >
      {ctx.t('layout.languageSwitch')}
    </a>
  );
}

export function Layout({ ctx, title, current, children }: LayoutProps) {
  const { t, lang } = ctx;
  const mine = current === 'account' ? signedInCurrent(ctx.url) : undefined;
  return (
    <>
      {'<!doctype html>'}
      <html lang={lang} class="utrecht-root">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{`${title} | ${t('site.name')}`}</title>
          <meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowEval":false,"allowScriptTags":false}' />
          <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
          <link rel="stylesheet" href={assetUrl('fonts.css')} />
          <link rel="stylesheet" href={assetUrl('app.css')} />
          <script src={assetUrl('htmx.js')} defer></script>
        </head>
        <body class="br-theme utrecht-document utrecht-document--surface utrecht-body">
          <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud" safe>
            {t('layout.skipLink')}
          </a>
          <div class="utrecht-page">
            <header class="utrecht-page-header br-header">
              <div class="br-header__bar">
                <a class="br-header__name" href="/" safe>
                  {t('site.name')}
                </a>
                <LanguageSwitch ctx={ctx} />
              </div>
              <nav class="utrecht-nav-bar" aria-label={t('layout.mainNav')}>
                <ul class="utrecht-nav-list">
                  <NavLink href="/" label={t('nav.home')} active={current === 'home'} />
                  <NavLink href="/organisaties" label={t('nav.organisations')} active={current === 'organisations'} />
                  <NavLink href="/register" label={t('nav.register')} active={current === 'register'} />
                  <NavLink href="/aanbod" label={t('nav.catalogue')} active={current === 'catalogue'} />
                  {ctx.account ? (
                    <>
                      <NavLink href="/start" label={t('nav.start')} active={mine === 'start'} />
                      {ctx.account.menu?.ownRecord ? <NavLink href="/mijn-register" label={t('nav.ownRecord')} active={mine === 'ownRecord'} /> : ''}
                      {ctx.account.menu?.manage ? <NavLink href="/beheer" label={t('nav.manage')} active={mine === 'manage'} /> : ''}
                      <NavLink href="/account" label={t('nav.account')} active={mine === 'account'} />
                      <li class="utrecht-nav-list__item">
                        <form method="post" action="/uitloggen" class="br-inline-form">
                          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                          <button class="utrecht-button utrecht-button--subtle br-nav-button" type="submit" safe>
                            {t('nav.signOut')}
                          </button>
                        </form>
                      </li>
                    </>
                  ) : (
                    <NavLink href="/inloggen" label={t('nav.signIn')} active={current === 'signIn'} />
                  )}
                </ul>
              </nav>
            </header>
            <main class="utrecht-page-content br-main" id="inhoud" tabindex="-1">
              {children}
            </main>
            <footer class="utrecht-page-footer br-footer">
              <ul class="utrecht-link-list utrecht-link-list--html-ul">
                <li class="utrecht-link-list__item">
                  <a class="utrecht-link" href="/toegankelijkheid" safe>
                    {t('layout.footer.accessibility')}
                  </a>
                </li>
                <li class="utrecht-link-list__item">
                  <a class="utrecht-link" href="/referentiekader" safe>
                    {t('framework.link')}
                  </a>
                </li>
                <li class="utrecht-link-list__item">
                  <a class="utrecht-link" href="/kwaliteitskader" safe>
                    {t('qualityFramework.link')}
                  </a>
                </li>
                <li class="utrecht-link-list__item">
                  <a class="utrecht-link" href="/api/v1/openapi.json" safe>
                    {t('layout.footer.api')}
                  </a>
                </li>
              </ul>
              <p class="utrecht-paragraph br-footer__source" safe>
                {t('layout.footer.source')}
              </p>
            </footer>
          </div>
        </body>
      </html>
    </>
  );
}
