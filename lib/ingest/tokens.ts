import type { AuditFn } from '@/lib/audit/write';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Pool } from 'pg';
import type { Tx } from '@/lib/db/client';

// Ingest tokens: `dwi_` + 32 random bytes (base64url). Only the SHA-256 is stored; the first 12
// characters (the prefix) are kept in clear so admins can tell tokens apart. The plain token is
// shown exactly once, in the create response.
const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const PUBLIC = {
  id: true,
  name: true,
  prefix: true,
  created_by: true,
  created_at: true,
  revoked_at: true,
  last_used_at: true,
} as const;

export async function listIngestTokens(tx: Pick<Tx, 'ingestToken'>) {
  return tx.ingestToken.findMany({ select: PUBLIC, orderBy: { created_at: 'desc' } });
}

export async function createIngestToken(tx: Tx, audit: AuditFn, name: string, createdBy: string) {
  const token = `dwi_${randomBytes(32).toString('base64url')}`;
  const row = await tx.ingestToken.create({
    data: {
      id: randomUUID(),
      name,
      token_hash: hash(token),
      prefix: token.slice(0, 12),
      created_by: createdBy,
    },
    select: PUBLIC,
  });
  await audit({
    action: 'ingest_token.create',
    targetType: 'ingest_token',
    targetId: row.id,
    after: { name, prefix: row.prefix },
  });
  return { ...row, token };
}

export async function revokeIngestToken(tx: Tx, audit: AuditFn, id: string) {
  const before = await tx.ingestToken.findUnique({ where: { id }, select: PUBLIC });
  if (!before) return null;
  if (before.revoked_at) return before;
  const after = await tx.ingestToken.update({
    where: { id },
    data: { revoked_at: new Date() },
    select: PUBLIC,
  });
  await audit({
    action: 'ingest_token.revoke',
    targetType: 'ingest_token',
    targetId: id,
    before: { revoked_at: null },
    after: { revoked_at: after.revoked_at },
  });
  return after;
}

export interface TokenIdentity {
  id: string;
  name: string;
  prefix: string;
}

/** The live token for an `Authorization: Bearer dwi_…` header, or null (unknown, revoked, malformed). */
export async function verifyIngestToken(
  pool: Pool,
  authorization: string | null,
): Promise<TokenIdentity | null> {
  const m = /^Bearer\s+(dwi_[A-Za-z0-9_-]{20,100})\s*$/.exec(authorization ?? '');
  if (!m) return null;
  const h = hash(m[1]);
  const { rows } = await pool.query<{
    id: string;
    name: string;
    prefix: string;
    token_hash: string;
  }>(
    `UPDATE ingest_tokens SET last_used_at = now() WHERE token_hash = $1 AND revoked_at IS NULL
     RETURNING id, name, prefix, token_hash`,
    [h],
  );
  const r = rows[0];
  // the lookup is by hash already; the constant-time compare is belt and braces
  if (!r || !timingSafeEqual(Buffer.from(r.token_hash), Buffer.from(h))) return null;
  return { id: r.id, name: r.name, prefix: r.prefix };
}
