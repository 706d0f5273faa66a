import type { Pool } from 'pg';
import { FINE_BUCKETS, TAXONOMY_BUCKETS } from '@/lib/features';
import { sweepScore } from './compute-signals';
import { pearson } from './stats';

export interface ClusterFeatures {
  members: number;
  events: number;
  /** union coverage / Σ member coverage over fine buckets (1 = disjoint slices) */
  partition_ratio: number;
  /** how much more disjoint than independent members would be: (union − E_indep)/(Σ − E_indep), 0..1 */
  partition_excess: number;
  union_coverage_tax: number;
  union_coverage_lsh: number;
  /** mean pairwise Pearson correlation of members' hourly counts (≤ 60 members sampled) */
  correlated_volume: number;
  /** largest share of members created within 24 h of each other */
  signup_burst: number;
  cluster_sweep: number;
}

const DAY_MS = 86_400_000;

/** Expected union of independent uniform draws covering k_i of B buckets each. */
export function expectedUnion(cover: number[], B: number): number {
  let miss = 1;
  for (const k of cover) miss *= 1 - Math.min(k, B) / B;
  return B * (1 - miss);
}

export function partitionOf(sets: Set<number>[], B: number): { ratio: number; excess: number; union: number } {
  const union = new Set<number>();
  let sum = 0;
  for (const s of sets) { sum += s.size; for (const b of s) union.add(b); }
  if (sum === 0) return { ratio: 0, excess: 0, union: 0 };
  const e = expectedUnion(sets.map((s) => s.size), B);
  const excess = sum - e > 1e-9 ? Math.max(0, Math.min(1, (union.size - e) / (sum - e))) : 0;
  return { ratio: union.size / sum, excess, union: union.size };
}

export function burstShare(created: number[], windowMs = DAY_MS): number {
  if (created.length === 0) return 0;
  const t = [...created].sort((a, b) => a - b);
  let best = 1;
  for (let i = 0, j = 0; i < t.length; i++) {
    while (t[i] - t[j] > windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best / t.length;
}

export async function clusterFeatures(pool: Pick<Pool, 'query'>, members: string[], eventsOf: (id: string) => number): Promise<ClusterFeatures> {
  const [buckets, hours, created] = await Promise.all([
    pool.query<{ account_id: string; kind: number; bucket: number; t: number }>(
      `SELECT account_id, kind::int AS kind, bucket, (extract(epoch FROM first_ts) * 1000)::float8 AS t FROM account_bucket WHERE account_id = ANY($1)`, [members]),
    pool.query<{ account_id: string; d: number; hour_hist: number[] }>(
      `SELECT account_id, (day - DATE '1970-01-01') AS d, hour_hist FROM account_daily WHERE account_id = ANY($1)`, [members.slice(0, 60)]),
    pool.query<{ t: number }>(`SELECT (extract(epoch FROM created_at) * 1000)::float8 AS t FROM accounts WHERE account_id = ANY($1) AND created_at IS NOT NULL`, [members]),
  ]);
  const lsh = new Map<string, Set<number>>(), tax = new Map<string, Set<number>>();
  const firstVisit = new Map<number, number>();
  for (const r of buckets.rows) {
    const m = r.kind === 0 ? tax : lsh;
    let s = m.get(r.account_id);
    if (!s) m.set(r.account_id, (s = new Set()));
    s.add(r.bucket);
    if (r.kind === 0) firstVisit.set(r.bucket, Math.min(firstVisit.get(r.bucket) ?? Infinity, r.t));
  }
  const p = partitionOf([...lsh.values()], FINE_BUCKETS);
  const unionTax = new Set([...tax.values()].flatMap((s) => [...s])).size;
  const order = [...firstVisit.entries()].sort((a, b) => a[1] - b[1]).map(([b]) => b);
  return {
    members: members.length,
    events: members.reduce((s, id) => s + eventsOf(id), 0),
    partition_ratio: p.ratio,
    partition_excess: p.excess,
    union_coverage_tax: unionTax / (TAXONOMY_BUCKETS.length - 1),
    union_coverage_lsh: p.union / FINE_BUCKETS,
    correlated_volume: meanPairCorrelation(hours.rows),
    signup_burst: created.rows.length >= 3 ? burstShare(created.rows.map((r) => r.t)) : 0,
    cluster_sweep: sweepScore(order) ?? 0,
  };
}

function meanPairCorrelation(rows: { account_id: string; d: number; hour_hist: number[] }[]): number {
  if (rows.length === 0) return 0;
  const d0 = Math.min(...rows.map((r) => r.d));
  const len = (Math.max(...rows.map((r) => r.d)) - d0 + 1) * 24;
  const series = new Map<string, Float64Array>();
  for (const r of rows) {
    let s = series.get(r.account_id);
    if (!s) series.set(r.account_id, (s = new Float64Array(len)));
    (r.hour_hist ?? []).forEach((c, h) => { s![(r.d - d0) * 24 + h] += c; });
  }
  const all = [...series.values()];
  let sum = 0, n = 0;
  for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) { sum += pearson(all[i], all[j]); n++; }
  return n > 0 ? sum / n : 0;
}
