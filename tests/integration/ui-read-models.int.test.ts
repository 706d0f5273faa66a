import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, pgPool } from '@/lib/db/client';
import { seedDataset } from '@/bench/pages/seed';
import { listAccounts } from '@/lib/queries/accounts-list';
import { parseAccountQuery } from '@/lib/queries/account-filter';
import { getAccountPageData } from '@/lib/queries/account-page';
import { getClusterPageData } from '@/lib/queries/cluster-page';
import { listAccountEvents } from '@/lib/queries/account-events';
import { getFlagsPerRun, getQueueCounts } from '@/lib/queries/overview';
import { getLinkedAccounts } from '@/lib/queries/linked-accounts';
import { listClusters, parseClusterQuery } from '@/lib/queries/clusters-list';

// A small synthetic dataset (same generator as bench:pages): 300 accounts, 30k events, 3 clusters of 20.
export const SMALL = {
  accounts: 300,
  events: 30_000,
  days: 21,
  clusters: 3,
  clusterSize: 20,
  start: '2026-10-01',
};
const list = (q: string) => listAccounts(parseAccountQuery(new URLSearchParams(q)));

beforeAll(async () => {
  await seedDataset(pgPool(), SMALL);
});
afterAll(() => closeDb());

describe('accounts list read model', () => {
  it('pages through every scored account, riskiest first', async () => {
    const p1 = await list('size=100');
    expect(p1.total).toBe(300);
    expect(p1.rows).toHaveLength(100);
    expect(p1.rows.map((r) => r.risk)).toEqual(
      [...p1.rows.map((r) => r.risk)].sort((a, b) => b - a),
    );
    const p3 = await list('size=100&page=3');
    expect(new Set([...p1.rows, ...p3.rows].map((r) => r.account_id)).size).toBe(200);
  });

  it('filters by risk, signal, status, cluster and country', async () => {
    const r = await list('risk_min=0.7&signal=coverage&status=open&country=US&size=100');
    expect(r.total).toBeGreaterThan(0);
    for (const a of r.rows) expect(a).toMatchObject({ status: 'open', country: 'US' });
    expect(r.rows.every((a) => a.risk >= 0.7)).toBe(true);
    const c = await list('cluster=cl-2&size=100');
    expect(c.total).toBe(20);
  });

  it('finds accounts by IP (/24 indicator), API key and email domain', async () => {
    expect((await list('q=172.16.2.77&size=100')).total).toBe(20);
    expect((await list('q=key-42-1')).rows.map((r) => r.account_id)).toEqual(['acct-000042']);
    expect((await list('q=someone@burner3.example&size=100')).total).toBe(20);
    expect((await list('q=acct-00029')).rows.map((r) => r.account_id).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `acct-00029${i}`),
    );
  });
});

describe('account and cluster pages', () => {
  it('account page rollups add up to the score row', async () => {
    const d = await getAccountPageData('acct-000010');
    expect(d).not.toBeNull();
    const sum = d!.series.points.reduce((a, p) => a + p.events, 0);
    expect(sum).toBe(d!.header.events);
    expect(d!.hourOfWeek.total).toBe(d!.header.events);
    expect(d!.header.contributions[0].contribution).toBeGreaterThan(0);
    expect(d!.series.points.at(-1)!.tax_cov).toBeGreaterThan(0.5); // a sweeper
  });

  it('unknown account or cluster → null (the page answers 404)', async () => {
    expect(await getAccountPageData('nope')).toBeNull();
    expect(await getClusterPageData('nope')).toBeNull();
  });

  it('cluster page: members, shared indicators, partitioned coverage, combined timeline', async () => {
    const c = await getClusterPageData('cl-1');
    expect(c!.members).toHaveLength(20);
    expect(c!.indicators.indicators.find((i) => i.kind === 'ip24')?.members).toBe(20);
    const last = c!.coverage.points.at(-1)!;
    const total = c!.coverage.series.reduce((a, s) => a + Number(last[s.key]), 0);
    // every fine bucket of the members is credited once: the stacked total is their union
    const { rows: u } = await pgPool().query<{ n: number }>(
      `SELECT count(DISTINCT bucket)::int AS n FROM account_bucket b JOIN cluster_members m USING (account_id)
       WHERE m.cluster_id = 'cl-1' AND b.kind = 1`,
    );
    expect(total * c!.coverage.buckets).toBeCloseTo(u[0].n, 6);
    expect(c!.coverage.taxCovered / c!.coverage.taxTotal).toBeGreaterThan(0.5);
    expect(c!.timeline.points.reduce((a, p) => a + p.events, 0)).toBe(c!.header.events);
  });

  it('lists a window of events with keyset paging, newest or oldest first, redacted', async () => {
    const d = await getAccountPageData('acct-000007');
    const pages: Record<string, string[]> = {};
    for (const order of ['desc', 'asc'] as const) {
      const w = {
        account: 'acct-000007',
        from: '2026-10-01T00:00:00Z',
        to: '2026-11-01T00:00:00Z',
        limit: 7,
        order,
      };
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const p = await listAccountEvents({ ...w, cursor });
        for (const e of p.events) {
          expect(e.prompt).not.toMatch(/@|415 555/);
          seen.push(`${e.ts}|${e.id}`);
        }
        cursor = p.next ?? undefined;
      } while (cursor);
      expect(seen.length).toBe(d!.header.events);
      expect(new Set(seen).size).toBe(seen.length);
      const sorted = [...seen].sort();
      expect(seen).toEqual(order === 'asc' ? sorted : sorted.reverse());
      pages[order] = seen;
    }
    expect(pages.desc[0]).toBe(pages.asc.at(-1));
  });

  it('clusters list filters and sorts as its URL says', async () => {
    const by = (q: Record<string, string>) => listClusters(parseClusterQuery(q).query);
    const all = await by({});
    expect(all.map((c) => c.risk)).toEqual([...all.map((c) => c.risk)].sort((a, b) => b - a));
    const asc = await by({ sort: 'members', dir: 'asc' });
    expect(asc.map((c) => c.members)).toEqual([...asc.map((c) => c.members)].sort((a, b) => a - b));
    expect((await by({ flagged: 'true' })).every((c) => c.flagged)).toBe(true);
    const big = Math.max(...all.map((c) => c.members));
    expect((await by({ min_members: String(big) })).every((c) => c.members >= big)).toBe(true);
    expect(await by({ min_members: String(big + 1) })).toEqual([]);
  });

  it('linked accounts name the shared values, not only their kinds', async () => {
    const { rows: m } = await pgPool().query<{ account_id: string }>(
      `SELECT account_id FROM cluster_members ORDER BY cluster_id, account_id LIMIT 1`,
    );
    const linked = await getLinkedAccounts(m[0].account_id);
    expect(linked.length).toBeGreaterThan(0);
    const { rows: mine } = await pgPool().query<{ kv: string }>(
      `SELECT kind || ' ' || left(value, 64) AS kv FROM account_indicator WHERE account_id = $1`,
      [m[0].account_id],
    );
    const own = new Set(mine.map((r) => r.kv));
    for (const l of linked) {
      expect(l.shares.length).toBeGreaterThan(0);
      for (const s of l.shares) expect(own.has(s), s).toBe(true);
      expect([...new Set(l.shares.map((s) => s.split(' ')[0]))].sort()).toEqual(l.kinds);
    }
  });

  it('overview counts and new flags per detection run', async () => {
    const q = await getQueueCounts();
    expect(q.scored).toBe(300);
    expect(q.clusters_open).toBe(3);
    // The seed raises its cluster flags two days ago: a run spanning that time raised them; a later
    // run raised nothing new (flags keep their created_at when a run refreshes them).
    const { rows: runs } = await pgPool().query<{ id: string }>(
      `INSERT INTO detect_runs (started_at, finished_at, status) VALUES
         (now() - interval '3 days', now() - interval '1 day', 'done'),
         (now() - interval '1 hour', now(), 'done') RETURNING id::text AS id`,
    );
    const { rows: want } = await pgPool().query<{ a: number; c: number }>(
      `SELECT count(*) FILTER (WHERE f.subject_type = 'account')::int AS a,
              count(*) FILTER (WHERE f.subject_type = 'cluster')::int AS c
       FROM flags f JOIN detect_runs r ON f.created_at BETWEEN r.started_at AND r.finished_at WHERE r.id = $1`,
      [runs[0].id],
    );
    const per = await getFlagsPerRun(30);
    expect(per.map((p) => p.run)).toEqual(runs.map((r) => r.id));
    expect(per[0]).toMatchObject({ account: want[0].a, cluster: 3 });
    expect(want[0].c).toBe(3);
    expect(per[1]).toMatchObject({ account: 0, cluster: 0 });
    expect(per[0].key).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} · run \d+$/);
  });
});
