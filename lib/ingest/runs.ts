import type { PoolClient } from 'pg';
import type { AuditActor } from '@/lib/audit/write';
import type { IngestKind } from './types';

export function actorOf(a: string | AuditActor | undefined): AuditActor {
  if (!a) return { id: null, email: 'cli' };
  return typeof a === 'string' ? { id: null, email: a } : a;
}

export interface BatchCounts {
  lines: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}
export interface QuarantineRow {
  line_no: number;
  raw: string;
  truncated: boolean;
  field: string | null;
  reason: string;
}

/** Inside the batch transaction: quarantined lines and the run's counters commit with the rows. */
export async function recordBatch(
  client: PoolClient,
  runId: string,
  kind: IngestKind,
  source: string,
  c: BatchCounts,
  q: QuarantineRow[],
): Promise<void> {
  if (q.length) {
    await client.query(
      `INSERT INTO quarantine (run_id, kind, source, line_no, raw, truncated, field, reason)
       SELECT $1::bigint, $2, $3, line_no, raw, truncated, field, reason
       FROM json_to_recordset($4::json) AS q(line_no int, raw text, truncated boolean, field text, reason text)`,
      [runId, kind, source, JSON.stringify(q)],
    );
  }
  await client.query(
    'UPDATE ingest_runs SET lines = lines + $2, accepted = accepted + $3, duplicates = duplicates + $4, rejected = rejected + $5 WHERE id = $1::bigint',
    [runId, c.lines, c.accepted, c.duplicates, c.rejected],
  );
}
