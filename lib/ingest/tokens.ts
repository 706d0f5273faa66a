import type { AuditFn } from '@/lib/audit/write';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { Tx } from '@/lib/db/client';
import { INGEST_SCOPES, type IngestScope } from '@/lib/schemas/ingest-token';
import { IngestInputError } from './types';

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
  scopes: true,
  expires_at: true,
} as const;

export interface NewIngestToken {
  name: string;
  /** the ingest endpoints it may feed */
  scopes: IngestScope[];
  /** refused after this; null = never expires */
  expiresAt: Date | null;
}

export async function listIngestTokens(tx: Pick<Tx, 'ingestToken'>) {
  return tx.ingestToken.findMany({ select: PUBLIC, orderBy: { created_at: 'desc' } });
}

export async function createIngestToken(
  tx: Tx,
  audit: AuditFn,
  t: NewIngestToken,
  createdBy: string,
) {
  const token = `dwi_${randomBytes(32).toString('base64url')}`;
  const scopes = INGEST_SCOPES.filter((s) => t.scopes.includes(s)); // canonical order, no repeats
  const row = await tx.ingestToken.create({
    data: {
      id: randomUUID(),
      name: t.name,
      token_hash: hash(token),
      prefix: token.slice(0, 12),
      created_by: createdBy,
      scopes,
      expires_at: t.expiresAt,
    },
    select: PUBLIC,
  });
  await audit({
    action: 'ingest_token.create',
    targetType: 'ingest_token',
    targetId: row.id,
    after: { name: t.name, prefix: row.prefix, scopes, expires_at: t.expiresAt },
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
  scopes: string[];
}

/**
 * The live token for an `Authorization: Bearer dwi_…` header, or null (unknown, revoked, expired,
 * malformed). Its scope is the caller's to check (lib/api/ingest-route.ts).
 */
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
    scopes: string[];
  }>(
    `UPDATE ingest_tokens SET last_used_at = now()
     WHERE token_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
     RETURNING id, name, prefix, token_hash, scopes`,
    [h],
  );
  const r = rows[0];
  // the lookup is by hash already; the constant-time compare is belt and braces
  if (!r || !timingSafeEqual(Buffer.from(r.token_hash), Buffer.from(h))) return null;
  return { id: r.id, name: r.name, prefix: r.prefix, scopes: r.scopes };
}

/**
 * Inside every batch transaction of an HTTP upload: a token revoked (or expired) since the upload
 * began stops it before that batch writes anything. Batches committed before stay, and the error
 * names the line through which they go (lib/ingest/http.ts).
 */
export async function assertTokenLive(client: PoolClient, tokenId: string): Promise<void> {
  const { rows } = await client.query<{ revoked_at: Date | null; expired: boolean }>(
    `SELECT revoked_at, expires_at IS NOT NULL AND expires_at <= now() AS expired
     FROM ingest_tokens WHERE id = $1`,
    [tokenId],
  );
  const t = rows[0];
  if (!t || t.revoked_at)
    throw new IngestInputError(
      'unauthorized',
      `the ingest token was revoked during the upload${t?.revoked_at ? ` (at ${t.revoked_at.toISOString()})` : ''}`,
    );
  if (t.expired)
    throw new IngestInputError('unauthorized', 'the ingest token expired during the upload');
}
