import type { PoolClient } from 'pg';
import type { BandRow, SignalBaselineRow } from './baseline';
import { assignClusterIds, type PreviousCluster, type VanishedCluster } from './cluster-identity';

export interface AccountScoreRow {
  account_id: string;
  risk: number;
  flagged: boolean;
  cluster_id: string | null;
  reasons: string[];
  contributions: unknown;
  signals: unknown;
  events: number;
  coverage: number;
  first_seen: string | null;
  last_seen: string | null;
}
export interface ClusterRow {
  id: string;
  risk: number;
  flagged: boolean;
  members: number;
  events: number;
  reasons: string[];
  contributions: unknown;
  features: unknown;
  indicators: unknown;
  member_ids: string[];
  /** per member (same order as member_ids): tie to the cluster */
  member_ties: { strength: number; kinds: number }[];
  /** per member: own risk and state, set once membership is decided (core.ts) */
  member_state?: { own_risk: number; state: 'flagged' | 'review' | 'linked' }[];
}
export interface DetectOutput {
  accounts: AccountScoreRow[];
  clusters: ClusterRow[];
  band: BandRow[];
  baselines: SignalBaselineRow[];
}

// json_populate_recordset batches work on Postgres and on the embedded PGlite (no COPY there).
async function insertJson(
  c: PoolClient,
  table: string,
  rows: object[],
  batch = 2000,
): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) {
    await c.query(
      `INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`,
      [JSON.stringify(rows.slice(i, i + batch))],
    );
  }
}

async function previousClusters(c: PoolClient): Promise<PreviousCluster[]> {
  const { rows } = await c.query<PreviousCluster>(
    `SELECT cluster_id AS id, array_agg(account_id ORDER BY account_id) AS members
     FROM cluster_members GROUP BY cluster_id`,
  );
  return rows;
}

/** Renames this run's clusters to the ids of the previous run's clusters they continue (in place). */
export function applyClusterIds(out: DetectOutput, ids: string[]): void {
  const rename = new Map(out.clusters.map((k, i) => [k.id, ids[i]]));
  out.clusters.forEach((k, i) => (k.id = ids[i]));
  for (const a of out.accounts) {
    if (a.cluster_id === null) continue;
    const to = rename.get(a.cluster_id)!;
    if (to !== a.cluster_id) a.reasons = a.reasons.map((r) => r.split(a.cluster_id!).join(to));
    a.cluster_id = to;
  }
}

/**
 * Replaces the detection output tables with this run's results and upserts open flags. Cluster ids
 * continue the previous run's by overlap (cluster-identity.ts); an open flag on a cluster that
 * vanished is closed with a reason naming its successor. Caller holds the transaction.
 */
export async function writeResults(
  c: PoolClient,
  runId: string,
  out: DetectOutput,
): Promise<{ newFlags: number; vanished: VanishedCluster[] }> {
  const now = new Date().toISOString();
  const { ids, vanished } = assignClusterIds(
    out.clusters.map((k) => k.member_ids),
    await previousClusters(c),
  );
  applyClusterIds(out, ids);
  await c.query('DELETE FROM account_score');
  await insertJson(
    c,
    'account_score',
    out.accounts.map((a) => ({ ...a, run_id: runId, computed_at: now })),
  );
  await c.query('DELETE FROM cluster_members');
  await c.query('DELETE FROM clusters');
  await insertJson(
    c,
    'clusters',
    out.clusters.map(({ member_ids: _m, ...k }) => ({ ...k, run_id: runId, computed_at: now })),
  );
  await insertJson(
    c,
    'cluster_members',
    out.clusters.flatMap((k) =>
      k.member_ids.map((account_id, i) => ({
        account_id,
        cluster_id: k.id,
        tie_strength: k.member_ties[i]?.strength ?? 0,
        tie_kinds: k.member_ties[i]?.kinds ?? 0,
        own_risk: k.member_state?.[i]?.own_risk ?? 0,
        state: k.member_state?.[i]?.state ?? 'linked',
      })),
    ),
  );
  await c.query('DELETE FROM coverage_band');
  await insertJson(
    c,
    'coverage_band',
    out.band.map((b) => ({ ...b, run_id: runId })),
  );
  await c.query('DELETE FROM signal_baseline');
  await insertJson(
    c,
    'signal_baseline',
    out.baselines.map((b) => ({ ...b, run_id: runId })),
  );
  const flags = [
    ...out.accounts
      .filter((a) => a.flagged)
      .map((a) => ({
        subject_type: 'account',
        subject_id: a.account_id,
        risk: a.risk,
        reasons: a.reasons,
      })),
    ...out.clusters
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
  if (vanished.length > 0)
    await c.query(
      `UPDATE flags AS f SET status = 'closed', updated_at = now(), run_id = $2::bigint,
         closed_reason = 'Cluster no longer exists after detection run ' || $2 ||
           coalesce('; most of its members are now in cluster ' || v.successor, '')
       FROM json_to_recordset($1::json) AS v(id text, successor text)
       WHERE f.subject_type = 'cluster' AND f.subject_id = v.id AND f.status = 'open'`,
      [JSON.stringify(vanished), runId],
    );
  return { newFlags, vanished };
}
