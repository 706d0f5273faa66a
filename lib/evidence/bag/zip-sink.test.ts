import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { BagZip, type ForkedSha256 } from './zip-sink';

// The streamed entry writer copies text into 1 MiB blocks and hands large chunks over whole:
// the bytes in the zip, the hashes, the size and a mid-file SHA-256 must all agree with the plain
// concatenation, across block edges, multi-byte characters and chunks larger than a block.
const dir = mkdtempSync(path.join(tmpdir(), 'dw-zip-sink-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function readEntries(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const out = new Map<string, Buffer>();
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      zip.on('entry', (e: yauzl.Entry) =>
        zip.openReadStream(e, (er, s) => {
          if (er || !s) return reject(er ?? new Error('no stream'));
          const parts: Buffer[] = [];
          s.on('data', (c: Buffer) => parts.push(c));
          s.on('end', () => {
            out.set(e.fileName, Buffer.concat(parts));
            zip.readEntry();
          });
        }),
      );
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('BagZip.addStreamed', () => {
  it('stores and hashes exactly what was written, across blocks and large chunks', async () => {
    const zip = new BagZip(path.join(dir, 'a.zip'), 'bag');
    const chunks: (string | Buffer)[] = [];
    for (let i = 0; i < 3000; i++) chunks.push(`line ${i} é ✓ ${'x'.repeat(i % 700)}\n`);
    chunks.splice(1000, 0, Buffer.alloc(1_200_000, 7), 'ü'.repeat(600_000));
    const expected = Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
    let prefixHash = '';
    const files = [];
    // From line 1500 on a fork takes other text (the natives' unredacted lines), large ones too.
    const alt = chunks.slice(1500).map((c, i) => (i === 7 ? 'ä'.repeat(300_000) : `alt ${i}\n`));
    for (const name of ['data/one.jsonl', 'data/two.jsonl', 'data/three.jsonl']) {
      files.push(
        await zip.addStreamed(name, async (w) => {
          let fork: ForkedSha256 | undefined;
          for (const [i, c] of chunks.entries()) {
            if (i === 1500) fork = w.forkSha256();
            const wait = w.write(c);
            if (wait) await wait;
            if (fork) await fork.update(alt[i - 1500]);
          }
          prefixHash = await fork!.digest();
        }),
      );
    }
    await zip.finish();
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    const prefix = Buffer.concat(
      [...chunks.slice(0, 1500), ...alt].map((c) => (typeof c === 'string' ? Buffer.from(c) : c)),
    );
    expect(prefixHash).toBe(sha(prefix));
    const entries = await readEntries(path.join(dir, 'a.zip'));
    for (const f of files) {
      expect(f.bytes).toBe(expected.length);
      expect(f.sha256).toBe(sha(expected));
      expect(f.sha512).toBe(createHash('sha512').update(expected).digest('hex'));
      expect(entries.get(`bag/${f.path}`)?.equals(expected)).toBe(true);
    }
  });
});
