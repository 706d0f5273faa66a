import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { canonicalJson, GENESIS_HASH } from '@/lib/audit/chain';
import type { CustodyEntry, CustodyInput } from '../types';

// data/custody.jsonl: every action on the case (its audit rows up to the cut-off id, sealed into
// the chain: the build seals before it reads) and the export's own events, as a hash chain of its
// own: hash = sha256(prev_hash || canonical JSON of the entry without `hash`). Audit rows keep
// their audit_log id and hash, so on the issuing server each entry can be matched to the
// database's chain (verify does).

// The case's sealed audit rows up to the cut-off: by chain position (seq), or by id for cut-offs
// stored before they carried one (their rebuilds must keep giving the same bytes).
const custodySql = (by: 'seq' | 'id') => `
SELECT id::text AS id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
       actor_email, action, target_type, target_id, after, reason, hash
  FROM audit_log
 WHERE ${by} <= $2::bigint AND hash IS NOT NULL AND seq IS NOT NULL
   AND ((target_type = 'case' AND target_id = $1) OR after->>'caseId' = $1)
 ORDER BY ${by}`;
const CUSTODY_SQL = { seq: custodySql('seq'), id: custodySql('id') };

/** Where the custody log stops: a chain position, or (older cut-offs) an audit id. */
export type CustodyCut = { seq: string } | { id: string };

interface AuditRow {
  id: string;
  at: string;
  actor_email: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  after: unknown;
  reason: string | null;
  hash: string;
}

function custodyHash(entry: Omit<CustodyEntry, 'hash'>): string {
  return createHash('sha256').update(entry.prev_hash).update(canonicalJson(entry)).digest('hex');
}

export function chainCustody(
  caseId: string,
  audit: readonly AuditRow[],
  exportEvents: readonly CustodyInput[],
  exportId: string | undefined,
): CustodyEntry[] {
  const out: CustodyEntry[] = [];
  let prev = GENESIS_HASH;
  const push = (e: Omit<CustodyEntry, 'hash' | 'prev_hash' | 'seq'>) => {
    const body = { ...e, seq: out.length + 1, prev_hash: prev };
    prev = custodyHash(body);
    out.push({ ...body, hash: prev });
  };
  for (const r of audit)
    push({
      at: r.at,
      actor: r.actor_email,
      action: r.action,
      target_type: r.target_type,
      target_id: r.target_id,
      details: r.after ?? null,
      reason: r.reason,
      source: 'audit_log',
      audit_id: r.id,
      audit_hash: r.hash,
    });
  for (const e of exportEvents)
    push({
      at: (e.at instanceof Date ? e.at : new Date(e.at)).toISOString(),
      actor: e.actor,
      action: e.action,
      target_type: 'evidence_export',
      target_id: exportId ?? caseId,
      details: e.details ?? null,
      reason: null,
      source: 'export',
      audit_id: null,
      audit_hash: null,
    });
  return out;
}

export async function loadCustody(
  client: Pick<PoolClient, 'query'>,
  caseId: string,
  cut: CustodyCut,
  exportEvents: readonly CustodyInput[],
  exportId?: string,
): Promise<CustodyEntry[]> {
  const [sql, bound] = 'seq' in cut ? [CUSTODY_SQL.seq, cut.seq] : [CUSTODY_SQL.id, cut.id];
  const rows = (await client.query<AuditRow>(sql, [caseId, bound])).rows;
  return chainCustody(caseId, rows, exportEvents, exportId);
}

export const custodyText = (entries: readonly CustodyEntry[]) =>
  entries.map((e) => canonicalJson(e) + '\n').join('');

/** Re-walks a custody log; names the first line that breaks the chain. */
export function verifyCustodyText(text: string): {
  ok: boolean;
  head: string;
  entries: CustodyEntry[];
  problem?: string;
} {
  let prev = GENESIS_HASH;
  const entries: CustodyEntry[] = [];
  const lines = text.split('\n').filter((l) => l !== '');
  for (let i = 0; i < lines.length; i++) {
    let e: CustodyEntry;
    try {
      e = JSON.parse(lines[i]) as CustodyEntry;
    } catch {
      return { ok: false, head: prev, entries, problem: `line ${i + 1}: not JSON` };
    }
    const { hash, ...body } = e;
    if (body.prev_hash !== prev)
      return {
        ok: false,
        head: prev,
        entries,
        problem: `line ${i + 1}: prev_hash does not link to line ${i}`,
      };
    if (custodyHash(body) !== hash)
      return {
        ok: false,
        head: prev,
        entries,
        problem: `line ${i + 1}: hash does not match its content`,
      };
    prev = hash;
    entries.push(e);
  }
  return { ok: true, head: prev, entries };
}
