/** Any origin will do: a way back is parsed against it and must come out on it. */
const probe = 'http://same-origin.invalid';

/**
 * A way back (`terug`) as a path on this site, or `fallback`. The value is read the way a browser reads a
 * Location header: the URL parser drops tabs and newlines and treats `\` as `/`, so `/\t/evil.example`
 * and `/\evil.example` come out on another host and are refused. What is returned is the parser's own
 * serialisation, percent-encoded ASCII, so no character of the input can make the header invalid.
 */
export function sameOriginPath(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 500) return fallback;
  if (value[0] !== '/' || value[1] === '/' || value[1] === '\\') return fallback;
  let url: URL;
  try {
    url = new URL(value, probe);
  } catch {
    return fallback;
  }
  if (url.origin !== probe || url.username || url.password) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/.//evil.example` normalises to `//evil.example`, which a browser reads as another host
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback;
  return path;
}
