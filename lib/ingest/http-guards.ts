import { Readable } from 'node:stream';
import { LimitExceededError } from '@/lib/errors';
import { IngestInputError } from './types';

// What keeps HTTP uploads from taking the server down with them: a cap on uploads running at once
// (each holds its lanes' connections and a parser for as long as its client keeps sending), and an
// end to a body that stops arriving.

const g = globalThis as unknown as { __distillIngestSlots?: { busy: number } };
// On globalThis: Next may load this module once per route bundle, and the cap is per process.
const slots = () => (g.__distillIngestSlots ??= { busy: 0 });

/**
 * Takes one of `max` upload slots, or refuses with 429 and Retry-After. Returns the release
 * function (idempotent). Per server process: behind a load balancer, each instance caps its own.
 */
export function acquireIngestSlot(max: number, retryAfterSeconds = 5): () => void {
  const s = slots();
  if (s.busy >= max)
    throw new LimitExceededError(
      `${s.busy} ingests are already running (the limit is ${max}, INGEST_MAX_CONCURRENT); retry in a few seconds`,
      retryAfterSeconds,
    );
  s.busy++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    s.busy--;
  };
}

/**
 * The body as a stream that fails with a 408 (IngestInputError 'timeout') when no data comes for
 * `idleMs`. Only time spent waiting for the client counts: while the pipeline waits for the
 * database it does not ask for data, and no timer runs.
 */
export function idleLimited(body: Readable, idleMs: number): Readable {
  async function* chunks() {
    const it = body[Symbol.asyncIterator]();
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const stalled = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new IngestInputError(
                'timeout',
                `the request body stalled: no data for ${idleMs / 1000} s (INGEST_BODY_IDLE_TIMEOUT_MS)`,
              ),
            ),
          idleMs,
        );
      });
      try {
        const r = await Promise.race([it.next(), stalled]);
        if (r.done) return;
        yield r.value as Buffer;
      } catch (e) {
        body.destroy();
        throw e;
      } finally {
        clearTimeout(timer);
      }
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}
