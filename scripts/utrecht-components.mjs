// Which of the NL Design System (Utrecht) components our pages use, and the stylesheets of those alone
// (decision 024). @utrecht/component-library-css is every component in one 407 KB file; it depends on one
// package per component (@utrecht/button-css, …), each with its own dist/index.css. The build bundles the
// ones whose classes appear in src/: a component a page starts using is in the next build, one it stops
// using leaves it.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** `utrecht-button--primary-action`, `utrecht-nav-list__item` → the block: `button`, `nav-list` */
const classPattern = /\butrecht-([a-z0-9]+(?:-[a-z0-9]+)*)/g;

/** The sources that render markup: every .tsx and .ts under src/ but the tests. */
function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every Utrecht block named in `src`, as in `class="utrecht-…"` or a template that starts one. */
export function usedBlocks(src) {
  const blocks = new Set();
  for (const file of sourceFiles(src)) {
    for (const match of readFileSync(file, 'utf8').matchAll(classPattern)) blocks.add(match[1]);
  }
  return blocks;
}

/** The per-component packages the component library is made of: `button` → its dist/index.css. */
function componentPackages(root) {
  const require = createRequire(join(root, 'package.json'));
  const libraryManifest = require.resolve('@utrecht/component-library-css/package.json');
  const fromLibrary = createRequire(libraryManifest);
  const { dependencies } = JSON.parse(readFileSync(libraryManifest, 'utf8'));
  const packages = new Map();
  for (const name of Object.keys(dependencies ?? {})) {
    const match = /^@utrecht\/(.+)-css$/.exec(name);
    if (!match) continue;
    const css = join(dirname(fromLibrary.resolve(`${name}/package.json`)), 'dist', 'index.css');
    packages.set(match[1], css);
  }
  return packages;
}

/**
 * The stylesheets of the components `src` uses, in alphabetical order (the same whatever order the
 * sources name them in; the components style disjoint classes). A block belongs to the package of the same name (`form-field-description`), else to the
 * longest package name it starts with whose stylesheet defines it (`table-container` is in table-css).
 * Blocks of no component (`utrecht-theme`, the example theme's) are left out.
 */
export function componentStylesheets(root) {
  const packages = componentPackages(root);
  const chosen = new Set();
  const definedIn = (component, block) => readFileSync(packages.get(component), 'utf8').includes(`.utrecht-${block}`);
  for (const block of usedBlocks(join(root, 'src'))) {
    const owner = [...packages.keys()]
      .filter((component) => block === component || block.startsWith(`${component}-`))
      .sort((a, b) => b.length - a.length)
      .find((component) => definedIn(component, block));
    if (owner) chosen.add(owner);
  }
  return [...chosen].sort().map((component) => packages.get(component));
}
