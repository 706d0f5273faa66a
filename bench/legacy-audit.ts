import { GENESIS_HASH, hashAuditRow, hashAuditRowContent } from '../lib/audit/chain';
import type { AuditInput, SqlRunner } from '../lib/audit/write';

// The audit writer as it was before the sealer (until 2026-11-30), kept only so bench:queues can
// measure before and after in the same run: it takes the chain advisory lock at the audit insert
// and holds it until the transaction commits, linking the row at write time. Its rows are
// complete chain rows (seq, prev_hash, hash), so they mix with the sealer's in one valid chain.
export async function legacyWriteAudit(db: SqlRunner, input: AuditInput): Promise<void> {
  await db.query('SELECT 1 AS locked FROM pg_advisory_xact_lock(7365321)', []);
  const [head] = await db.query<{ seq: string; hash: string }>(
    'SELECT seq::text AS seq, hash FROM audit_log WHERE seq IS NOT NULL ORDER BY audit_log.seq DESC LIMIT 1',
    [],
  );
  const [next] = await db.query<{ id: string }>(
    `SELECT nextval('audit_log_id_seq')::text AS id`,
    [],
  );
  const prev = head?.hash ?? GENESIS_HASH;
  const row = {
    id: next!.id,
    at: new Date(),
    actor_id: input.actor.id,
    actor_email: input.actor.email,
    action: input.action,
    target_type: input.targetType,
    target_id: input.targetId ?? null,
    before: null,
    after: input.after === undefined ? null : JSON.parse(JSON.stringify(input.after)),
    reason: input.reason ?? null,
    request_id: input.requestId ?? null,
  };
  await db.query(
    `INSERT INTO audit_log (id, at, actor_id, actor_email, action, target_type, target_id, after,
       reason, request_id, row_hash, seq, prev_hash, hash)
     VALUES ($1::bigint, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12::bigint, $13, $14)`,
    [
      row.id,
      row.at,
      row.actor_id,
      row.actor_email,
      row.action,
      row.target_type,
      row.target_id,
      row.after === null ? null : JSON.stringify(row.after),
      row.reason,
      row.request_id,
      hashAuditRowContent(row),
      (BigInt(head?.seq ?? '0') + 1n).toString(),
      prev,
      hashAuditRow(prev, row),
    ],
  );
}
