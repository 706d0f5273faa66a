import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, pgPool } from '@/lib/db/client';
import { withPgTransaction } from '@/lib/db/transaction';
import { writeClusterCoverage } from '@/lib/detect/cluster-coverage';
import { getPartitionedCoverage } from '@/lib/queries/cluster-coverage';
import { FINE_BUCKETS } from '@/lib/features/lsh';
import { insertBucket } from './day-sets';

// The per-cluster coverage rollup detection writes at the end of a run, and the cluster page's
// reader: each bucket credited to the member that reached it first, over the cluster's whole range.
// Cluster k1: a, b, c. a reaches fine buckets 1–3 on day 1, b reaches 3 (later) and 4 on day 5,
// c only bucket 1 (later than a) on day 9; a's last event is on day 12. Taxonomy bucket 0
// ("unknown") is not a capability and never counts.
const at = (d: number) => `2026-10-${String(d).padStart(2, '0')}T10:00:00Z`;
const BUCKETS: [string, number, number, number][] = [
  ['a', 1, 1, 1],
  ['a', 1, 2, 1],
  ['a', 1, 3, 1],
  ['a', 0, 5, 1],
  ['a', 0, 0, 1],
  ['b', 1, 3, 5],
  ['b', 1, 4, 5],
  ['b', 0, 6, 5],
  ['c', 1, 1, 9],
  ['x', 1, 7, 2], // not a member
];

beforeAll(async () => {
  const p = pgPool();
  for (const [acct, kind, bucket, d] of BUCKETS)
    await insertBucket(p, acct, kind as 0 | 1, bucket, at(d));
  for (const [acct, d] of [
    ['a', 1],
    ['a', 12],
    ['b', 5],
    ['c', 9],
  ] as const)
    await p.query(
      `INSERT INTO account_daily (account_id, day, events, hour_hist, first_ts, last_ts)
       VALUES ($1, $2::date, 1, '{}', $3, $3)`,
      [acct, at(d).slice(0, 10), at(d)],
    );
  for (const acct of ['a', 'b', 'c'])
    await p.query(`INSERT INTO cluster_members (account_id, cluster_id) VALUES ($1, 'k1')`, [acct]);
});
afterAll(() => closeDb());

describe('cluster coverage rollup', () => {
  it('computes the same chart live (no rollup yet) and from the rollup', async () => {
    const live = await getPartitionedCoverage('k1');
    expect(live.source).toBe('live');
    const n = await withPgTransaction(pgPool(), (c) => writeClusterCoverage(c, '7'));
    expect(n).toBe(2); // c reached nothing first: no row
    const { rows } = await pgPool().query(
      `SELECT day::text AS day, account_id, tax_new, lsh_new, run_id::text AS run_id FROM cluster_coverage ORDER BY day, account_id`,
    );
    expect(rows).toEqual([
      { day: '2026-10-01', account_id: 'a', tax_new: 1, lsh_new: 3, run_id: '7' },
      { day: '2026-10-05', account_id: 'b', tax_new: 1, lsh_new: 1, run_id: '7' },
    ]);
    const stored = await getPartitionedCoverage('k1');
    expect(stored.source).toBe('rollup');
    expect({ ...stored, source: 'live' }).toEqual(live);
  });

  it('draws the whole active range, each member a band, taxonomy reached noted', async () => {
    const c = await getPartitionedCoverage('k1');
    expect(c.points[0].key).toBe('2026-10-01');
    expect(c.points.at(-1)!.key).toBe('2026-10-12');
    expect(c.points).toHaveLength(12);
    expect(c.series.map((s) => s.key)).toEqual(['a', 'b']);
    expect(c.points.at(-1)).toMatchObject({ a: 3 / FINE_BUCKETS, b: 1 / FINE_BUCKETS });
    expect(c.points[3]).toMatchObject({ a: 3 / FINE_BUCKETS, b: 0 });
    expect(c).toMatchObject({ taxCovered: 2, taxFullDay: '2026-10-05' });
  });

  it('labels the members beyond the top ones as one band', async () => {
    const c = await getPartitionedCoverage('k1', 1);
    expect(c.series).toEqual([
      { key: 'a', label: 'a' },
      { key: 'others', label: '1 other member' },
    ]);
  });
});
