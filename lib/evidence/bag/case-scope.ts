import 'server-only';
import type { Pool } from 'pg';
import { NotFoundError, ValidationError } from '@/lib/errors';
import type { EvidenceScope } from '../types';

// A package is built from a case: its linked accounts and clusters (lib/cases' case_accounts and
// case_clusters), its title and opening time; the time range comes from the export's options.
// Access is the caller's to check (the export route asks canViewCase before it gets here).

export async function scopeOfCase(
  pool: Pick<Pool, 'query'>,
  caseId: string,
  range: { from?: string | Date; to?: string | Date } = {},
): Promise<EvidenceScope> {
  if (!/^[0-9a-f-]{36}$/i.test(caseId)) throw new NotFoundError(`No case ${caseId}`);
  const c = (
    await pool.query<{ id: string; title: string; created_at: Date }>(
      'SELECT id::text AS id, title, created_at FROM cases WHERE id = $1::uuid',
      [caseId],
    )
  ).rows[0];
  if (!c) throw new NotFoundError(`No case ${caseId}`);
  const [accounts, clusters] = await Promise.all([
    pool.query<{ account_id: string }>(
      'SELECT account_id FROM case_accounts WHERE case_id = $1::uuid ORDER BY account_id',
      [caseId],
    ),
    pool.query<{ cluster_id: string }>(
      'SELECT cluster_id FROM case_clusters WHERE case_id = $1::uuid ORDER BY cluster_id',
      [caseId],
    ),
  ]);
  if (accounts.rows.length === 0 && clusters.rows.length === 0)
    throw new ValidationError('The case links no accounts or clusters: nothing to export', 'case');
  if (range.from && range.to && new Date(range.from) >= new Date(range.to))
    throw new ValidationError('The time range ends before it starts', 'to');
  return {
    caseId: c.id,
    title: c.title,
    accountIds: accounts.rows.map((r) => r.account_id),
    clusterIds: clusters.rows.map((r) => r.cluster_id),
    from: range.from,
    to: range.to,
    openedAt: c.created_at,
  };
}
