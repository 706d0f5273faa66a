import { randomUUID } from 'node:crypto';
import { hashAuditRowContent } from './chain';
import { AUDIT_ACTIONS, isAuditAction, type ActionDef, type AuditAction } from './actions';

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

/**
 * Appends one audit row. Must be called inside the transaction that makes the change, so the
 * change and its audit row commit (or roll back) together. One INSERT, no lock: the row gets an id
 * from a sequence and its own content hash (`row_hash`); the sealer (./seal.ts) links committed
 * rows into the chain after commit, so audited transactions no longer queue behind each other's
 * commits. Whoever commits should then call `requestSeal()` (./sealer.ts); route handlers do.
 */
export async function writeAudit(
  db: SqlRunner,
  input: AuditInput,
): Promise<{ id: string; rowHash: string }> {
  // JSON round trip so what we check and hash is exactly what jsonb will give back (no undefined,
  // no Dates): the catalogue's schemas describe the stored payload.
  const before = toJson(input.before);
  const after = toJson(input.after);
  checkAgainstCatalogue(input, before, after);
  const row = {
    at: new Date(),
    actor_id: input.actor.id,
    actor_email: input.actor.email,
    action: input.action,
    target_type: input.targetType,
    target_id: input.targetId ?? null,
    before,
    after,
    reason: input.reason ?? null,
    request_id: input.requestId ?? randomUUID(),
  };
  const rowHash = hashAuditRowContent(row);
  const [inserted] = await db.query<{ id: string }>(
    `INSERT INTO audit_log (at, actor_id, actor_email, action, target_type, target_id, before, after, reason, request_id, row_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11) RETURNING id::text AS id`,
    [
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
      rowHash,
    ],
  );
  return { id: inserted!.id, rowHash };
}

/** A call site wrote an action, target or payload the catalogue does not declare: a bug (500). */
export class AuditPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditPayloadError';
  }
}

/** Throws AuditPayloadError unless the entry matches the catalogue; payloads as JSON values. */
export function checkAgainstCatalogue(input: AuditInput, before: unknown, after: unknown): void {
  // The type says AuditAction, but a caller may cast or pass a string from elsewhere.
  if (!isAuditAction(input.action))
    throw new AuditPayloadError(`unknown audit action "${String(input.action)}"`);
  const def: ActionDef = AUDIT_ACTIONS[input.action];
  if (!def.targets.includes(input.targetType))
    throw new AuditPayloadError(
      `${input.action}: target type "${input.targetType}" is not one of ${def.targets.join(', ')}`,
    );
  const check = (what: 'before' | 'after', schema: ActionDef['after'] | undefined, v: unknown) => {
    if (!schema) {
      if (v !== null) throw new AuditPayloadError(`${input.action}: records no ${what}`);
      return;
    }
    const r = schema.safeParse(v);
    if (!r.success) {
      const i = r.error.issues[0]!;
      const at = [what, ...i.path.map(String)].join('.');
      throw new AuditPayloadError(`${input.action}: ${at}: ${i.message}`);
    }
  };
  check('before', def.before, before);
  check('after', def.after, after);
}

function toJson(v: unknown): unknown {
  return v === null || v === undefined ? null : JSON.parse(JSON.stringify(v, jsonSafe));
}

function jsonSafe(_key: string, value: unknown) {
  return typeof value === 'bigint' ? value.toString() : value;
}

export const SYSTEM_ACTOR: AuditActor = { id: null, email: 'system' };
