import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { gunzipLimited, type GunzipLimits } from './gunzip';
import { IngestInputError, type IngestSource, type InputFormat } from './types';

export interface OpenedSource {
  chunks: AsyncIterable<Buffer>;
  format: InputFormat;
  name: string;
  bytesRead: () => number;
  bytesTotal: number | null;
}

/** Reads the first chunk and hands back an iterable that still yields it. */
async function peek(
  src: AsyncIterable<Buffer>,
): Promise<{ first: Buffer | null; all: AsyncIterable<Buffer> }> {
  const it = src[Symbol.asyncIterator]();
  const r = await it.next();
  const first = r.done ? null : (r.value as Buffer);
  async function* all() {
    if (first) yield first;
    for (;;) {
      const n = await it.next();
      if (n.done) return;
      yield n.value as Buffer;
    }
  }
  return { first, all: all() };
}

function formatFromName(name: string): InputFormat | null {
  const base = name.toLowerCase().replace(/\.gz$/, '');
  if (base.endsWith('.csv')) return 'csv';
  if (/\.(ndjson|jsonl|json)$/.test(base)) return 'ndjson';
  return null;
}

function sniff(first: Buffer | null, requiredColumn: string): InputFormat | null {
  if (!first) return 'ndjson'; // empty input: nothing to do, in either format
  const head = first
    .subarray(0, 64 * 1024)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  const c = head.trimStart()[0];
  if (c === undefined || c === '{') return 'ndjson';
  const firstLine = head.split(/\r?\n/, 1)[0];
  if (
    firstLine.includes(',') &&
    firstLine
      .split(',')
      .map((s) => s.trim().replace(/^"|"$/g, ''))
      .includes(requiredColumn)
  )
    return 'csv';
  return null;
}

/**
 * Opens a path ('-' = stdin) or a stream; gunzips when the data starts with the gzip magic
 * bytes (whatever the file is called); detects NDJSON vs CSV by extension, else by content.
 */
export async function openSource(
  source: IngestSource,
  opts: {
    format?: InputFormat;
    maxBytes?: number;
    gunzip?: GunzipLimits;
    requiredColumn: string;
    name?: string;
  },
): Promise<OpenedSource> {
  let stream: Readable;
  let name = opts.name ?? 'stream';
  let bytesTotal: number | null = null;
  if (typeof source === 'string') {
    if (source === '-') {
      stream = process.stdin;
      name = opts.name ?? 'stdin';
    } else {
      const st = await stat(source).catch(() => null);
      if (!st || !st.isFile()) throw new IngestInputError('not_found', `no such file: ${source}`);
      bytesTotal = st.size;
      name = opts.name ?? path.basename(source);
      stream = createReadStream(source, { highWaterMark: 1 << 20 });
    }
  } else stream = source;
  let bytes = 0;
  const max = opts.maxBytes ?? Infinity;
  async function* counted() {
    for await (const chunk of stream) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      bytes += b.length;
      if (bytes > max) {
        stream.destroy();
        throw new IngestInputError('too_large', `input exceeds ${max} bytes`);
      }
      yield b;
    }
  }
  const raw = await peek(counted());
  let data = raw;
  if (raw.first && raw.first.length >= 2 && raw.first[0] === 0x1f && raw.first[1] === 0x8b) {
    data = await peek(gunzipLimited(raw.all, () => bytes, opts.gunzip ?? {}));
  }
  const format =
    opts.format ??
    formatFromName(typeof source === 'string' ? source : name) ??
    sniff(data.first, opts.requiredColumn);
  if (!format)
    throw new IngestInputError(
      'unsupported_format',
      `${name}: not NDJSON (lines starting with '{') nor CSV with a header naming ${opts.requiredColumn}`,
    );
  return { chunks: data.all, format, name, bytesRead: () => bytes, bytesTotal };
}
