/**
 * Public ingest API (documented in docs/ingest.md; used by the CLI, the HTTP routes, the demo
 * loader and `npm run eval`). Keep these signatures stable.
 */
import { runIngest } from './pipeline';
import type { IngestOptions, IngestSource, IngestSummary } from './types';

export type {
  IngestOptions,
  IngestProgress,
  IngestSource,
  IngestSummary,
  LineError,
  IngestKind,
  InputFormat,
} from './types';
export { IngestInputError } from './types';

/** Ingests query events (NDJSON or CSV, optionally gzip) from a path, '-' (stdin) or a stream. */
export function ingestEvents(source: IngestSource, opts: IngestOptions): Promise<IngestSummary> {
  return runIngest('events', source, opts);
}

/** Ingests accounts (NDJSON or CSV, optionally gzip); a later line for the same account wins. */
export function ingestAccounts(source: IngestSource, opts: IngestOptions): Promise<IngestSummary> {
  return runIngest('accounts', source, opts);
}
