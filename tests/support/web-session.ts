import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/**
 * A browser for app.inject: keeps cookies between requests and posts forms with the CSRF token taken
 * from the last page it fetched, as a person's browser would.
 */
export class WebSession {
  readonly cookies = new Map<string, string>();
  lastPage = '';

  constructor(private readonly app: FastifyInstance) {}

  private remember(response: LightMyRequestResponse) {
    if (String(response.headers['content-type'] ?? '').startsWith('text/html'))
      expectOneDateStyle(response.body, (response.raw.req as { url?: string }).url ?? '');
    for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() <= Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    if (String(response.headers['content-type'] ?? '').startsWith('text/html')) this.lastPage = response.body;
    return response;
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string, headers: Record<string, string> = {}) {
    return this.remember(await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), ...headers } }));
  }

  async send(request: { method: 'POST' | 'GET'; url: string; headers: Record<string, string>; payload?: Buffer }) {
    return this.remember(await this.app.inject({ ...request, headers: { cookie: this.cookieHeader(), ...request.headers } }));
  }

  /** The `_csrf` value of the last page's forms. */
  csrfToken(): string {
    const match = /name="_csrf" value="([^"]+)"/.exec(this.lastPage);
    if (!match) throw new Error('the last page has no form with a CSRF token');
    return match[1];
  }

  async post(url: string, form: Record<string, string | string[]>, options: { csrf?: string | null } = {}) {
    const body = new URLSearchParams();
    const csrf = options.csrf === undefined ? this.csrfToken() : options.csrf;
    if (csrf !== null) body.append('_csrf', csrf);
    for (const [key, value] of Object.entries(form)) for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: body.toString(),
      }),
    );
  }
}

export type UploadPart = { name: string; value: string } | { name: string; filename: string; type: string; content: Buffer };

/**
 * Posts a multipart form (a file upload) as a browser would: the form's `_csrf` field first (from the last
 * page, unless `csrf` says otherwise; null leaves it out), then the parts in order.
 */
export async function postMultipart(web: WebSession, action: string, parts: UploadPart[], options: { csrf?: string | null } = {}) {
  const boundary = `----br${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  const csrf = options.csrf === undefined ? web.csrfToken() : options.csrf;
  for (const part of csrf === null ? parts : [{ name: '_csrf', value: csrf }, ...parts]) {
    const head =
      'filename' in part
        ? `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.type}\r\n\r\n`
        : `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n`;
    chunks.push(Buffer.from(head), 'filename' in part ? part.content : Buffer.from(part.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return web.send({ method: 'POST', url: action, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat(chunks) });
}

/**
 * Pages still showing a date in machine form while others change them (issue 19): remove a line when its
 * page is done. A page where a test types a date into free text that the page shows again belongs here too.
 */
const machineDatesStillOn: RegExp[] = [
  /^\/beheer\/bestuur\/[^/]+\/betwistingen/, // a dispute's comment as the professional typed it
];

/**
 * The dates on a page written in machine form (2030-12-05) where a person reads them; every page writes
 * them in the one date style, "5 december 2030". Not counted: what was typed into a form (values and text
 * areas), machine text shown as such (<pre>, <code>), a value quoted from a file ("1988-02-31"), and the
 * example of a date field's input format ("2027-03-10 of 10-03-2027").
 */
export function machineDatesIn(html: string): string[] {
  const text = visibleText(html.replace(/<(textarea|pre|code)\b[\s\S]*?<\/\1>/g, ' '));
  const day = /(?<!["\w-])(?:1[89]|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\w"-]| (?:of|or) \d{2}-\d{2}-\d{4})/g;
  return [...text.matchAll(day)].map((m) => m[0]);
}

/** Fails a test whose page shows a machine date (the WebSession checks every page it fetches). */
export function expectOneDateStyle(html: string, url = ''): void {
  if (machineDatesStillOn.some((path) => path.test(url))) return;
  const found = machineDatesIn(html);
  if (found.length > 0)
    throw new Error(
      `${url || 'The page'} shows ${found.join(', ')} in machine form: write dates with formatDay/formatDate (src/platform/i18n.ts), "5 december 2030".`,
    );
}

/** The text a person reads on a page: tags dropped, entities decoded, whitespace collapsed. */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
