import { Readable } from 'node:stream';

/**
 * Lines as a byte stream in ~1 MiB chunks, for the ingest (no file on disk). `check` runs every
 * `every` lines and may throw to stop the stream (the ingest then fails with that message).
 */
export function linesStream(
  lines: Iterable<string>,
  check: (n: number) => void = () => {},
  every = 50_000,
): Readable {
  function* chunks(): Generator<Buffer> {
    let buf: string[] = [];
    let size = 0;
    let n = 0;
    for (const line of lines) {
      buf.push(line);
      size += line.length + 1;
      if (++n % every === 0) check(n);
      if (size >= 1 << 20) {
        yield Buffer.from(`${buf.join('\n')}\n`);
        buf = [];
        size = 0;
      }
    }
    if (buf.length) yield Buffer.from(`${buf.join('\n')}\n`);
  }
  return Readable.from(chunks(), { objectMode: false });
}
