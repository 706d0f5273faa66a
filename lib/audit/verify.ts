import type { Pool } from 'pg';
import { GENESIS_HASH, hashAuditRow } from './chain';

export interface VerifyResult {
  ok: boolean;
  rows: number;
  head: string;
  firstBad?: { id: string; problem: string };
}

// Walks the chain in id order with a cursor-sized page, recomputing every hash.
export async function verifyAuditChain(pool: Pool, pageSize = 5000): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let lastId = '0';
  let rows = 0;
  for (;;) {
    const page = await pool.query(
      `SELECT id::text AS id, at, actor_id, actor_email, action, target_type, target_id, before, after,
              reason, request_id, prev_hash, hash
         FROM audit_log WHERE id > $1::bigint ORDER BY audit_log.id LIMIT $2`,
      [lastId, pageSize],
    );
    for (const r of page.rows) {
      const expectedId = (BigInt(lastId) + 1n).toString();
      if (r.id !== expectedId)
        return {
          ok: false,
          rows,
          head: prev,
          firstBad: { id: r.id, problem: `gap: expected id ${expectedId}` },
        };
      if (r.prev_hash !== prev)
        return {
          ok: false,
          rows,
          head: prev,
          firstBad: { id: r.id, problem: 'prev_hash does not match the previous row' },
        };
      const h = hashAuditRow(prev, r);
      if (h !== r.hash)
        return {
          ok: false,
          rows,
          head: prev,
          firstBad: { id: r.id, problem: 'hash does not match row content' },
        };
      prev = r.hash;
      lastId = r.id;
      rows++;
    }
    if (page.rows.length < pageSize) return { ok: true, rows, head: prev };
  }
}
