import { createHash, type Hash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import yazl from 'yazl';
import type { FileDigest } from './bagit';

// Streams bag files into a zip under one top-level directory (RFC 8493 §4: a serialised bag
// unpacks to a single directory named like the bag). Every entry gets the same fixed mtime and
// mode, and entries are added in the caller's (deterministic) order, so two builds of the same
// export give the same entry bytes. Each file is hashed (SHA-256 + SHA-512) as it passes through.

const FIXED_MTIME = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));
const FLUSH_AT = 256 * 1024;

export interface EntryWriter {
  /** Appends text or bytes; resolves when the zip can take more (back-pressure). */
  write(chunk: string | Buffer): Promise<void>;
  /** A SHA-256 of everything written so far, to continue on its own (the entry's goes on). */
  sha256SoFar(): Hash;
}

export class BagZip {
  private readonly zip = new yazl.ZipFile();
  private readonly out: WriteStream;
  private readonly zipHash = createHash('sha256');
  private zipBytes = 0;
  private failed: Error | undefined;
  private readonly done: Promise<void>;

  constructor(
    readonly outPath: string,
    readonly bagName: string,
    private readonly compressionLevel = 1,
  ) {
    this.out = createWriteStream(outPath, { mode: 0o600 });
    this.zip.outputStream.on('data', (c: Buffer) => {
      this.zipHash.update(c);
      this.zipBytes += c.length;
    });
    this.zip.outputStream.pipe(this.out);
    this.done = new Promise((resolve, reject) => {
      this.out.on('finish', resolve);
      const fail = (e: Error) => {
        this.failed = e;
        reject(e);
      };
      this.out.on('error', fail);
      this.zip.outputStream.on('error', fail);
    });
    this.done.catch(() => undefined); // surfaced by finish() or the next write
  }

  private options(compress: boolean) {
    return {
      mtime: FIXED_MTIME,
      mode: 0o100644,
      compressionLevel: compress ? this.compressionLevel : 0,
    };
  }

  /** Adds a small file held in memory. */
  addBuffer(path: string, data: Buffer, compress = true): FileDigest {
    this.check();
    this.zip.addBuffer(data, `${this.bagName}/${path}`, this.options(compress && data.length > 64));
    return {
      path,
      bytes: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      sha512: createHash('sha512').update(data).digest('hex'),
    };
  }

  /** Streams one file: `produce` writes its content through the given writer. */
  async addStreamed(path: string, produce: (w: EntryWriter) => Promise<void>): Promise<FileDigest> {
    this.check();
    const pt = new PassThrough({ highWaterMark: 1024 * 1024 });
    this.zip.addReadStream(pt, `${this.bagName}/${path}`, this.options(true));
    const h256 = createHash('sha256');
    const h512 = createHash('sha512');
    let pending: (string | Buffer)[] = [];
    let pendingBytes = 0;
    let bytes = 0;
    const flush = async () => {
      if (pending.length === 0) return;
      const buf = Buffer.concat(pending.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
      pending = [];
      pendingBytes = 0;
      feed(buf, h256, h512);
      bytes += buf.length;
      if (!pt.write(buf)) await this.drained(pt);
    };
    const writer: EntryWriter = {
      write: async (chunk) => {
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes >= FLUSH_AT) await flush();
      },
      sha256SoFar: () => {
        const h = h256.copy();
        for (const c of pending) h.update(c);
        return h;
      },
    };
    await produce(writer);
    await flush();
    pt.end();
    return { path, bytes, sha256: h256.digest('hex'), sha512: h512.digest('hex') };
  }

  private async drained(pt: PassThrough) {
    this.check();
    await Promise.race([once(pt, 'drain'), this.done]);
    this.check();
  }

  private check() {
    if (this.failed) throw this.failed;
  }

  /** Closes the zip; resolves with its size and SHA-256 once every byte is on disk. */
  async finish(): Promise<{ bytes: number; sha256: string }> {
    this.zip.end();
    await this.done;
    return { bytes: this.zipBytes, sha256: this.zipHash.digest('hex') };
  }

  /** Stops writing (cancel or error); the caller removes the partial file. */
  abort(): void {
    this.zip.outputStream.unpipe(this.out);
    this.out.on('error', () => undefined); // in-flight writes fail after destroy; nobody waits
    this.out.destroy();
  }
}

function feed(buf: Buffer, ...hashes: Hash[]) {
  for (const h of hashes) h.update(buf);
}
