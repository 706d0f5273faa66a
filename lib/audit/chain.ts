import { createHash } from 'node:crypto';

// Pure parts of the audit hash chain: canonical JSON and the row hash.
// hash = sha256(prev_hash || canonical JSON of the row without its hash fields);
// row_hash = sha256(canonical JSON of the row with an empty id), written with the row, before the
// sealer links it into the chain.

export const GENESIS_HASH = '0'.repeat(64);

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** JSON with object keys sorted at every depth, no whitespace; undefined fields dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface AuditRowBody {
  id: bigint | string;
  at: Date | string;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  request_id: string | null;
}

export function hashAuditRow(prevHash: string, row: AuditRowBody): string {
  return createHash('sha256').update(prevHash).update(rowBody(row)).digest('hex');
}

/**
 * The row's own hash, written with it (no link), so an edit before it is sealed shows too. Without
 * the id, which the sequence gives in the same INSERT (one round trip); the chain hash covers it.
 */
export function hashAuditRowContent(row: Omit<AuditRowBody, 'id'>): string {
  return createHash('sha256')
    .update(rowBody({ ...row, id: '' }))
    .digest('hex');
}

function rowBody(row: AuditRowBody): string {
  // Only the listed fields are hashed (callers may pass a whole DB row with prev_hash/hash).
  return canonicalJson({
    id: String(row.id),
    at: row.at instanceof Date ? row.at.toISOString() : new Date(row.at).toISOString(),
    actor_id: row.actor_id,
    actor_email: row.actor_email,
    action: row.action,
    target_type: row.target_type,
    target_id: row.target_id,
    before: row.before,
    after: row.after,
    reason: row.reason,
    request_id: row.request_id,
  });
}
