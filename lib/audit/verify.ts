import type { Pool } from 'pg';
import { GENESIS_HASH, hashAuditRow, hashAuditRowContent } from './chain';

export interface VerifyResult {
  ok: boolean;
  /** Rows checked: the sealed chain plus the rows still waiting for the sealer. */
  rows: number;
  /** Rows not yet sealed (checked against their own row_hash). */
  pending: number;
  head: string;
  firstBad?: { id: string; problem: string };
}

const COLUMNS = `id::text AS id, seq::text AS seq, at, actor_id, actor_email, action, target_type,
  target_id, before, after, reason, request_id, row_hash, prev_hash, hash`;

// Walks the sealed chain in seq order (gap-free, each row linked to the one before, each hash
// recomputed), then the rows the sealer has not reached yet, each against its own row_hash. Pages
// of `pageSize` rows, so memory stays flat however long the log is.
export async function verifyAuditChain(pool: Pool, pageSize = 5000): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let lastSeq = 0n;
  let rows = 0;
  const bad = (id: string, problem: string): VerifyResult => ({
    ok: false,
    rows,
    pending: 0,
    head: prev,
    firstBad: { id, problem },
  });
  for (;;) {
    const page = await pool.query(
      `SELECT ${COLUMNS} FROM audit_log WHERE seq > $1::bigint ORDER BY audit_log.seq LIMIT $2`,
      [lastSeq.toString(), pageSize],
    );
    for (const r of page.rows) {
      if (BigInt(r.seq) !== lastSeq + 1n)
        return bad(r.id, `gap: expected chain place ${lastSeq + 1n}, found ${r.seq}`);
      if (r.prev_hash !== prev) return bad(r.id, 'prev_hash does not match the previous row');
      if (hashAuditRow(prev, r) !== r.hash) return bad(r.id, 'hash does not match row content');
      prev = r.hash;
      lastSeq = BigInt(r.seq);
      rows++;
    }
    if (page.rows.length < pageSize) break;
  }
  let lastId = '0';
  let pending = 0;
  for (;;) {
    const page = await pool.query(
      `SELECT ${COLUMNS} FROM audit_log WHERE seq IS NULL AND id > $1::bigint ORDER BY audit_log.id LIMIT $2`,
      [lastId, pageSize],
    );
    for (const r of page.rows) {
      if (r.row_hash !== hashAuditRowContent(r))
        return bad(r.id, 'row content does not match its row_hash (not sealed yet)');
      lastId = r.id;
      rows++;
      pending++;
    }
    if (page.rows.length < pageSize) return { ok: true, rows, pending, head: prev };
  }
}
