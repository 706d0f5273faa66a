import type { Readable } from 'node:stream';
import type { Pool, PoolClient } from 'pg';
import type { AuditActor } from '@/lib/audit/write';

export type IngestKind = 'events' | 'accounts';
export type InputFormat = 'ndjson' | 'csv';

/** A rejected line: 1-based line number in the (decompressed) input, the field when known. */
export interface LineError {
  line: number;
  field?: string;
  reason: string;
}

export interface IngestProgress {
  lines: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  /** bytes of the source consumed so far (compressed bytes for gzip input) */
  bytesRead: number;
  /** total source size when known (a regular file), else null */
  bytesTotal: number | null;
  elapsedMs: number;
}

export interface IngestSummary {
  runId: string;
  kind: IngestKind;
  format: InputFormat;
  lines: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  /**
   * Every input line up to and including this one is committed (accepted, a duplicate, or
   * quarantined); a resend can start after it. With several lanes, lines beyond it may be
   * committed too (the lanes commit independently), and resending them is harmless.
   */
  committedThrough?: number;
  /** the first 20 rejected lines */
  errors: LineError[];
  elapsedMs: number;
  /** batch transactions with rows: copied straight into events (all rows new) or merged through staging */
  batches: { direct: number; staged: number };
  /** where the time went (ms): parsing/validation/features in JS, staging (COPY), merge, commit, waiting for the database */
  timings?: { parse: number; stage: number; merge: number; commit: number; wait: number };
  /** tables analyzed after the run (analyze.ts), and how long the check and ANALYZE took */
  analyzed?: string[];
  analyzeMs?: number;
}

export interface IngestOptions {
  pool: Pool;
  /** who runs it: written to ingest_runs.actor and the 'ingest.run' audit row */
  actor?: string | AuditActor;
  onProgress?: (p: IngestProgress) => void;
  /** COPY into staging (default: true on Postgres, forced false on PGlite) */
  useCopy?: boolean;
  /** rows per batch transaction and lane (default DEFAULT_BATCH_SIZE, 25,000) */
  batchSize?: number;
  /** parallel lanes (connections), rows split by account (default INGEST_LANES; always 1 on PGlite) */
  lanes?: number;
  /** longest accepted line in bytes (default 1 MiB); longer lines are quarantined */
  maxLineBytes?: number;
  /** stop with IngestInputError('too_large') after this many source bytes (HTTP limit) */
  maxBytes?: number;
  /** gzip input: stop with IngestInputError('too_large') past this many decompressed bytes */
  maxDecompressedBytes?: number;
  /** gzip input: … or when it expands more than this many times its compressed size */
  maxGzipRatio?: number;
  /** a lane's batch is also sent when its rows' input text passes this many bytes (default INGEST_BATCH_MAX_BYTES) */
  batchBytes?: number;
  /** 'text' keeps prompt/response/system prompt; 'hash' stores only their SHA-256 (default: PROMPT_STORAGE) */
  promptStorage?: 'text' | 'hash';
  /** force the input format instead of detecting it */
  format?: InputFormat;
  /** label stored as quarantine.source / ingest_runs.source (default: the path, or 'stdin'/'stream') */
  sourceName?: string;
  /** for request-scoped audit rows */
  requestId?: string;
  /**
   * Run first in every batch transaction, on its connection; throwing stops the run before that
   * batch writes (the HTTP ingest checks there that its token is still live).
   */
  guard?: (client: PoolClient) => Promise<void>;
}

export type IngestSource = Readable | string;

/** Input that cannot be ingested at all (CLI exit 2; HTTP 413/400, mapped in lib/api/errors.ts). */
export class IngestInputError extends Error {
  /** what had been committed before the input turned out unusable (batches already ingested stay) */
  summary?: IngestSummary;
  constructor(
    public code:
      | 'not_found'
      | 'unsupported_format'
      | 'too_large'
      | 'bad_header'
      | 'empty_body'
      | 'timeout'
      | 'unauthorized',
    message: string,
  ) {
    super(message);
  }
}
