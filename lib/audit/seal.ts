import type { Pool } from 'pg';
import { GENESIS_HASH, hashAuditRow, hashAuditRowContent } from './chain';

// The audit chain's one writer of links. Writers insert rows unlinked (./write.ts); this gives
// committed rows, in id order, the next places in the chain under the chain advisory lock, in a
// transaction of its own. Two sealers never run at once, and the unique seq and prev_hash
// indexes refuse a fork even if one did. A row whose content no longer matches its row_hash was
// edited before it was sealed: sealing stops there (the chain never absorbs a tampered row) and
// `npm run audit:verify` names it.

const CHAIN_LOCK_KEY = 7365321;
const BATCH = 1000;

export interface SealResult {
  sealed: number;
  stalledAt?: string;
}

const PENDING_SQL = `
SELECT id::text AS id, at, actor_id, actor_email, action, target_type, target_id, before, after,
       reason, request_id, row_hash
  FROM audit_log WHERE seq IS NULL ORDER BY audit_log.id LIMIT $1`;

export async function sealAuditChain(pool: Pool): Promise<SealResult> {
  const client = await pool.connect();
  let sealed = 0;
  try {
    await client.query('BEGIN');
    // A statement of its own: the reads below take their snapshot after the lock is ours, so they
    // see the head the previous sealer committed.
    await client.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK_KEY]);
    const head = (
      await client.query<{ seq: string; hash: string }>(
        'SELECT seq::text AS seq, hash FROM audit_log WHERE seq IS NOT NULL ORDER BY audit_log.seq DESC LIMIT 1',
      )
    ).rows[0];
    let seq = BigInt(head?.seq ?? '0');
    let prev = head?.hash ?? GENESIS_HASH;
    let stalledAt: string | undefined;
    for (;;) {
      const rows = (await client.query(PENDING_SQL, [BATCH])).rows;
      const ids: string[] = [];
      const seqs: string[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      for (const r of rows) {
        if (r.row_hash !== hashAuditRowContent(r)) {
          stalledAt = r.id;
          break;
        }
        seq += 1n;
        const hash = hashAuditRow(prev, r);
        ids.push(r.id);
        seqs.push(seq.toString());
        prevs.push(prev);
        hashes.push(hash);
        prev = hash;
      }
      if (ids.length)
        await client.query(
          `UPDATE audit_log a SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
             FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS v(id, seq, prev_hash, hash)
            WHERE a.id = v.id`,
          [ids, seqs, prevs, hashes],
        );
      sealed += ids.length;
      if (stalledAt || rows.length < BATCH) break;
    }
    await client.query('COMMIT');
    return { sealed, ...(stalledAt ? { stalledAt } : {}) };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
