import { Worker } from 'node:worker_threads';

// SHA-256 and SHA-512 of the streamed bag files, computed in a worker thread: together they are
// the largest item of the export's own CPU (every payload byte twice, plus the unredacted
// SHA-256 of files with redactions), and on the main thread they sat in series with the rows'
// JSON and redaction. Bytes are not copied: a block's memory is transferred to the worker and
// transferred back once hashed, and only then written to the zip (a structured-clone copy of
// every block was 10–15 % of the main thread's time, and the worker collected the copies late).
// Callers bound what is in flight by awaiting the returned promises (zip-sink.ts keeps a few
// blocks out at a time). The worker is plain JavaScript passed as source: nothing to bundle.

const BLOCK = 256 * 1024;

const SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const hashes = new Map();
parentPort.on('message', (m) => {
  if (m.op === 'open') hashes.set(m.id, m.algos.map((a) => createHash(a)));
  else if (m.op === 'data') {
    const bytes = new Uint8Array(m.ab, m.off, m.len);
    for (const h of hashes.get(m.id)) h.update(bytes);
    parentPort.postMessage({ op: 'back', ab: m.ab, off: m.off, len: m.len }, [m.ab]);
  } else if (m.op === 'fork') {
    const h = hashes.get(m.from)[0].copy();
    if (m.tail.length) h.update(m.tail);
    hashes.set(m.id, [h]);
  } else if (m.op === 'end') {
    const digests = hashes.get(m.id).map((h) => h.digest('hex'));
    hashes.delete(m.id);
    parentPort.postMessage({ op: 'digests', id: m.id, digests });
  }
});
`;

type Back = { resolve: (b: Buffer) => void; reject: (e: Error) => void };

/** The bytes as a Buffer that owns its whole ArrayBuffer (safe to transfer): a copy otherwise. */
function owned(buf: Uint8Array, isOwned: boolean): Buffer {
  if (isOwned) return Buffer.from(buf.buffer, buf.byteOffset, buf.length);
  const copy = Buffer.allocUnsafeSlow(buf.length); // never a slice of the shared pool
  copy.set(buf);
  return copy;
}

export class HashThread {
  private readonly worker = new Worker(SOURCE, { eval: true });
  private nextId = 1;
  /** Blocks out in the worker, oldest first (the worker answers in order). */
  private readonly backs: Back[] = [];
  private readonly pending = new Map<
    number,
    { resolve: (d: string[]) => void; reject: (e: Error) => void }
  >();
  private failed: Error | undefined;

  constructor(private readonly onError: (e: Error) => void) {
    this.worker.unref(); // a build that failed before close() must not keep the process alive
    this.worker.on(
      'message',
      (m: {
        op: string;
        ab?: ArrayBuffer;
        off?: number;
        len?: number;
        id?: number;
        digests?: string[];
      }) => {
        if (m.op === 'back') this.backs.shift()?.resolve(Buffer.from(m.ab!, m.off, m.len));
        else {
          this.pending.get(m.id!)?.resolve(m.digests!);
          this.pending.delete(m.id!);
        }
      },
    );
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', (code) => this.fail(new Error(`hash thread exited (${code})`)));
  }

  private fail(e: Error) {
    if (this.failed) return;
    this.failed = e;
    for (const b of this.backs.splice(0)) b.reject(e);
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
    this.onError(e);
  }

  /** A new running hash over the given algorithms; returns its id. */
  open(algos: string[]): number {
    const id = this.nextId++;
    this.worker.postMessage({ op: 'open', id, algos });
    return id;
  }

  /**
   * Hashes bytes; resolves with the same bytes once hashed. With `isOwned` (the caller made the
   * buffer and its ArrayBuffer holds nothing else) the memory travels and the caller must use
   * only what comes back; otherwise the bytes are copied once first.
   */
  update(id: number, buf: Uint8Array, isOwned: boolean): Promise<Buffer> {
    if (this.failed) return Promise.reject(this.failed);
    const b = owned(buf, isOwned);
    return new Promise((resolve, reject) => {
      this.backs.push({ resolve, reject });
      const ab = b.buffer as ArrayBuffer;
      this.worker.postMessage({ op: 'data', id, ab, off: b.byteOffset, len: b.length }, [ab]);
    });
  }

  /** A new SHA-256 continuing from `from`'s first algorithm's state, then `tail` (copied). */
  fork(from: number, tail: Uint8Array): number {
    const id = this.nextId++;
    this.worker.postMessage({ op: 'fork', id, from, tail: Uint8Array.prototype.slice.call(tail) });
    return id;
  }

  /** Hex digests of everything the hash was given, in the order of its algorithms. */
  end(id: number): Promise<string[]> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ op: 'end', id });
    });
  }

  async close(): Promise<void> {
    this.failed ??= new Error('hash thread closed');
    await this.worker.terminate();
  }
}

/** A SHA-256 continued on its own (in the hash thread): text in, hex digest at the end. */
export interface ForkedSha256 {
  update(s: string | Buffer): Promise<void> | undefined;
  digest(): Promise<string>;
}

/** How many blocks a fork keeps out in the worker before its caller waits. */
const FORK_INFLIGHT = 4;

/** A SHA-256 continuing from `hash`'s state plus `tail`, fed text through its own block. */
export function forkSha256(thread: HashThread, hash: number, tail: Buffer): ForkedSha256 {
  const id = thread.fork(hash, tail);
  let block = Buffer.allocUnsafeSlow(BLOCK);
  let used = 0;
  const out: Promise<unknown>[] = [];
  const send = (b: Uint8Array, isOwned: boolean) => {
    const done = thread.update(id, b, isOwned);
    done.catch(() => undefined); // awaited later; a cancel may leave it unawaited
    out.push(done);
    return out.length > FORK_INFLIGHT ? out.shift()!.then(() => undefined) : undefined;
  };
  const flush = () => {
    const full = block.subarray(0, used);
    block = Buffer.allocUnsafeSlow(BLOCK);
    used = 0;
    return send(full, true);
  };
  const forked: ForkedSha256 = {
    update: (s) => {
      const n = typeof s === 'string' ? Buffer.byteLength(s) : s.length;
      if (used + n > BLOCK && used > 0) {
        const wait = flush();
        if (wait) return wait.then(() => forked.update(s));
      }
      if (n > BLOCK) return send(typeof s === 'string' ? Buffer.from(s) : s, false);
      if (typeof s === 'string') block.write(s, used);
      else s.copy(block, used);
      used += n;
      return undefined;
    },
    digest: async () => {
      if (used > 0) await flush();
      await Promise.all(out.splice(0));
      const [hex] = await thread.end(id);
      return hex;
    },
  };
  return forked;
}
