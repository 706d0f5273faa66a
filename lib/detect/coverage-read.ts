import type { Pool } from 'pg';
import { FINE_BUCKETS, TAXONOMY_BUCKETS } from '@/lib/features';
import { volumeBin } from './baseline';

// Read functions for the cumulative coverage charts (account and cluster pages). They read
// account_bucket (the view over one account's day sets: ≤ ~4,150 rows) and the precomputed
// coverage_band: cheap per view.

export interface CoveragePoint {
  t: string;
  tNorm: number;
  C_tax: number;
  C_lsh: number;
}
export interface CoverageCurve {
  subject: 'account' | 'cluster';
  id: string;
  events: number;
  volumeBin: number;
  start: string | null;
  end: string | null;
  points: CoveragePoint[];
}
export interface BandPoint {
  tNorm: number;
  tax_p5: number;
  tax_p50: number;
  tax_p95: number;
  lsh_p5: number;
  lsh_p50: number;
  lsh_p95: number;
  n: number;
}

const TAX_TOTAL = TAXONOMY_BUCKETS.length - 1;
export const MAX_POINTS = 500;

/** Cumulative curve from first visits ordered by time, downsampled to ≤ max points (last point kept). */
export function cumulative(
  visits: { kind: number; t: Date }[],
  start: number,
  end: number,
  max = MAX_POINTS,
): CoveragePoint[] {
  let tax = 0,
    lsh = 0;
  const span = Math.max(1, end - start);
  const all = visits.map((v) => {
    if (v.kind === 0) tax++;
    else lsh++;
    const ms = v.t.getTime();
    return {
      t: v.t.toISOString(),
      tNorm: Math.min(1, Math.max(0, (ms - start) / span)),
      C_tax: tax / TAX_TOTAL,
      C_lsh: lsh / FINE_BUCKETS,
    };
  });
  if (all.length <= max) return all;
  const out: CoveragePoint[] = [];
  for (let i = 0; i < max; i++) out.push(all[Math.round((i * (all.length - 1)) / (max - 1))]);
  return out;
}

async function spanOf(pool: Pick<Pool, 'query'>, ids: string[]) {
  const { rows } = await pool.query<{ f: Date | null; l: Date | null; n: number }>(
    `SELECT min(first_ts) AS f, max(last_ts) AS l, coalesce(sum(events), 0)::float8 AS n FROM account_daily WHERE account_id = ANY($1)`,
    [ids],
  );
  return rows[0];
}

/** C_tax(t) and C_lsh(t) of one account, with its volume bin for getBenignBand. */
export async function getCoverageCurve(
  pool: Pick<Pool, 'query'>,
  accountId: string,
): Promise<CoverageCurve> {
  const [span, visits] = await Promise.all([
    spanOf(pool, [accountId]),
    pool.query<{ kind: number; t: Date }>(
      `SELECT kind::int AS kind, first_ts AS t FROM account_bucket WHERE account_id = $1 ORDER BY first_ts, kind, bucket`,
      [accountId],
    ),
  ]);
  return curve('account', accountId, span, visits.rows);
}

/** The cluster's union curve: a bucket counts from the first time any member visited it. */
export async function getClusterCoverageCurve(
  pool: Pick<Pool, 'query'>,
  clusterId: string,
): Promise<CoverageCurve> {
  const m = await pool.query<{ account_id: string }>(
    `SELECT account_id FROM cluster_members WHERE cluster_id = $1`,
    [clusterId],
  );
  const ids = m.rows.map((r) => r.account_id);
  const [span, visits] = await Promise.all([
    spanOf(pool, ids),
    pool.query<{ kind: number; t: Date }>(
      `SELECT kind::int AS kind, min(first_ts) AS t FROM account_bucket WHERE account_id = ANY($1) GROUP BY kind, bucket ORDER BY 2, 1`,
      [ids],
    ),
  ]);
  return curve('cluster', clusterId, span, visits.rows);
}

function curve(
  subject: 'account' | 'cluster',
  id: string,
  span: { f: Date | null; l: Date | null; n: number },
  visits: { kind: number; t: Date }[],
): CoverageCurve {
  const start = span.f?.getTime() ?? 0,
    end = span.l?.getTime() ?? 0;
  const events = Number(span.n);
  return {
    subject,
    id,
    events,
    volumeBin: volumeBin(events),
    start: span.f?.toISOString() ?? null,
    end: span.l?.toISOString() ?? null,
    points: cumulative(visits, start, end),
  };
}

/**
 * Benign band (p5/p50/p95 of C_tax and C_lsh at normalised time 0..1) of unflagged accounts in the
 * volume bin, as stored by the last detect run. Clusters use the account band of their total volume.
 */
export async function getBenignBand(
  pool: Pick<Pool, 'query'>,
  bin: number,
  subject: 'account' | 'cluster' = 'account',
): Promise<BandPoint[]> {
  const q = (s: string) =>
    pool.query<BandPoint & { t_norm: number }>(
      `SELECT t_norm, tax_p5, tax_p50, tax_p95, lsh_p5, lsh_p50, lsh_p95, n FROM coverage_band WHERE subject = $1 AND volume_bin = $2 ORDER BY step`,
      [s, bin],
    );
  let { rows } = await q(subject);
  if (rows.length === 0 && subject === 'cluster') rows = (await q('account')).rows;
  return rows.map(({ t_norm, ...r }) => ({ ...r, tNorm: t_norm }));
}
