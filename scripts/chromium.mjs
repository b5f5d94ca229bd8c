import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The browser tests use the system Chromium (CHROMIUM_PATH, else /usr/bin/chromium). Missing, it is
 * installed from Debian's packages when we are root with apt-get; otherwise we stop and say how.
 */
export function ensureChromium() {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (existsSync(path)) return path;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    console.log(`Chromium ontbreekt (${path}); installeren met apt-get … / Chromium is missing (${path}); installing with apt-get …`);
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (install.status === 0 && existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  console.error(
    `De browsertests hebben Chromium nodig en dat staat niet op ${path}.\n` +
      'Installeer het met:  sudo apt-get install -y chromium\n' +
      'of wijs een bestaande Chromium aan met CHROMIUM_PATH=/pad/naar/chromium.\n' +
      `The browser tests need Chromium, and it is not at ${path}.\n` +
      'Install it with:  sudo apt-get install -y chromium\n' +
      'or point to an existing Chromium with CHROMIUM_PATH=/path/to/chromium.',
  );
  process.exit(1);
}
