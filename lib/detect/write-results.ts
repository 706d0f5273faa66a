import type { PoolClient } from 'pg';
import type { BandRow, SignalBaselineRow } from './baseline';

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

/** Replaces the detection output tables with this run's results and upserts open flags. Caller holds the transaction. */
export async function writeResults(
  c: PoolClient,
  runId: string,
  out: DetectOutput,
): Promise<{ newFlags: number }> {
  const now = new Date().toISOString();
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
      k.member_ids.map((account_id) => ({ account_id, cluster_id: k.id })),
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
         run_id = excluded.run_id, updated_at = now()
       RETURNING (xmax = 0) AS inserted`,
      [JSON.stringify(flags.slice(i, i + 2000)), runId],
    );
    newFlags += r.rows.filter((x) => x.inserted).length;
  }
  return { newFlags };
}
