import type { PoolClient } from 'pg';
import type { BandRow, SignalBaselineRow } from './baseline';
import { assignClusterIds, type PreviousCluster, type VanishedCluster } from './cluster-identity';
import type { LinkStateUpdate } from './link-state';
import type { MemberResultRow } from './member-results';
import { closeVanished, upsertFlags } from './write-flags';

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
  /** linking state for a later --since-last run (link-state.ts); written by a full run */
  linkState?: LinkStateUpdate;
  /** cluster members' own results, for a later --since-last run (member-results.ts) */
  memberResults?: MemberResultRow[];
}

// json_populate_recordset batches work on Postgres and on the embedded PGlite (no COPY there).
export async function insertJson(
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

export async function previousClusters(c: Pick<PoolClient, 'query'>): Promise<PreviousCluster[]> {
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
  await insertClusters(c, runId, out.clusters, now);
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
  const newFlags = await upsertFlags(c, runId, out.accounts, out.clusters);
  await closeVanished(c, runId, vanished);
  return { newFlags, vanished };
}

/** Inserts clusters and their members' rows (ties, own risk, state). */
export async function insertClusters(
  c: PoolClient,
  runId: string,
  clusters: ClusterRow[],
  now: string,
): Promise<void> {
  await insertJson(
    c,
    'clusters',
    clusters.map(({ member_ids: _m, ...k }) => ({ ...k, run_id: runId, computed_at: now })),
  );
  await insertJson(
    c,
    'cluster_members',
    clusters.flatMap((k) =>
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
}
