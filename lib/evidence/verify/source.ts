import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

// What verify reads: a bag directory or a zip holding one. Paths are bag-relative with '/'.
// A zip must unpack to one top-level directory (RFC 8493 §4); names that would escape it are
// refused rather than read.

export interface BagSource {
  name: string;
  /** path → size in bytes (uncompressed). */
  files: Map<string, number>;
  /** Problems with the container itself (unsafe names, more than one top directory…). */
  problems: string[];
  open(p: string): Promise<Readable>;
  close(): void;
}

export async function openDirectory(dir: string): Promise<BagSource> {
  const files = new Map<string, number>();
  const walk = async (rel: string) => {
    for (const d of await readdir(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory()) await walk(r);
      else files.set(r, (await stat(path.join(dir, r))).size);
    }
  };
  await walk('');
  return {
    name: path.basename(path.resolve(dir)),
    files,
    problems: [],
    open: async (p) => createReadStream(path.join(dir, p)),
    close: () => undefined,
  };
}

export async function openZip(file: string): Promise<BagSource> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (err, z) =>
      err || !z ? reject(err ?? new Error('cannot open')) : resolve(z),
    ),
  );
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) => {
      if (!e.fileName.endsWith('/')) entries.set(e.fileName, e);
      zip.readEntry();
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  const problems: string[] = [];
  const tops = new Set([...entries.keys()].map((n) => n.split('/')[0]));
  const single = tops.size === 1 && [...entries.keys()].every((n) => n.includes('/'));
  if (!single)
    problems.push(
      `the zip should hold one top-level directory, it holds ${tops.size} top-level names`,
    );
  const top = single ? [...tops][0] : '';
  const files = new Map<string, number>();
  const byPath = new Map<string, yauzl.Entry>();
  for (const [n, e] of entries) {
    const rel = single ? n.slice(top.length + 1) : n;
    if (rel.split('/').some((s) => s === '..' || s === '') || n.startsWith('/')) {
      problems.push(`unsafe path in zip: ${n}`);
      continue;
    }
    files.set(rel, e.uncompressedSize);
    byPath.set(rel, e);
  }
  return {
    name: top || path.basename(file, '.zip'),
    files,
    problems,
    open: (p) =>
      new Promise((resolve, reject) =>
        zip.openReadStream(byPath.get(p)!, (err, s) => (err || !s ? reject(err) : resolve(s))),
      ),
    close: () => zip.close(),
  };
}
