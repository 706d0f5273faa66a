import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { request } from 'node:http';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

// The one big HTTP ingest `npm run bench:load` runs beside the readers (issue #12): `count` real
// demo events with fresh ids (so every line is inserted, none a duplicate), written to a file
// before the measured phase and streamed from it, so the bench's own CPU stays out of the way.

/** Writes `count` events from `source` (cycled when shorter), ids prefixed with `tag`. */
export async function writeIngestBody(
  source: string,
  out: string,
  count: number,
  tag: string,
  gzip: boolean,
): Promise<number> {
  const sink = createWriteStream(out);
  const gz = gzip ? createGzip({ level: 1 }) : null;
  const target = gz ?? sink;
  const piped = gz ? pipeline(gz, sink) : null;
  let written = 0;
  for (let pass = 0; written < count; pass++) {
    const rl = createInterface({ input: createReadStream(source) });
    let seen = 0;
    for await (const line of rl) {
      if (!line) continue;
      seen++;
      const ev = JSON.parse(line) as { id: string };
      ev.id = `${tag}-${pass}-${ev.id}`;
      if (!target.write(`${JSON.stringify(ev)}\n`)) await once(target, 'drain');
      if (++written >= count) break;
    }
    rl.close();
    if (seen === 0) throw new Error(`${source} holds no events`);
  }
  target.end();
  await (piped ?? once(sink, 'finish'));
  return statSync(out).size;
}

export interface IngestOutcome {
  status: number;
  /** wall time of the admitted request, body sent to summary received */
  ms: number;
  /** performance.now() when the admitted request was sent */
  at: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  /** 429 answers (the concurrency cap) retried before it was admitted */
  retried429: number;
  message?: string;
}

// Sent this much with no answer yet, the server is reading the body: the upload was admitted (a
// 429 answers before the body is read, and the socket buffers hold far less).
const ADMITTED_BYTES = 8 * 2 ** 20;

function postOnce(
  url: URL,
  token: string,
  file: string,
  gzip: boolean,
  timeoutMs: number,
  onAdmitted: () => void,
) {
  return new Promise<{ status: number; retryAfter: number; body: string }>((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/x-ndjson',
        'content-length': statSync(file).size,
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      },
      timeout: timeoutMs,
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          retryAfter: Number(res.headers['retry-after'] ?? 1),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    // A 429 answers before the body is read: stop sending then (the pipe's error is the answer's).
    const body = createReadStream(file);
    const size = statSync(file).size;
    let sent = 0;
    let answered = false;
    req.on('response', () => (answered = true));
    body.on('data', (c) => {
      const before = sent;
      sent += c.length;
      const mark = Math.min(ADMITTED_BYTES, size);
      if (!answered && before < mark && sent >= mark) onAdmitted();
    });
    pipeline(body, req).catch(() => undefined);
  });
}

/**
 * POSTs the file; a 429 (cap full) is retried after Retry-After until `timeoutMs` has passed.
 * `onAdmitted` runs once the server is reading the body of an attempt.
 */
export async function postIngest(
  base: string,
  token: string,
  file: string,
  gzip: boolean,
  timeoutMs: number,
  onAdmitted: () => void,
): Promise<IngestOutcome> {
  const t0 = performance.now();
  const url = new URL('/api/v1/ingest/events', base);
  for (let retried = 0; ; retried++) {
    const left = timeoutMs - (performance.now() - t0);
    const sent = performance.now();
    const r = await postOnce(url, token, file, gzip, Math.max(1, left), onAdmitted);
    if (r.status === 429 && left > r.retryAfter * 1000) {
      await new Promise((ok) => setTimeout(ok, r.retryAfter * 1000));
      continue;
    }
    const ms = performance.now() - sent;
    let j: Partial<IngestOutcome> & { error?: { message: string } } = {};
    try {
      j = JSON.parse(r.body) as typeof j;
    } catch {
      j = { error: { message: r.body.slice(0, 200) } };
    }
    return {
      status: r.status,
      ms,
      at: sent,
      accepted: j.accepted ?? 0,
      duplicates: j.duplicates ?? 0,
      rejected: j.rejected ?? 0,
      retried429: retried,
      message: j.error?.message,
    };
  }
}
