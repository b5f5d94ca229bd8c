import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The brand lives in one token file (decision 025): every other stylesheet of ours takes its colours,
 * spaces and fonts from there, through var(--…). A literal colour anywhere else is a second source of
 * the brand that the next change of colour would miss.
 */

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tokenFile = 'src/ui/styles/tokens.css';
/** declares the typeface's files (@font-face), so it names the family itself */
const fontFaces = 'public/fonts.css';

/** CSS's named colours (CSS Color 4). System colours (Canvas, LinkText, …) are for forced-colors mode and stay allowed. */
const namedColours = new Set(
  `aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood cadetblue
  chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey
  darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray
  darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen
  fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki
  lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen
  lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime
  limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue
  mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive
  olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum
  powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver
  skyblue slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white
  whitesmoke yellow yellowgreen`.split(/\s+/),
);

type Declaration = { line: number; property: string; value: string };

/** The declarations of a stylesheet (property and value, comments left out), with the line each starts on. */
function declarationsOf(css: string): Declaration[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  const out: Declaration[] = [];
  for (const m of text.matchAll(/([^{};]*)([{};])/g)) {
    if (m[2] === '{') continue; // a selector or an at-rule's prelude
    const colon = m[1].indexOf(':');
    if (colon < 0) continue;
    const property = m[1].slice(0, colon).trim().toLowerCase();
    if (!/^-{0,2}[a-z][a-z0-9-]*$/.test(property)) continue;
    const offset = m.index + m[1].length - m[1].trimStart().length;
    out.push({ line: text.slice(0, offset).split('\n').length, property, value: m[1].slice(colon + 1).trim() });
  }
  return out;
}

/** What is left of a value once custom property names, strings and url()s are taken out. */
const bare = (value: string) =>
  value
    .replace(/url\([^)]*\)/gi, ' ')
    .replace(/"[^"]*"|'[^']*'/g, ' ')
    .replace(/--[\w-]+/g, ' ');

/** The literal colours in a value: #hex, a colour function, or a named colour. */
function literalColours(value: string): string[] {
  const v = bare(value);
  const found = [
    ...(v.match(/#[0-9a-f]{3,8}\b/gi) ?? []),
    ...(v.match(/\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color|color-mix)\(/gi) ?? []),
    ...(v.match(/[a-z][a-z-]*/gi) ?? []).filter((word) => namedColours.has(word.toLowerCase())),
  ];
  return found;
}

/** Lengths written as such (12px, 1.5rem) in a value, outside var()s' names and fallbacks. */
function literalLengths(value: string): string[] {
  let v = bare(value);
  // a var()'s fallback is the token file's business: take out var(...) whole, innermost first
  while (/var\([^()]*\)/.test(v)) v = v.replace(/var\([^()]*\)/g, ' ');
  return v.match(/(?<![\w-])-?\d*\.?\d+(?:px|rem|em|ch|ex|vw|vh|pt)\b/gi) ?? [];
}

function cssFilesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.css'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

const ours = [...cssFilesUnder('src'), ...cssFilesUnder('public')];
const others = ours.filter((file) => file !== tokenFile);
const read = (file: string) => readFileSync(join(root, file), 'utf8');

describe('the checks themselves', () => {
  it('find a literal colour in every form, and take a token, a keyword or a name for none', () => {
    expect(literalColours('#fff')).toEqual(['#fff']);
    expect(literalColours('1px solid #1d5275aa')).toEqual(['#1d5275aa']);
    expect(literalColours('rgba(0, 0, 0, 0.25)')).toEqual(['rgba(']);
    expect(literalColours('hsl(200 50% 40%)')).toEqual(['hsl(']);
    expect(literalColours('3px solid Black')).toEqual(['Black']);
    expect(literalColours('linear-gradient(to right, white, transparent)')).toEqual(['white']);
    for (const allowed of [
      'transparent',
      'currentColor',
      'inherit',
      'var(--br-color-red)',
      'var(--br-color-ink, ButtonText)',
      'url("/static/red.svg")',
      '"Source Sans 3"',
    ]) {
      expect(literalColours(allowed), allowed).toEqual([]);
    }
  });

  it('find a literal length outside a var(), and none in a token or a multiple of one', () => {
    expect(literalLengths('1rem 0.5rem')).toEqual(['1rem', '0.5rem']);
    expect(literalLengths('max(var(--br-space-m), calc((100% - var(--br-size-page)) / 2))')).toEqual([]);
    expect(literalLengths('calc(-1 * var(--br-space-s, 12px))')).toEqual([]);
    expect(literalLengths('0')).toEqual([]);
  });

  it('read declarations with their lines, and leave selectors and comments out', () => {
    const css = '/* red: white */\n.br-tag-red:hover,\na:focus-visible {\n  color: var(--br-x);\n  outline: 3px solid black;\n}';
    expect(declarationsOf(css)).toEqual([
      { line: 4, property: 'color', value: 'var(--br-x)' },
      { line: 5, property: 'outline', value: '3px solid black' },
    ]);
  });
});

describe('our stylesheets', () => {
  it('are found: the token file, app.css and public/fonts.css at least', () => {
    expect(ours).toEqual(expect.arrayContaining([tokenFile, 'src/ui/styles/app.css', 'public/fonts.css']));
  });

  it.each(others)('%s has no literal colour: every colour comes from the token file', (file) => {
    const found = declarationsOf(read(file)).flatMap((d) => literalColours(d.value).map((colour) => `${file}:${d.line} ${d.property}: ${d.value} (${colour})`));
    expect(found).toEqual([]);
  });

  it.each(others)('%s takes its spaces and font sizes and families from tokens', (file) => {
    const spacing = /^(?:margin|padding|gap|row-gap|column-gap|font-size|inset)(?:-|$)/;
    const found = declarationsOf(read(file)).flatMap((d) => {
      if (d.property === 'font-family')
        return /^(?:var\(.*\)|inherit)$/.test(d.value) || file === fontFaces ? [] : [`${file}:${d.line} ${d.property}: ${d.value}`];
      if (!spacing.test(d.property)) return [];
      return literalLengths(d.value).map((length) => `${file}:${d.line} ${d.property}: ${d.value} (${length})`);
    });
    expect(found).toEqual([]);
  });

  it('name only tokens the token file defines', () => {
    const defined = new Set(declarationsOf(read(tokenFile)).map((d) => d.property));
    const used = ours.flatMap((file) => [...read(file).matchAll(/var\(\s*(--br-[\w-]+)/g)].filter((m) => !defined.has(m[1])).map((m) => `${file}: ${m[1]}`));
    expect(used).toEqual([]);
  });

  it('the token file defines the brand on the theme class, and sets the document font for the Utrecht components', () => {
    const tokens = read(tokenFile);
    expect(tokens).toMatch(/^\.br-theme \{/m);
    const byName = new Map(declarationsOf(tokens).map((d) => [d.property, d.value]));
    expect(byName.get('--utrecht-document-font-family')).toBe('var(--br-font-family)');
    expect(byName.get('--br-font-family')).toMatch(/^"Source Sans 3"/);
  });
});
