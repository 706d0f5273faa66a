import { withIngestToken } from '@/lib/api/ingest-route';
import { ingestPgPool } from '@/lib/db/client';
import { ingestHttp } from '@/lib/ingest/http';

// Streamed NDJSON (or text/csv) body, bearer ingest token; see docs/ingest.md#http.
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = withIngestToken('events', ({ req, token, requestId, guard }) =>
  ingestHttp({
    kind: 'events',
    body: req.body,
    headers: req.headers,
    token,
    pool: ingestPgPool(),
    requestId,
    guard,
  }),
);
