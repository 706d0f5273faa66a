import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * Buffered, synchronous NDJSON writer. Lines are encoded straight into one reusable byte buffer,
 * so they die young: keeping megabytes of pending strings alive made garbage collection the
 * generator's main cost.
 */
export class NdjsonWriter {
  private fd: number;
  private buf: Buffer;
  private used = 0;
  lines = 0;

  constructor(path: string, size = 4 << 20) {
    this.fd = openSync(path, 'w');
    this.buf = Buffer.allocUnsafe(size);
  }

  write(line: string): void {
    const worst = line.length * 3 + 1; // UTF-8 bytes per UTF-16 unit are at most 3
    if (this.used + worst > this.buf.length) {
      this.flush();
      if (worst > this.buf.length) this.buf = Buffer.allocUnsafe(worst);
    }
    this.used += this.buf.write(line, this.used, 'utf8');
    this.buf[this.used++] = 10;
    this.lines++;
  }

  writeObject(value: unknown): void {
    this.write(JSON.stringify(value));
  }

  flush(): void {
    let off = 0;
    while (off < this.used) off += writeSync(this.fd, this.buf, off, this.used - off);
    this.used = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
