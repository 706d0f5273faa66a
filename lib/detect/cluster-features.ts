import type { Pool } from 'pg';
import { FINE_BUCKETS, TAXONOMY_BUCKETS } from '@/lib/features';
import { sweepScore } from './compute-signals';
import { runAll } from './run-all';
import { pearson } from './stats';

export interface ClusterFeatures {
  members: number;
  events: number;
  /** union coverage / Σ member coverage over fine buckets (1 = disjoint slices) */
  partition_ratio: number;
  /** 1 − (members' taxonomy coverage / coverage if each drew its volume from the cluster's pooled mix), 0..1 */
  partition_excess: number;
  union_coverage_tax: number;
  union_coverage_lsh: number;
  /** every taxonomy bucket of the members (unknown/other included) / all buckets: the account coverage_tax of the pooled client */
  union_tax_share: number;
  /** union fine buckets / buckets a uniform sampler of the pooled volume would reach (diversity of the whole cluster) */
  exploration: number;
  /** mean Pearson correlation of each member's hourly counts with the rest of the cluster (≤ 200 members) */
  correlated_volume: number;
  /** distinct org ids / members: separate identities behind shared infrastructure (a team shares one org) */
  distinct_orgs: number;
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

export function partitionOf(
  sets: Set<number>[],
  B: number,
): { ratio: number; excess: number; union: number } {
  const union = new Set<number>();
  let sum = 0;
  for (const s of sets) {
    sum += s.size;
    for (const b of s) union.add(b);
  }
  if (sum === 0) return { ratio: 0, excess: 0, union: 0 };
  const expected = expectedUnion(
    sets.map((s) => s.size),
    B,
  );
  const excess =
    sum - expected > 1e-9
      ? Math.max(0, Math.min(1, (union.size - expected) / (sum - expected)))
      : 0;
  return { ratio: union.size / sum, excess, union: union.size };
}

/**
 * Partition of a sweep: each member covers far fewer taxonomy buckets than it would if it drew its
 * own volume from the cluster's pooled bucket mix (members hold disjoint slices). 1 − observed/expected.
 */
export function pooledPartition(members: Map<string, Map<number, number>>): number {
  const pooled = new Map<number, number>();
  let total = 0;
  for (const m of members.values())
    for (const [b, n] of m) {
      pooled.set(b, (pooled.get(b) ?? 0) + n);
      total += n;
    }
  if (total === 0 || members.size < 2) return 0;
  let observed = 0,
    expected = 0;
  for (const counts of members.values()) {
    let volume = 0;
    for (const c of counts.values()) volume += c;
    observed += counts.size;
    for (const c of pooled.values()) expected += 1 - Math.pow(1 - c / total, volume);
  }
  return expected > 0 ? Math.max(0, 1 - observed / expected) : 0;
}

export function burstShare(created: number[], windowMs = DAY_MS): number {
  if (created.length === 0) return 0;
  const times = [...created].sort((a, b) => a - b);
  let best = 1;
  for (let end = 0, start = 0; end < times.length; end++) {
    while (times[end] - times[start] > windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best / times.length;
}

export async function clusterFeatures(
  pool: Pick<Pool, 'query'>,
  members: string[],
  eventsOf: (id: string) => number,
): Promise<ClusterFeatures> {
  const [buckets, hours, created] = await runAll(pool, [
    () =>
      pool.query<{ account_id: string; kind: number; bucket: number; n: number; t: number }>(
        `SELECT account_id, kind::int AS kind, bucket, events AS n, (extract(epoch FROM first_ts) * 1000)::float8 AS t FROM account_bucket WHERE account_id = ANY($1)`,
        [members],
      ),
    () =>
      pool.query<{ account_id: string; d: number; hour_hist: number[] }>(
        `SELECT account_id, (day - DATE '1970-01-01') AS d, hour_hist FROM account_daily WHERE account_id = ANY($1)`,
        [members.slice(0, 200)],
      ),
    () =>
      pool.query<{ t: number | null; org: string | null }>(
        `SELECT (extract(epoch FROM created_at) * 1000)::float8 AS t, org_id AS org FROM accounts WHERE account_id = ANY($1)`,
        [members],
      ),
  ] as const);
  const lsh = new Map<string, Set<number>>(),
    tax = new Map<string, Map<number, number>>(),
    taxAll = new Set<number>();
  const firstVisit = new Map<number, number>();
  for (const r of buckets.rows) {
    if (r.kind === 0) {
      taxAll.add(r.bucket);
      let taxCounts = tax.get(r.account_id);
      if (!taxCounts) tax.set(r.account_id, (taxCounts = new Map()));
      if (r.bucket > 1) taxCounts.set(r.bucket, r.n); // unknown/other carry no capability
      firstVisit.set(r.bucket, Math.min(firstVisit.get(r.bucket) ?? Infinity, r.t));
      continue;
    }
    let fine = lsh.get(r.account_id);
    if (!fine) lsh.set(r.account_id, (fine = new Set()));
    fine.add(r.bucket);
  }
  const lshPartition = partitionOf([...lsh.values()], FINE_BUCKETS);
  const unionTax = new Set([...tax.values()].flatMap((m) => [...m.keys()])).size;
  const orgs = created.rows.filter((r) => r.org !== null);
  const order = [...firstVisit.entries()].sort((a, b) => a[1] - b[1]).map(([b]) => b);
  return {
    members: members.length,
    events: members.reduce((s, id) => s + eventsOf(id), 0),
    partition_ratio: lshPartition.ratio,
    partition_excess: pooledPartition(tax),
    union_coverage_tax: unionTax / (TAXONOMY_BUCKETS.length - 1),
    union_coverage_lsh: lshPartition.union / FINE_BUCKETS,
    union_tax_share: taxAll.size / (TAXONOMY_BUCKETS.length - 1),
    exploration:
      lshPartition.union /
      Math.max(
        1,
        FINE_BUCKETS *
          (1 - Math.exp(-members.reduce((t, id) => t + eventsOf(id), 0) / FINE_BUCKETS)),
      ),
    correlated_volume: memberVsRestCorrelation(hours.rows),
    distinct_orgs: orgs.length > 0 ? new Set(orgs.map((r) => r.org)).size / orgs.length : 0,
    signup_burst:
      created.rows.length >= 3
        ? burstShare(created.rows.flatMap((r) => (r.t === null ? [] : [r.t])))
        : 0,
    cluster_sweep: sweepScore(order) ?? 0,
  };
}

function memberVsRestCorrelation(
  rows: { account_id: string; d: number; hour_hist: number[] }[],
): number {
  if (rows.length === 0) return 0;
  let d0 = Infinity,
    d1 = -Infinity;
  for (const r of rows) {
    d0 = Math.min(d0, r.d);
    d1 = Math.max(d1, r.d);
  }
  const len = (d1 - d0 + 1) * 24;
  const series = new Map<string, Float64Array>();
  const all = new Float64Array(len);
  for (const r of rows) {
    let s = series.get(r.account_id);
    if (!s) series.set(r.account_id, (s = new Float64Array(len)));
    (r.hour_hist ?? []).forEach((c, h) => {
      s![(r.d - d0) * 24 + h] += c;
      all[(r.d - d0) * 24 + h] += c;
    });
  }
  if (series.size < 2) return 0;
  let sum = 0;
  const rest = new Float64Array(len);
  for (const s of series.values()) {
    for (let i = 0; i < len; i++) rest[i] = all[i] - s[i];
    sum += pearson(s, rest);
  }
  return sum / series.size;
}
