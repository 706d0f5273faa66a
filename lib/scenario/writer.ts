import { closeSync, openSync, writeSync } from 'node:fs';

/** Buffered, synchronous NDJSON writer: a few large writes instead of one per line. */
export class NdjsonWriter {
  private fd: number;
  private buf: string[] = [];
  private size = 0;
  lines = 0;

  constructor(path: string, private readonly flushAt = 4 << 20) {
    this.fd = openSync(path, 'w');
  }

  write(line: string): void {
    this.buf.push(line, '\n');
    this.size += line.length + 1;
    this.lines++;
    if (this.size >= this.flushAt) this.flush();
  }

  writeObject(value: unknown): void {
    this.write(JSON.stringify(value));
  }

  flush(): void {
    if (this.buf.length === 0) return;
    writeSync(this.fd, this.buf.join(''));
    this.buf = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
