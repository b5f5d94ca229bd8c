import { describe, expect, it } from 'vitest';
import { sameOriginPath } from './same-origin-path.ts';

/** How a browser would read the Location header: relative to the site. */
const landsOn = (location: string) => new URL(location, 'https://beroepsregister.example.nl').host;

describe('a way back is a path on this site', () => {
  it.each([
    ['/account', '/account'],
    ['/beheer/bestuur/32073/leden?pagina=2', '/beheer/bestuur/32073/leden?pagina=2'],
    ['/register?q=de%20Vries#resultaten', '/register?q=de%20Vries#resultaten'],
    ['/register?q=Jan Öztürk', '/register?q=Jan%20%C3%96zt%C3%BCrk'],
    ['/a/../account', '/account'],
  ])('keeps %s as %s', (value, expected) => {
    expect(sameOriginPath(value, '/fallback')).toBe(expected);
  });

  it.each([
    ['another host', 'https://evil.example/'],
    ['a protocol-relative URL', '//evil.example/'],
    ['a backslash after the slash', '/\\evil.example'],
    ['a tab between the slashes', '/\t/evil.example'],
    ['a newline between the slashes', '/\n/evil.example'],
    ['a carriage return between the slashes', '/\r/evil.example'],
    ['a dot segment that normalises to two slashes', '/.//evil.example'],
    ['a scheme', 'javascript:alert(1)'],
    ['a relative path', 'account'],
    ['nothing', ''],
    ['no string', ['/account']],
    ['a very long value', `/${'a'.repeat(600)}`],
  ])('refuses %s', (_, value) => {
    expect(sameOriginPath(value, '/fallback')).toBe('/fallback');
  });

  it.each(['/\u000b/evil.example', '/\u3000/evil.example', '/\u2028/evil.example', '/%0d%0aSet-Cookie:x=1', '/\r\nSet-Cookie: x=1', '/\u0000'])(
    'answers %j with a path of plain ASCII on this site, fit for a header',
    (value) => {
      const path = sameOriginPath(value, '/fallback');
      expect(path).toMatch(/^\/[\x21-\x7e]*$/);
      expect(landsOn(path)).toBe('beroepsregister.example.nl');
    },
  );
});
