// A module resolve hook for files inside node_modules that import each other by relative path with a
// full extension, as ESM builds do (drizzle-orm alone loads a few hundred such files). Node's own
// resolver works out each file's module type from its package.json, and drizzle-orm's is 179 KB:
// parsing it again for every file cost a start about half a second (decision 013). This resolves
// such a specifier as Node would (the URL relative to its parent) and reads each package's type once.
// A package named from the project's own files (not from node_modules) resolves the same from each of
// them, so that answer is kept too: \`drizzle-orm\` is imported from some sixty files.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const typeOfDir = new Map();
const fromProject = new Map();
const isPackageName = (specifier) => !/^(\.|\/|#|[a-z]+:)/.test(specifier);

function packageType(dir) {
  const known = typeOfDir.get(dir);
  if (known !== undefined) return known;
  let type;
  try {
    type = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).type === 'module' ? 'module' : 'commonjs';
  } catch {
    const parent = dirname(dir);
    type = parent === dir || dir.endsWith('/node_modules') ? 'commonjs' : packageType(parent);
  }
  typeOfDir.set(dir, type);
  return type;
}

export function resolve(specifier, context, nextResolve) {
  const parent = context.parentURL;
  if (
    parent?.startsWith('file:') && parent.includes('/node_modules/') &&
    (specifier.startsWith('./') || specifier.startsWith('../')) &&
    (specifier.endsWith('.js') || specifier.endsWith('.mjs'))
  ) {
    const url = new URL(specifier, parent);
    const format = specifier.endsWith('.mjs') ? 'module' : packageType(dirname(fileURLToPath(url)));
    return { url: url.href, format, shortCircuit: true };
  }
  if (parent?.startsWith('file:') && !parent.includes('/node_modules/') && isPackageName(specifier)) {
    const key = `${specifier}\0${context.conditions?.join(',')}\0${JSON.stringify(context.importAttributes ?? {})}`;
    const known = fromProject.get(key);
    if (known) return { ...known, shortCircuit: true };
    const resolved = nextResolve(specifier, context);
    fromProject.set(key, resolved);
    return resolved;
  }
  return nextResolve(specifier, context);
}
