import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { BagZip } from '../bag/zip-sink';

// A side file written during the natives pass (Timesketch rows, the redaction log) that joins
// the zip afterwards: yazl writes entries one after another, so a second stream cannot be open
// in the zip at the same time. It waits on the disk (back-pressure), never on memory.
export class TextSink {
  private readonly out: WriteStream;
  constructor(
    readonly tmpPath: string,
    header = '',
  ) {
    // A large buffer: with the default 16 KiB the natives pass waited for the disk every ~25
    // rows (a third of its time in one profile); this still bounds memory.
    this.out = createWriteStream(tmpPath, { mode: 0o600, highWaterMark: 4 * 1024 * 1024 });
    if (header) this.out.write(header);
  }

  /** A promise only when the disk is behind (wait for it before the next write). */
  write(s: string | Buffer): Promise<void> | undefined {
    return this.out.write(s) ? undefined : once(this.out, 'drain').then(() => undefined);
  }

  private closing: Promise<void> | undefined;

  close(): Promise<void> {
    this.closing ??= new Promise((resolve, reject) => {
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
