import 'server-only';
import { TAXONOMY_BUCKETS } from '@/lib/features/taxonomy';
import { rows } from './sql';
import { dayRange, downsample } from './downsample';

/** Stacked cumulative coverage: each series is one member's share of the cluster's buckets. */
export interface PartitionedCoverage {
  series: string[];
  points: Array<Record<string, number | string>>;
  buckets: number;
}

const OTHER = 'others';

/**
 * Each taxonomy bucket is credited to the member that reached it first; a hydra splitting one sweep
 * shows as many thin bands adding up to a high total, a single sweeper as one thick band.
 */
export async function getPartitionedCoverage(
  memberIds: string[],
  topMembers = 8,
): Promise<PartitionedCoverage> {
  const r = await rows<{ key: string; account_id: string; n: number }>(
    `WITH firsts AS (
       SELECT DISTINCT ON (b.bucket) b.bucket, b.account_id, (b.first_ts AT TIME ZONE 'UTC')::date AS d
       FROM account_bucket b WHERE b.account_id = ANY($1) AND b.kind = 0 AND b.bucket <> 0 -- 0 = unknown, not a capability
       ORDER BY b.bucket, b.first_ts, b.account_id)
     SELECT d::text AS key, account_id, count(*)::int AS n FROM firsts GROUP BY 1, 2 ORDER BY 1`,
    [memberIds],
  );
  const total = TAXONOMY_BUCKETS.length - 1; // as detection: "unknown" is not a capability
  if (r.length === 0) return { series: [], points: [], buckets: total };
  const perMember = new Map<string, number>();
  for (const x of r) perMember.set(x.account_id, (perMember.get(x.account_id) ?? 0) + x.n);
  const top = [...perMember.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, topMembers)
    .map(([a]) => a);
  const series = perMember.size > top.length ? [...top, OTHER] : top;
  const label = (a: string) => (top.includes(a) ? a : OTHER);
  const days = dayRange(r[0].key, r[r.length - 1].key);
  const daily = new Map<string, Map<string, number>>();
  for (const x of r) {
    const m = daily.get(x.key) ?? daily.set(x.key, new Map()).get(x.key)!;
    m.set(label(x.account_id), (m.get(label(x.account_id)) ?? 0) + x.n);
  }
  const cum = new Map<string, number>(series.map((s) => [s, 0]));
  const points = days.map((key) => {
    const point: Record<string, number | string> & { key: string } = { key };
    for (const s of series) {
      cum.set(s, cum.get(s)! + (daily.get(key)?.get(s) ?? 0));
      point[s] = cum.get(s)! / total;
    }
    return point;
  });
  return {
    series,
    points: downsample(points, Object.fromEntries(series.map((s) => [s, 'last']))),
    buckets: total,
  };
}
