import type { Lang, Translate } from '../platform/i18n.ts';

/** What every page needs from the request: the language, its translator and where we are. */
export type PageContext = {
  lang: Lang;
  t: Translate;
  /** path + query of the current request, for the language switch */
  url: string;
  requestId: string;
  /** dev-only pages (component gallery, outbox) are linked only outside production */
  development: boolean;
  /** the hidden `_csrf` value every form posts back */
  csrfToken: string;
  /** the signed-in person, for the header; absent when nobody is signed in */
  account?: { displayName: string; menu?: MenuItems };
};

/** The main menu's items that depend on who is signed in (besides the start page and the account). */
export type MenuItems = {
  /** Mijn register: the professional's own record */
  ownRecord: boolean;
  /** Beheer: for anyone with a role in an organisation */
  manage: boolean;
};

/** The current URL with `lang` set, so switching language keeps the page and its query. */
export function withLang(url: string, lang: Lang): string {
  const parsed = new URL(url, 'http://x');
  parsed.searchParams.set('lang', lang);
  return parsed.pathname + parsed.search;
}
