import { mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensurePrivateDir } from './private-dir';
import { localAuthSecret } from './local-secret';

const mode = (p: string) => statSync(p).mode & 0o777;

describe('.data directories are private (defect 8)', () => {
  it('creates new folders 0700 and tightens an existing world-readable one', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'dw-priv-'));
    const fresh = path.join(root, 'a', 'b');
    ensurePrivateDir(fresh);
    expect(mode(fresh)).toBe(0o700);
    const old = path.join(root, 'old');
    mkdirSync(old, { mode: 0o755 });
    ensurePrivateDir(old);
    expect(mode(old)).toBe(0o700);
  });

  it('keeps the auth secret in a 0700 folder, the file 0600', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'dw-sec-')), '.data');
    localAuthSecret(dir);
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, 'auth-secret'))).toBe(0o600);
  });
});
