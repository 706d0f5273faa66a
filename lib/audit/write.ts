import { randomUUID } from 'node:crypto';
import { GENESIS_HASH, hashAuditRow } from './chain';
import { AUDIT_ACTIONS, type AuditAction } from './actions';

/** Anything that runs parameterised SQL inside the caller's transaction (pg client or Prisma tx). */
export interface SqlRunner {
  query<R = Record<string, unknown>>(sql: string, params: unknown[]): Promise<R[]>;
}

export interface AuditActor {
  id: string | null;
  email: string | null;
}

export interface AuditInput {
  actor: AuditActor;
  action: AuditAction;
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  requestId?: string | null;
}

/** What features receive from the route wrapper: the actor and request id are filled in for them. */
export type AuditFn = (entry: Omit<AuditInput, 'actor' | 'requestId'>) => Promise<void>;

// Serialises writers on the chain head for the rest of the transaction: two concurrent
// transactions can never both link to the same previous row.
const CHAIN_LOCK = 'SELECT 1 AS locked FROM pg_advisory_xact_lock(7365321)'; // no void column: Prisma cannot read one

/**
 * Appends one audit row. Must be called inside the transaction that makes the change, so the
 * change and its audit row commit (or roll back) together.
 */
export async function writeAudit(
  db: SqlRunner,
  input: AuditInput,
): Promise<{ id: string; hash: string }> {
  // The payload must match the catalogue's schema: the custody log and reports rely on its shape.
  AUDIT_ACTIONS[input.action].after.parse(input.after ?? null);
  await db.query(CHAIN_LOCK, []);
  const last = await db.query<{ id: string; hash: string }>(
    'SELECT id::text AS id, hash FROM audit_log ORDER BY audit_log.id DESC LIMIT 1',
    [],
  );
  const prevHash = last[0]?.hash ?? GENESIS_HASH;
  const id = (BigInt(last[0]?.id ?? '0') + 1n).toString();
  const row = {
    id,
    at: new Date(),
    actor_id: input.actor.id,
    actor_email: input.actor.email,
    action: input.action,
    target_type: input.targetType,
    target_id: input.targetId ?? null,
    before: input.before ?? null,
    after: input.after ?? null,
    reason: input.reason ?? null,
    request_id: input.requestId ?? randomUUID(),
  };
  // JSON round trip so what we hash is exactly what jsonb will give back (no undefined, no Dates).
  row.before = row.before === null ? null : JSON.parse(JSON.stringify(row.before, jsonSafe));
  row.after = row.after === null ? null : JSON.parse(JSON.stringify(row.after, jsonSafe));
  const hash = hashAuditRow(prevHash, row);
  await db.query(
    `INSERT INTO audit_log (id, at, actor_id, actor_email, action, target_type, target_id, before, after, reason, request_id, prev_hash, hash)
     VALUES ($1::bigint, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11, $12, $13)`,
    [
      id,
      row.at,
      row.actor_id,
      row.actor_email,
      row.action,
      row.target_type,
      row.target_id,
      row.before === null ? null : JSON.stringify(row.before),
      row.after === null ? null : JSON.stringify(row.after),
      row.reason,
      row.request_id,
      prevHash,
      hash,
    ],
  );
  return { id, hash };
}

function jsonSafe(_key: string, value: unknown) {
  return typeof value === 'bigint' ? value.toString() : value;
}

export const SYSTEM_ACTOR: AuditActor = { id: null, email: 'system' };
