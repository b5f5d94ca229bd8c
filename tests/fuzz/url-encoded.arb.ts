import fc from 'fast-check';

/**
 * `key=value&…` as a client might send it in a query string or a form body: the known keys (repeated
 * keys too, which become arrays) and strangers, values of any unicode, very long, or percent-encoding
 * that does not decode (a lone `%`, `%zz`, an unfinished UTF-8 sequence, NUL, CR LF, U+2028).
 */
const oddEncodings = [
  '%',
  '%0',
  '%zz',
  '%00',
  '%C3',
  '%C3%28',
  '%FF%FE',
  '%E2%80%A8',
  '%E3%80%80',
  '%0d%0a',
  '%09',
  '%0B',
  '+',
  '%2B',
  '%25',
  '&',
  '=',
  '%2F%2F',
  '/%09/evil.example',
  '//evil.example',
  '\\\\evil.example',
];

const encode = (value: string) => {
  try {
    return encodeURIComponent(value);
  } catch {
    return value; // a lone surrogate: sent as it is
  }
};

export const queryValue: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }).map(encode), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map(encode), weight: 3 },
  { arbitrary: fc.array(fc.constantFrom(...oddEncodings, 'a', '1', 'é'), { maxLength: 6 }).map((parts) => parts.join('')), weight: 3 },
  {
    arbitrary: fc
      .tuple(fc.string({ maxLength: 6 }), fc.constantFrom('%00', '%00', '%01', '%08', '%0B', '%1B', '%7F', '%C2%85', '%E2%80%A8'), fc.string({ maxLength: 6 }))
      .map(([a, c, b]) => `${encode(a)}${c}${encode(b)}`),
    weight: 3,
  },
  { arbitrary: fc.constantFrom('0', '-1', '1.5', '1e3', '99999999999999999999', 'true', 'null', '[]', '{}', '2024-02-30', '1'), weight: 2 },
  { arbitrary: fc.integer({ min: 500, max: 20_000 }).chain((n) => fc.constantFrom('a', '%C3%A9', '%00', '1').map((u) => u.repeat(n))), weight: 1 },
);

export function urlEncodedPairs(keys: readonly string[]): fc.Arbitrary<string> {
  const key = keys.length ? fc.oneof({ arbitrary: fc.constantFrom(...keys), weight: 5 }, { arbitrary: queryValue, weight: 1 }) : queryValue;
  const pair = fc.tuple(key, queryValue, fc.constantFrom('=', '=', '=', '', '[]=')).map(([k, v, sep]) => (sep === '' ? k : `${k}${sep}${v}`));
  return fc.array(pair, { maxLength: 8 }).map((pairs) => pairs.join('&'));
}
