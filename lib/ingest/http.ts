import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import type { Pool } from 'pg';
import { env } from '@/lib/env';
import {
  ingestAccounts,
  ingestEvents,
  IngestInputError,
  type IngestOptions,
  type IngestSummary,
} from './index';
import { acquireIngestSlot, idleLimited } from './http-guards';
import type { TokenIdentity } from './tokens';
import type { IngestKind } from './types';

/** The HTTP ingest's limits (README: INGEST_MAX_BODY_BYTES, …); a test may lower them. */
export function httpLimits() {
  const e = env();
  return {
    maxBodyBytes: e.INGEST_MAX_BODY_BYTES,
    maxDecompressedBytes: e.INGEST_MAX_DECOMPRESSED_BYTES,
    maxGzipRatio: e.INGEST_MAX_GZIP_RATIO,
    maxLineBytes: e.INGEST_HTTP_MAX_LINE_BYTES,
    maxConcurrent: e.INGEST_MAX_CONCURRENT,
    bodyIdleMs: e.INGEST_BODY_IDLE_TIMEOUT_MS,
  };
}

export interface IngestHttpInput {
  kind: IngestKind;
  body: ReadableStream<Uint8Array> | null;
  headers: Headers;
  token: Pick<TokenIdentity, 'id' | 'name' | 'prefix'>;
  /** checked in every batch transaction (the route: the token is still live) */
  guard?: IngestOptions['guard'];
  pool: Pool;
  requestId: string;
  limits?: Partial<ReturnType<typeof httpLimits>>;
  /** batch size and lanes (tests); default as for any ingest */
  tuning?: Pick<IngestOptions, 'batchSize' | 'lanes'>;
}

/**
 * The HTTP ingest, streamed: the request body (NDJSON, or CSV with Content-Type text/csv;
 * gzip recognised by its magic bytes, so Content-Encoding: gzip works) goes straight into the
 * same pipeline as the CLI. Returns the summary; unusable input throws IngestInputError, which
 * lib/api/errors.ts maps to 413 (too large) or 400.
 */
export async function ingestHttp(i: IngestHttpInput): Promise<IngestSummary & { ok: boolean }> {
  const lim = { ...httpLimits(), ...i.limits };
  const declared = Number(i.headers.get('content-length') ?? NaN);
  if (declared > lim.maxBodyBytes)
    throw new IngestInputError(
      'too_large',
      `body of ${declared} bytes exceeds the limit of ${lim.maxBodyBytes} bytes; split it into several requests`,
    );
  if (!i.body)
    throw new IngestInputError(
      'empty_body',
      'the request body is empty: send NDJSON, one object per line',
    );
  const ct = (i.headers.get('content-type') ?? '').toLowerCase();
  const release = acquireIngestSlot(lim.maxConcurrent);
  const stream = idleLimited(
    Readable.fromWeb(i.body as unknown as NodeWebStream<Uint8Array>),
    lim.bodyIdleMs,
  );
  const run = i.kind === 'events' ? ingestEvents : ingestAccounts;
  try {
    const s = await run(stream, {
      pool: i.pool,
      actor: {
        id: `ingest-token:${i.token.id}`,
        email: `ingest-token:${i.token.prefix} (${i.token.name})`,
      },
      maxBytes: lim.maxBodyBytes,
      maxLineBytes: lim.maxLineBytes,
      maxDecompressedBytes: lim.maxDecompressedBytes,
      maxGzipRatio: lim.maxGzipRatio,
      format: ct.startsWith('text/csv') ? 'csv' : 'ndjson',
      sourceName: `http:${i.token.prefix}`,
      requestId: i.requestId,
      guard: i.guard,
      ...i.tuning,
    });
    return { ok: s.rejected === 0, ...s };
  } catch (e) {
    if (!(e instanceof IngestInputError)) throw e;
    const err = new IngestInputError(e.code, `${e.message}${committedNote(e.summary)}`);
    err.summary = e.summary;
    throw err;
  } finally {
    release();
  }
}

/** What a stopped upload had committed, by line number, so the client knows where to resume. */
function committedNote(s: IngestSummary | undefined): string {
  if (!s?.runId) return '';
  const n = s.committedThrough ?? 0;
  return n > 0
    ? ` (run ${s.runId}: committed through line ${n}; resend from line ${n + 1})`
    : ` (run ${s.runId}: nothing was committed; resend the whole body)`;
}
