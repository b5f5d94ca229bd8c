// A PGlite data directory as initdb leaves it, made once per PGlite version and kept in dist/.
// initdb is most of what opening a new embedded database costs (some 5 s of CPU of a first start of
// about 8, and the same again for every test file's in-memory database); a new database is unpacked
// from this template instead (decision 023). Plain JavaScript: `npm install` makes it on whatever Node it has.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const pgliteVersion = (root) => JSON.parse(readFileSync(join(root, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')).version;

/** Where the template for the installed PGlite lives: a new PGlite version makes a new one. */
export function pgliteTemplateFile(root) {
  return join(root, 'dist', `pglite-initdb-${pgliteVersion(root)}.tar`);
}

/** Makes the template when it is not there yet; returns the time it took, in ms (0 when it was there). */
export async function ensurePgliteTemplate(root) {
  const file = pgliteTemplateFile(root);
  if (existsSync(file)) return 0;
  const started = performance.now();
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = await PGlite.create();
  try {
    await pg.exec('CHECKPOINT');
    const tar = await pg.dumpDataDir('none');
    mkdirSync(join(root, 'dist'), { recursive: true });
    // written whole under a temporary name and renamed: a process opening a database meanwhile finds it or does not
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, Buffer.from(await tar.arrayBuffer()));
    renameSync(temporary, file);
  } finally {
    await pg.close();
  }
  return performance.now() - started;
}
