import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalTsa, type LocalTsa } from '@/tests/evidence/local-tsa';
import { checkTimestamp, fetchTimestamp } from './tsa';

// Against a real `openssl ts` authority on loopback (tests/evidence/local-tsa.ts).
let tsa: LocalTsa;
beforeAll(async () => {
  tsa = await startLocalTsa();
});
afterAll(() => tsa.stop());

describe('RFC 3161 timestamps', () => {
  const data = Buffer.from('deadbeef  bagit.txt\n');

  it('fetches a token that openssl ts -verify and our own check accept', async () => {
    const reply = await fetchTimestamp(tsa.url, data);
    const check = checkTimestamp(reply, data);
    expect(check).toMatchObject({ ok: true, signer: expect.stringContaining('Test Timestamp') });
    expect(check.genTime).toMatch(/^\d{4}-\d\d-\d\dT/);
    const dir = mkdtempSync(path.join(tmpdir(), 'dw-tsr-'));
    try {
      writeFileSync(path.join(dir, 'f'), data);
      writeFileSync(path.join(dir, 'f.tsr'), reply);
      const out = execFileSync(
        'openssl',
        ['ts', '-verify', '-in', 'f.tsr', '-data', 'f', '-CAfile', tsa.caFile],
        {
          cwd: dir,
        },
      ).toString();
      expect(out).toContain('Verification: OK');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names a token that does not belong to the data, and garbage', async () => {
    const reply = await fetchTimestamp(tsa.url, data);
    expect(checkTimestamp(reply, Buffer.from('other')).problem).toMatch(/imprint/);
    const bad = Buffer.from(reply);
    bad[bad.length - 5] ^= 1; // inside the signature
    expect(checkTimestamp(bad, data).ok).toBe(false);
    expect(checkTimestamp(Buffer.from('nope'), data).problem).toMatch(/not a valid/);
  });
});
