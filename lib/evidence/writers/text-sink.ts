import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { BagZip } from '../bag/zip-sink';

// A side file written during the natives pass (Timesketch rows, the redaction log) that joins
// the zip afterwards: yazl writes entries one after another, so a second stream cannot be open
// in the zip at the same time. Lines are copied into a 256 KiB block and a full block goes to
// the file as one write (a write per line cost an allocation each and a writev of hundreds of
// small buffers); the caller may reuse what it passed as soon as write() returns. It waits on
// the disk (back-pressure), never on memory.

const BLOCK = 256 * 1024;

export class TextSink {
  private readonly out: WriteStream;
  private block = Buffer.allocUnsafe(BLOCK);
  private used = 0;
  constructor(
    readonly tmpPath: string,
    header = '',
  ) {
    this.out = createWriteStream(tmpPath, { mode: 0o600, highWaterMark: 4 * 1024 * 1024 });
    if (header) void this.write(header);
  }

  /** A promise only when the disk is behind (wait for it before the next write). */
  write(s: string | Buffer): Promise<void> | undefined {
    const n = typeof s === 'string' ? Buffer.byteLength(s) : s.length;
    if (this.used + n > BLOCK) {
      const wait = this.flush();
      if (n > BLOCK) {
        const ok = this.out.write(typeof s === 'string' ? s : Buffer.from(s));
        return ok && !wait ? undefined : once(this.out, 'drain').then(() => undefined);
      }
      this.put(s);
      return wait;
    }
    this.put(s);
    return undefined;
  }

  private put(s: string | Buffer) {
    this.used +=
      typeof s === 'string' ? this.block.write(s, this.used) : s.copy(this.block, this.used);
  }

  /** Hands the block to the file (a fresh one follows: the stream keeps the old until written). */
  private flush(): Promise<void> | undefined {
    if (this.used === 0) return undefined;
    const full = this.block.subarray(0, this.used);
    this.block = Buffer.allocUnsafe(BLOCK);
    this.used = 0;
    return this.out.write(full) ? undefined : once(this.out, 'drain').then(() => undefined);
  }

  private closing: Promise<void> | undefined;

  close(): Promise<void> {
    this.closing ??= new Promise((resolve, reject) => {
      this.flush();
      this.out.once('error', reject);
      this.out.end(resolve);
    });
    return this.closing;
  }

  /** Copies the finished side file into the zip under `path`. */
  async addTo(zip: BagZip, path: string) {
    await this.close();
    return zip.addStreamed(path, async (w) => {
      for await (const chunk of createReadStream(this.tmpPath, { highWaterMark: 256 * 1024 }))
        await w.write(chunk as Buffer);
    });
  }

  destroy() {
    // A write still in flight fails with ERR_STREAM_DESTROYED after this: nobody waits for it,
    // and an 'error' without a listener would be an uncaught exception (a crashed server).
    this.out.on('error', () => undefined);
    this.out.destroy();
  }
}
