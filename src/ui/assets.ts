import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The pages' stylesheet, script and icon, as the build made them (scripts/build.mjs, decision 024): each
 * named by its contents (`app.<hash>.css`) in dist/public, served under /static/ and cached for a year.
 * dist/assets.json says which file each one is now.
 */
export type AssetName = 'app.css' | 'fonts.css' | 'htmx.js' | 'favicon.svg';

/** Where the build writes them: everything in it is named by its contents. */
export const builtAssetsDir = fileURLToPath(new URL('../../dist/public/', import.meta.url));
const manifestPath = fileURLToPath(new URL('../../dist/assets.json', import.meta.url));

let manifest: Partial<Record<AssetName, string>> | undefined;

/** `/static/app.<hash>.css`; the manifest is read once, so a rebuild meanwhile does not move a running server's links. */
export function assetUrl(name: AssetName): string {
  manifest ??= JSON.parse(readFileSync(manifestPath, 'utf8')) as Partial<Record<AssetName, string>>;
  const file = manifest[name];
  if (!file) throw new Error(`${name} is not in ${manifestPath}: run npm run build`);
  return `/static/${file}`;
}
