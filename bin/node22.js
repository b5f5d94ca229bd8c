// The project runs on Node 22. Started by an older system Node, a bin script hands itself over to the
// Node 22 that `npm ci` installed (the `node` package); on Node 22 it calls `run`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export async function runOnNode22(scriptUrl, what, run) {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= 22) {
    await run();
    return;
  }
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const node22 = join(root, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(node22)) {
    console.error(
      `${what} heeft Node 22 nodig (dit is ${process.version}). Voer eerst \`npm install\` uit: dat installeert Node 22 in node_modules.\n` +
        `${what} needs Node 22 (this is ${process.version}). Run \`npm install\` first: it installs Node 22 into node_modules.`,
    );
    process.exit(1);
  }
  const child = spawn(node22, [fileURLToPath(scriptUrl), ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
