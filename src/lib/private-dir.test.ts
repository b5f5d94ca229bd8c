import { mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePrivateDir, makePrivateDirAsync } from './private-dir.ts';

const modeOf = (dir: string) => statSync(dir).mode & 0o777;

describe('a private folder', () => {
  it('is made for the owner alone', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'br-private-')), 'data');
    makePrivateDir(dir);
    expect(modeOf(dir)).toBe(0o700);
  });

  it('closes one that an earlier version left open to group and others, keeping the owner’s rights', async () => {
    const root = mkdtempSync(join(tmpdir(), 'br-private-'));
    const open = join(root, 'data');
    mkdirSync(open, { mode: 0o755 });
    expect(modeOf(open)).toBe(0o755);
    makePrivateDir(open);
    expect(modeOf(open)).toBe(0o700);
    const alsoOpen = join(root, 'terugmeldingen');
    mkdirSync(alsoOpen, { mode: 0o775 });
    await makePrivateDirAsync(alsoOpen);
    expect(modeOf(alsoOpen)).toBe(0o700);
  });
});
