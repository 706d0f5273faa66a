import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyFromSeed, publicKeyFile, signMinisign, verifyMinisign } from './minisign';

describe('minisign format', () => {
  const key = keyFromSeed(randomBytes(32));
  const data = Buffer.from('abc  data/x.txt\n');
  const sig = signMinisign(key, data, 'timestamp:1 file:tagmanifest-sha256.txt hashed');

  it('verifies with our own verifier and the real minisign', () => {
    expect(verifyMinisign(publicKeyFile(key), sig, data)).toMatchObject({ ok: true });
    const dir = mkdtempSync(path.join(tmpdir(), 'dw-minisign-'));
    try {
      writeFileSync(path.join(dir, 'f'), data);
      writeFileSync(path.join(dir, 'f.minisig'), sig);
      writeFileSync(path.join(dir, 'k.pub'), publicKeyFile(key));
      const out = execFileSync('minisign', ['-V', '-p', 'k.pub', '-m', 'f'], {
        cwd: dir,
      }).toString();
      expect(out).toContain('Signature and comment signature verified');
      writeFileSync(path.join(dir, 'f'), 'abd  data/x.txt\n');
      expect(() =>
        execFileSync('minisign', ['-V', '-p', 'k.pub', '-m', 'f'], { cwd: dir, stdio: 'pipe' }),
      ).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names what is wrong: changed data, changed trusted comment, other key', () => {
    expect(verifyMinisign(publicKeyFile(key), sig, Buffer.from('x')).problem).toMatch(
      /does not match/,
    );
    const tampered = sig.replace('timestamp:1', 'timestamp:2');
    expect(verifyMinisign(publicKeyFile(key), tampered, data).problem).toMatch(/trusted comment/);
    const other = keyFromSeed(randomBytes(32));
    expect(verifyMinisign(publicKeyFile(other), sig, data).problem).toMatch(/signed by key/);
  });

  it('derives a stable key id from the seed', () => {
    const seed = Buffer.alloc(32, 7);
    expect(keyFromSeed(seed).keyId).toEqual(keyFromSeed(seed).keyId);
  });
});
