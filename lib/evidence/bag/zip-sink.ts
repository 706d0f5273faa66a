import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import yazl from 'yazl';
import type { FileDigest } from './bagit';
import { forkSha256, HashThread, type ForkedSha256 } from './hash-thread';

export type { ForkedSha256 };
import { installNativeCrc32 } from './native-crc';

// Streams bag files into a zip under one top-level directory (RFC 8493 §4: a serialised bag
// unpacks to a single directory named like the bag). Every entry gets the same fixed mtime and
// mode, and entries are added in the caller's (deterministic) order, so two builds of the same
// export give the same entry bytes. Each file is hashed (SHA-256 + SHA-512) as it passes through.

installNativeCrc32();

const FIXED_MTIME = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));
const FLUSH_AT = 1024 * 1024;
/** Blocks of one entry out in the hash thread or waiting for the zip before the writer waits. */
const OUT = 6;
/** The zip file is written in pieces of at least this many bytes. */
const OUT_WRITE = 1024 * 1024;
const OUT_DELAY_MS = 20;

export interface EntryWriter {
  /** Appends text or bytes. A promise comes back only when the caller must wait for the zip
   *  (back-pressure); most writes only copy into the current block and return nothing. */
  write(chunk: string | Buffer): Promise<void> | undefined;
  /** A SHA-256 of everything written so far, to continue on its own (the entry's goes on). */
  forkSha256(): ForkedSha256;
}

export class BagZip {
  private readonly zip = new yazl.ZipFile();
  private readonly out: WriteStream;
  private readonly zipHash = createHash('sha256');
  private zipBytes = 0;
  private failed: Error | undefined;
  private readonly done: Promise<void>;
  private readonly hashes = new HashThread((e) => {
    this.failed ??= e;
  });

  constructor(
    readonly outPath: string,
    readonly bagName: string,
    private readonly compressionLevel = 1,
  ) {
    this.out = createWriteStream(outPath, { mode: 0o600 });
    // The zip's output comes in deflate's 16 KiB chunks: they go to the file gathered into
    // writes of OUT_WRITE bytes (a write per chunk was a file-system request each on the main
    // thread), with the same back-pressure as a pipe.
    const zipOut = this.zip.outputStream;
    zipOut.on('data', (c: Buffer) => {
      if (this.aborted) return;
      this.zipHash.update(c);
      this.zipBytes += c.length;
      this.gathered.push(c);
      this.gatheredBytes += c.length;
      if (this.gatheredBytes < OUT_WRITE) {
        // What is gathered reaches the file within OUT_DELAY_MS even while the zip is quiet.
        this.timer ??= setTimeout(() => this.writeGathered(), OUT_DELAY_MS).unref();
      } else if (!this.writeGathered()) {
        zipOut.pause();
        this.out.once('drain', () => zipOut.resume());
      }
    });
    zipOut.on('end', () => {
      this.writeGathered();
      if (!this.aborted) this.out.end();
    });
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

  private gathered: Buffer[] = [];
  private gatheredBytes = 0;
  private aborted = false;
  private timer: NodeJS.Timeout | undefined;

  /** Writes what the zip has produced so far; false when the file asks to wait (drain). */
  private writeGathered(): boolean {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.gatheredBytes === 0 || this.aborted) return true;
    const chunk =
      this.gathered.length === 1
        ? this.gathered[0]
        : Buffer.concat(this.gathered, this.gatheredBytes);
    this.gathered = [];
    this.gatheredBytes = 0;
    return this.out.write(chunk);
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

  /** Files handed to the zip whose data it has not read to the end yet (oldest first). */
  private readonly unread: Promise<unknown>[] = [];

  /** Streams one file: `produce` writes its content through the given writer. */
  async addStreamed(path: string, produce: (w: EntryWriter) => Promise<void>): Promise<FileDigest> {
    this.check();
    // yazl reads entries one after another. A file smaller than the stream's buffer never sees
    // back-pressure, so without this wait every small file (an account's natives) would queue
    // whole in memory whenever deflate is behind: RSS grew with the export (689 MB at 1M events).
    // One file may wait while the next is written.
    while (this.unread.length >= 2) await Promise.race([this.unread.shift(), this.done]);
    this.check();
    const pt = new PassThrough({ highWaterMark: 4 * FLUSH_AT });
    this.zip.addReadStream(pt, `${this.bagName}/${path}`, this.options(true));
    const hash = this.hashes.open(['sha256', 'sha512']);
    // Text is encoded straight into one block (one copy); a full block travels to the hash
    // thread and, once hashed, comes back and goes to the zip as it is. The next block is a
    // fresh allocation (the zip still holds the last). At most OUT blocks are out at a time.
    let block = Buffer.allocUnsafeSlow(FLUSH_AT);
    let used = 0;
    let bytes = 0;
    const out: Promise<void>[] = [];
    const toZip = (b: Buffer) => (pt.write(b) ? undefined : this.drained(pt));
    const pass = async (chunk: Buffer, isOwned: boolean) => {
      bytes += chunk.length;
      const done = this.hashes.update(hash, chunk, isOwned).then(toZip);
      done.catch(() => undefined); // awaited below; a cancel may leave it unawaited
      out.push(done);
      while (out.length > OUT) await out.shift();
      this.check();
    };
    const flush = async () => {
      if (used === 0) return;
      const full = block.subarray(0, used);
      block = Buffer.allocUnsafeSlow(FLUSH_AT);
      used = 0;
      await pass(full, true);
    };
    const writer: EntryWriter = {
      write: (chunk) => {
        const n = typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
        if (used + n <= FLUSH_AT) {
          if (typeof chunk === 'string') block.write(chunk, used);
          else chunk.copy(block, used);
          used += n;
          return used === FLUSH_AT ? flush() : undefined;
        }
        return flush().then(async () => {
          if (n < FLUSH_AT) return void writer.write(chunk);
          await pass(typeof chunk === 'string' ? Buffer.from(chunk) : chunk, false);
        });
      },
      forkSha256: () => forkSha256(this.hashes, hash, block.subarray(0, used)),
    };
    await produce(writer);
    await flush();
    for (const o of out.splice(0)) await o;
    this.check();
    this.unread.push(once(pt, 'end'));
    pt.end();
    const [sha256, sha512] = await this.hashes.end(hash);
    return { path, bytes, sha256, sha512 };
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
    try {
      await this.done;
    } finally {
      await this.hashes.close();
    }
    return { bytes: this.zipBytes, sha256: this.zipHash.digest('hex') };
  }

  /** Stops writing (cancel or error); the caller removes the partial file. */
  abort(): void {
    this.aborted = true;
    clearTimeout(this.timer);
    this.out.on('error', () => undefined); // in-flight writes fail after destroy; nobody waits
    this.out.destroy();
    void this.hashes.close();
  }
}
