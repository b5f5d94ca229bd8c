import { describe, expect, it } from 'vitest';
import { translator } from '../../platform/i18n.ts';
import { Alert } from './alert.tsx';
import { ErrorSummary } from './error-summary.tsx';
import { componentExamples } from './examples.ts';
import { CheckboxField, SelectField, TextField } from './form-field.tsx';
import { Pagination } from './pagination.tsx';
import { DataList, Table } from './table.tsx';

/**
 * Every shared component example, rendered with the Dutch translator, and what a screen reader and
 * a browser would get from it. (The browser test runs axe over the same examples in the gallery.)
 */

const t = translator('nl');

type Element = { tag: string; attrs: Record<string, string>; start: number; end: number };

const decode = (s: string) =>
  s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The start tags of an HTML string with their attributes (the renderer writes them double-quoted). */
function elements(html: string): Element[] {
  const out: Element[] = [];
  for (const m of html.matchAll(/<([a-z][a-z0-9-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    const attrs: Record<string, string> = {};
    for (const a of m[2].matchAll(/([^\s=>/]+)(?:="([^"]*)")?/g)) attrs[a[1]] = a[2] === undefined ? '' : decode(a[2]);
    out.push({ tag: m[1], attrs, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const voidTags = new Set(['input', 'br', 'img', 'meta', 'link', 'hr']);

/** The text inside an element (tags removed, entities decoded, whitespace collapsed). */
function textOf(html: string, el: Element): string {
  if (voidTags.has(el.tag)) return '';
  let depth = 1;
  const re = new RegExp(`<(/?)${el.tag}\\b[^>]*>`, 'g');
  re.lastIndex = el.end;
  let m = re.exec(html);
  while (m) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) break;
    m = re.exec(html);
  }
  const inner = html.slice(el.end, m ? m.index : html.length);
  return decode(inner.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

function query(html: string, predicate: (e: Element) => boolean): Element[] {
  return elements(html).filter(predicate);
}

function byId(html: string, id: string): Element {
  const found = query(html, (e) => e.attrs.id === id);
  expect(found, `id ${id}`).toHaveLength(1);
  return found[0];
}

async function render(example: string): Promise<string> {
  const [component, name] = example.split('.');
  const fn = componentExamples[component]?.[name];
  if (!fn) throw new Error(`no example ${example}`);
  return String(await fn(t));
}

describe('component examples', () => {
  const all = Object.entries(componentExamples).flatMap(([component, examples]) => Object.keys(examples).map((name) => `${component}.${name}`));

  it('are all listed for the gallery', () => {
    expect(all).toEqual(
      expect.arrayContaining(['errorSummary.twoErrors', 'alert.error', 'button.primary', 'formField.textWithError', 'table.table', 'pagination.middle']),
    );
  });

  it.each(all)('%s renders complete HTML', async (example) => {
    const html = await render(example);
    expect(html.trim()).not.toBe('');
    // nothing left unrendered: no untranslated key, no missing value, no stray placeholder
    expect(html).not.toMatch(/undefined|\[object |NaN|\{\w+\}|pagination\.|organisations\./);
    // every id on the example is unique, every reference points at one
    const ids = query(html, (e) => 'id' in e.attrs).map((e) => e.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const ref of query(html, (e) => 'aria-describedby' in e.attrs || 'aria-labelledby' in e.attrs || 'for' in e.attrs)) {
      for (const id of `${ref.attrs['aria-describedby'] ?? ''} ${ref.attrs['aria-labelledby'] ?? ''} ${ref.attrs.for ?? ''}`.split(/\s+/).filter(Boolean)) {
        expect(ids, `${ref.tag} refers to #${id}`).toContain(id);
      }
    }
  });
});

describe('error summary', () => {
  it('is an alert that links to each field by id, and the fields have those ids', async () => {
    const html = await render('errorSummary.twoErrors');
    const [box] = query(html, (e) => e.attrs.role === 'alert');
    expect(box.attrs['aria-labelledby']).toBe('error-summary-title');
    expect(textOf(html, byId(html, 'error-summary-title'))).toBe('Er is een probleem');
    expect('autofocus' in box.attrs && box.attrs.tabindex === '-1').toBe(true);

    const links = query(html, (e) => e.tag === 'a').map((a) => ({ href: a.attrs.href, text: textOf(html, a) }));
    expect(links).toEqual([
      { href: '#voorbeeld-bsn', text: 'Een BSN heeft 9 cijfers.' },
      { href: '#voorbeeld-naam', text: 'Vul een achternaam in.' },
    ]);
    // the form field examples are those fields: each link lands on a control
    const fields = (await render('formField.textWithError')) + (await render('formField.text'));
    for (const { href } of links) expect(byId(fields, href.slice(1)).tag).toBe('input');
  });

  it('renders nothing without errors', async () => {
    expect(String(await (<ErrorSummary title="Er is een probleem" errors={[]} />))).toBe('');
  });
});

describe('form fields', () => {
  it('a field with an error: aria-invalid, and aria-describedby pointing at the message', async () => {
    const html = await render('formField.textWithError');
    const input = byId(html, 'voorbeeld-bsn');
    expect(input.attrs).toMatchObject({ 'aria-invalid': 'true', 'aria-describedby': 'voorbeeld-bsn-error', name: 'bsn', value: '12345' });
    expect(textOf(html, byId(html, 'voorbeeld-bsn-error'))).toBe('Fout: Een BSN heeft 9 cijfers.');
    const [label] = query(html, (e) => e.tag === 'label');
    expect(label.attrs.for).toBe('voorbeeld-bsn');
    expect(textOf(html, label)).toBe('BSN');
    expect(html).toContain('utrecht-form-field--invalid');
  });

  it('a field with a hint: described by the hint, not invalid', async () => {
    const html = await render('formField.text');
    const input = byId(html, 'voorbeeld-naam');
    expect(input.attrs['aria-describedby']).toBe('voorbeeld-naam-hint');
    expect('aria-invalid' in input.attrs).toBe(false);
    expect(textOf(html, byId(html, 'voorbeeld-naam-hint'))).toBe('Zonder tussenvoegsel');
  });

  it('hint and error together are both in aria-describedby', async () => {
    const html = String(await (<TextField id="veld" name="veld" label="Veld" hint="Een hint" error="Een fout" />));
    expect(byId(html, 'veld').attrs['aria-describedby']).toBe('veld-hint veld-error');
  });

  it('a select marks the chosen option, and only that one', async () => {
    const html = await render('formField.select');
    const selected = query(html, (e) => e.tag === 'option' && 'selected' in e.attrs);
    expect(selected.map((o) => o.attrs.value)).toEqual(['Utrecht']);
    expect(query(html, (e) => e.tag === 'option').map((o) => textOf(html, o))).toEqual(['Alle', 'Drenthe', 'Utrecht']);
  });

  it('a checkbox is labelled and keeps its state', async () => {
    const html = await render('formField.checkbox');
    const box = byId(html, 'voorbeeld-gesloten');
    expect(box.attrs.type).toBe('checkbox');
    expect('checked' in box.attrs).toBe(true);
    expect(textOf(html, query(html, (e) => e.tag === 'label' && e.attrs.for === 'voorbeeld-gesloten')[0])).toBe('Ook gesloten vestigingen tonen');
  });

  it('a checkbox with an error is invalid, unticked, and described by the message', async () => {
    const html = await render('formField.checkboxWithError');
    const box = byId(html, 'voorbeeld-bevestigd');
    expect(box.attrs['aria-invalid']).toBe('true');
    expect('checked' in box.attrs).toBe(false);
    expect(box.attrs['aria-describedby']).toBe('voorbeeld-bevestigd-error');
    expect(textOf(html, byId(html, 'voorbeeld-bevestigd-error'))).toBe('Fout: Bevestig dat u deze inschrijving wilt doorhalen.');
  });
});

describe('pagination', () => {
  it('marks the current page with aria-current, links the pages around it, first and last', async () => {
    const html = await render('pagination.middle'); // page 5 of 20
    const [nav] = query(html, (e) => e.tag === 'nav');
    expect(nav.attrs['aria-label']).toBe('Paginering');
    const links = query(html, (e) => e.tag === 'a').map((a) => ({
      href: a.attrs.href,
      label: a.attrs['aria-label'] ?? textOf(html, a),
      current: a.attrs['aria-current'],
    }));
    expect(links).toEqual([
      { href: '?page=4', label: 'Vorige', current: undefined },
      { href: '?page=1', label: 'Pagina 1', current: undefined },
      { href: '?page=4', label: 'Pagina 4', current: undefined },
      { href: '?page=5', label: 'Pagina 5 van 20', current: 'page' },
      { href: '?page=6', label: 'Pagina 6', current: undefined },
      { href: '?page=20', label: 'Pagina 20', current: undefined },
      { href: '?page=6', label: 'Volgende', current: undefined },
    ]);
    // the gaps are decoration
    const gaps = query(html, (e) => e.attrs.class === 'br-pagination-gap');
    expect(gaps).toHaveLength(2);
    expect(gaps.every((g) => g.attrs['aria-hidden'] === 'true')).toBe(true);
  });

  it('on the first page there is no previous link', async () => {
    const html = await render('pagination.first'); // page 1 of 3
    const links = query(html, (e) => e.tag === 'a');
    expect(links.map((a) => a.attrs.href)).toEqual(['?page=1', '?page=2', '?page=3', '?page=2']);
    expect(links.filter((a) => a.attrs['aria-current'] === 'page').map((a) => a.attrs['aria-label'])).toEqual(['Pagina 1 van 3']);
    expect(links.some((a) => a.attrs.rel === 'prev')).toBe(false);
  });

  it('is left out when everything fits on one page', async () => {
    expect(String(await (<Pagination page={1} pageSize={20} total={20} href={(p) => `?page=${p}`} t={t} />))).toBe('');
  });
});

describe('table and data list', () => {
  it('a table has a caption and column headers with scope', async () => {
    const html = await render('table.table');
    expect(textOf(html, query(html, (e) => e.tag === 'caption')[0])).toBe('Geregistreerde leraren');
    const headers = query(html, (e) => e.tag === 'th');
    expect(headers.map((h) => [textOf(html, h), h.attrs.scope])).toEqual([
      ['Naam', 'col'],
      ['School', 'col'],
      ['Uren', 'col'],
    ]);
    expect(headers[2].attrs.class).toContain('numeric');
    const cells = query(html, (e) => e.tag === 'td').map((c) => textOf(html, c));
    expect(cells).toEqual(['Fatima el Amrani', 'OBS De Regenboog', '162', 'Jan de Vries', 'CBS De Wegwijzer', '98']);
  });

  it('a data list pairs each label with its value', async () => {
    const html = await render('table.dataList');
    expect(query(html, (e) => e.tag === 'dt').map((d) => textOf(html, d))).toEqual(['BRIN-code', 'Plaats']);
    expect(query(html, (e) => e.tag === 'dd').map((d) => textOf(html, d))).toEqual(['03WU', '2E EXLOERMOND']);
  });
});

describe('alerts and buttons', () => {
  it('errors and warnings are announced at once, other messages politely', async () => {
    const roles = await Promise.all(
      ['info', 'ok', 'warning', 'error'].map(async (type) => query(await render(`alert.${type}`), (e) => 'role' in e.attrs)[0].attrs.role),
    );
    expect(roles).toEqual(['status', 'status', 'alert', 'alert']);
  });

  it('a button submits by default; a navigating action is a link', async () => {
    const primary = query(await render('button.primary'), (e) => e.tag === 'button')[0];
    expect(primary.attrs.type).toBe('submit');
    const link = query(await render('button.link'), (e) => e.tag === 'a' || e.tag === 'button');
    expect(link.map((e) => [e.tag, e.attrs.href])).toEqual([['a', '/organisaties']]);
  });
});

describe('text from users is escaped', () => {
  const evil: string = '"><script>alert(1)</script><b onmouseover="x">';
  /** Elements or event handlers that came from the text instead of from the component. */
  const injected = (html: string) => elements(html).filter((e) => e.tag === 'script' || e.tag === 'b' || Object.keys(e.attrs).some((a) => /^on/i.test(a)));
  const noMarkup = (html: string) => {
    expect(injected(html)).toEqual([]);
    // in text, every < is escaped (inside a quoted attribute it is harmless, and kept)
    expect(html.replace(/="[^"]*"/g, '=""')).not.toContain('<script');
  };

  it('(the check finds markup that is not escaped)', () => {
    // once breaking out of the attribute, once in the text
    expect(injected(`<p title="${evil}">${evil}</p>`).map((e) => e.tag)).toEqual(['script', 'b', 'script', 'b']);
  });

  it('in form field values, labels, hints and errors', async () => {
    const html = String(await (<TextField id="veld" name="veld" label={evil} hint={evil} error={evil} value={evil} />));
    noMarkup(html);
    expect(byId(html, 'veld').attrs.value).toBe(evil); // kept as the value, whole
    expect(textOf(html, byId(html, 'veld-error'))).toBe(`Fout: ${evil}`);
  });

  it('in select options and checkbox labels', async () => {
    const html = String(
      await (
        <>
          <SelectField id="s" name="s" label="Keuze" value={evil} options={[{ value: evil, label: evil }]} />
          <CheckboxField id="c" name="c" label={evil} value={evil} />
        </>
      ),
    );
    noMarkup(html);
    expect(query(html, (e) => e.tag === 'option')[0].attrs.value).toBe(evil);
  });

  it('in the error summary, table cells, data lists and alerts', async () => {
    const html = String(
      await (
        <>
          <ErrorSummary title={evil} errors={[{ field: 'x" onclick="y', message: evil }]} />
          <Table caption={evil} columns={[{ header: evil, cell: (r: { v: string }) => <span safe>{r.v}</span> }]} rows={[{ v: evil }]} />
          <DataList items={[{ label: evil, value: <span safe>{evil}</span> }]} />
          <Alert type="error">
            <span safe>{evil}</span>
          </Alert>
        </>
      ),
    );
    noMarkup(html);
    // an attribute cannot be broken out of
    expect(query(html, (e) => 'onclick' in e.attrs || 'onmouseover' in e.attrs)).toEqual([]);
    expect(query(html, (e) => e.tag === 'a')[0].attrs.href).toBe('#x" onclick="y');
  });

  it('in pagination links built from a query', async () => {
    const html = String(await (<Pagination page={1} pageSize={10} total={30} href={(p) => `?zoek=${evil}&page=${p}`} t={t} />));
    noMarkup(html);
    expect(query(html, (e) => e.tag === 'a')[0].attrs.href).toBe(`?zoek=${evil}&page=1`);
  });
});
