import type { PoolClient } from 'pg';
import type { VanishedCluster } from './cluster-identity';
import type { AccountScoreRow, ClusterRow } from './write-results';

/** Upserts the flags of flagged accounts and clusters; returns how many are new. */
export async function upsertFlags(
  c: PoolClient,
  runId: string,
  accounts: AccountScoreRow[],
  clusters: ClusterRow[],
): Promise<number> {
  const flags = [
    ...accounts
      .filter((a) => a.flagged)
      .map((a) => ({
        subject_type: 'account',
        subject_id: a.account_id,
        risk: a.risk,
        reasons: a.reasons,
      })),
    ...clusters
      .filter((k) => k.flagged)
      .map((k) => ({
        subject_type: 'cluster',
        subject_id: k.id,
        risk: k.risk,
        reasons: k.reasons,
      })),
  ];
  let newFlags = 0;
  for (let i = 0; i < flags.length; i += 2000) {
    // An existing flag keeps its status (an analyst may have closed it); risk and reasons refresh.
    const r = await c.query<{ inserted: boolean }>(
      `INSERT INTO flags AS f (subject_type, subject_id, risk, reasons, status, run_id)
       SELECT subject_type, subject_id, risk, reasons, 'open', $2::bigint
       FROM json_to_recordset($1::json) AS x(subject_type text, subject_id text, risk real, reasons text[])
       ON CONFLICT (subject_type, subject_id) DO UPDATE SET risk = excluded.risk, reasons = excluded.reasons,
         run_id = excluded.run_id, updated_at = now(),
         -- a flag detection closed (its subject vanished) opens again when the subject is back
         status = CASE WHEN f.closed_reason IS NOT NULL AND f.status = 'closed' THEN 'open' ELSE f.status END,
         closed_reason = CASE WHEN f.status = 'closed' AND f.closed_reason IS NOT NULL THEN NULL ELSE f.closed_reason END
       RETURNING (xmax = 0) AS inserted`,
      [JSON.stringify(flags.slice(i, i + 2000)), runId],
    );
    newFlags += r.rows.filter((x) => x.inserted).length;
  }
  return newFlags;
}

/** Closes the open flags of clusters that no longer exist, naming their successor. */
export async function closeVanished(
  c: PoolClient,
  runId: string,
  vanished: VanishedCluster[],
): Promise<void> {
  if (vanished.length === 0) return;
  await c.query(
    `UPDATE flags AS f SET status = 'closed', updated_at = now(), run_id = $2::bigint,
         closed_reason = 'Cluster no longer exists after detection run ' || $2 ||
           coalesce('; most of its members are now in cluster ' || v.successor, '')
       FROM json_to_recordset($1::json) AS v(id text, successor text)
       WHERE f.subject_type = 'cluster' AND f.subject_id = v.id AND f.status = 'open'`,
    [JSON.stringify(vanished), runId],
  );
}
