import { Worker } from 'node:worker_threads';

// SHA-256 and SHA-512 of the streamed bag files, computed in a worker thread: together they are
// the largest item of the export's own CPU (every payload byte twice, plus the unredacted
// SHA-256 of files with redactions), and on the main thread they sat in series with the rows'
// JSON and redaction. The baseline (COPY TO + SHA-256) hashes in one process too, and the
// machine has two cores. Data is copied into the message (the zip keeps the block: blocks in
// a SharedArrayBuffer were tried and raised peak RSS from 245 to 344 MB at 100k, since the
// worker, which hardly allocates, collected them late); the main thread waits when more than
// MAX_INFLIGHT bytes are not yet hashed, so memory stays bounded.
// The worker is plain JavaScript passed as source: no file to bundle or transpile.

const MAX_INFLIGHT = 8 * 1024 * 1024;
const BLOCK = 256 * 1024;

const SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const hashes = new Map();
parentPort.on('message', (m) => {
  if (m.op === 'open') hashes.set(m.id, m.algos.map((a) => createHash(a)));
  else if (m.op === 'data') {
    for (const h of hashes.get(m.id)) h.update(m.buf);
    parentPort.postMessage({ op: 'ack', bytes: m.buf.length });
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

export class HashThread {
  private readonly worker = new Worker(SOURCE, { eval: true });
  private nextId = 1;
  private inflight = 0;
  private waiting: (() => void)[] = [];
  private readonly pending = new Map<
    number,
    { resolve: (d: string[]) => void; reject: (e: Error) => void }
  >();
  private failed: Error | undefined;

  constructor(private readonly onError: (e: Error) => void) {
    this.worker.unref(); // a build that failed before close() must not keep the process alive
    this.worker.on(
      'message',
      (m: { op: string; bytes?: number; id?: number; digests?: string[] }) => {
        if (m.op === 'ack') {
          this.inflight -= m.bytes!;
          if (this.inflight <= MAX_INFLIGHT) for (const w of this.waiting.splice(0)) w();
        } else {
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
    for (const w of this.waiting.splice(0)) w();
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

  /** Hands bytes over (copied); a promise only when too many bytes wait to be hashed. */
  update(id: number, buf: Uint8Array): Promise<void> | undefined {
    this.worker.postMessage({ op: 'data', id, buf });
    this.inflight += buf.length;
    if (this.inflight <= MAX_INFLIGHT || this.failed) return undefined;
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** A new SHA-256 continuing from `from`'s first algorithm's state, then `tail`. */
  fork(from: number, tail: Uint8Array): number {
    const id = this.nextId++;
    this.worker.postMessage({ op: 'fork', id, from, tail });
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

/** A SHA-256 continuing from `hash`'s state plus `tail`, fed text through its own block. */
export function forkSha256(thread: HashThread, hash: number, tail: Buffer): ForkedSha256 {
  const id = thread.fork(hash, tail);
  const block = Buffer.allocUnsafe(BLOCK); // reused: a message copies what it carries
  let used = 0;
  const flush = () => {
    const out = block.subarray(0, used);
    used = 0;
    return thread.update(id, out);
  };
  const forked: ForkedSha256 = {
    update: (s) => {
      const n = typeof s === 'string' ? Buffer.byteLength(s) : s.length;
      if (used + n > BLOCK && used > 0) {
        const wait = flush();
        if (wait) return wait.then(() => forked.update(s));
      }
      if (n > BLOCK) return thread.update(id, typeof s === 'string' ? Buffer.from(s) : s);
      if (typeof s === 'string') block.write(s, used);
      else s.copy(block, used);
      used += n;
      return undefined;
    },
    digest: async () => {
      if (used > 0) await flush();
      const [hex] = await thread.end(id);
      return hex;
    },
  };
  return forked;
}
