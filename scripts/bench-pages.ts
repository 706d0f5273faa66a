// npm run bench:pages — times each page's data functions on a ≥ 10M-event / ≥ 20k-account dataset
// (database dw_bench_pages, seeded once set-based in SQL and reused) beside the same question asked
// naively of the raw events table. Prints p50/p95 per page. See docs/performance.md (Pages).
import { env, pointAtDatabase } from '@/lib/env';
import { createMigratedDatabase } from '@/lib/db/databases';
import { timeRuns as time } from '../bench/page-timer';

const ADMIN = env().BENCH_ADMIN_URL;
const DB = 'dw_bench_pages';
const RUNS = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 50);
const NAIVE_RUNS = Number(process.argv.find((a) => a.startsWith('--naive-runs='))?.slice(13) ?? 5);

const ensureDatabase = () => createMigratedDatabase(ADMIN, DB, { ifMissing: true });

async function main() {
  const url = await ensureDatabase();
  pointAtDatabase(url); // before the app modules below create their (lazy) pool
  const { seedDataset, BENCH_SIZE } = await import('../bench/pages/seed');
  const naive = await import('../bench/pages/naive');
  const { listAccounts } = await import('../lib/queries/accounts-list');
  const { parseAccountQuery } = await import('../lib/queries/account-filter');
  const { getAccountPageData } = await import('../lib/queries/account-page');
  const { listAccountEvents } = await import('../lib/queries/account-events');
  const { getClusterPageData } = await import('../lib/queries/cluster-page');
  const { getClusterMemberIds } = await import('../lib/queries/cluster-detail');
  const { pgPool, closeDb } = await import('../lib/db/client');
  const pool = pgPool();

  const t0 = Date.now();
  const how = await seedDataset(pool, BENCH_SIZE, (m) => console.log(`  seed: ${m}`));
  const size = (
    await pool.query<{ e: string; a: string }>(
      `SELECT (SELECT sum(events) FROM account_daily)::text AS e, (SELECT count(*) FROM account_score)::text AS a`,
    )
  ).rows[0];
  console.log(
    `dataset ${how} in ${((Date.now() - t0) / 1000).toFixed(0)} s: ${Number(size.e).toLocaleString('en')} events, ${Number(size.a).toLocaleString('en')} accounts`,
  );

  const top = (await listAccounts(parseAccountQuery(new URLSearchParams()))).rows[0].account_id;
  const cluster = (
    await pool.query<{ id: string }>('SELECT id FROM clusters ORDER BY members DESC, id LIMIT 1')
  ).rows[0].id;
  const members = await getClusterMemberIds(cluster);
  const win = { account: top, from: '2026-09-10T00:00:00Z', to: '2026-09-17T00:00:00Z', limit: 50 };
  const filtered = parseAccountQuery(
    new URLSearchParams('risk_min=0.5&status=open&signal=coverage&sort=events&page=3'),
  );

  const cases: Array<[string, () => Promise<unknown>, (() => Promise<unknown>) | null]> = [
    [
      'accounts list (default)',
      () => listAccounts(parseAccountQuery(new URLSearchParams())),
      () => naive.naiveAccountsList(pool),
    ],
    ['accounts list (filtered, page 3)', () => listAccounts(filtered), null],
    [
      'accounts search (IP)',
      () => listAccounts(parseAccountQuery(new URLSearchParams('q=172.16.7.9'))),
      null,
    ],
    [
      `account page (${top})`,
      () => getAccountPageData(top),
      () => naive.naiveAccountPage(pool, top),
    ],
    ['account events window (50 rows)', () => listAccountEvents({ ...win, order: 'desc' }), null],
    [
      `cluster page (${cluster}, ${members.length} members)`,
      () => getClusterPageData(cluster),
      () => naive.naiveClusterPage(pool, members),
    ],
  ];
  const fmt = (n: number) => `${n.toFixed(1).padStart(8)} ms`;
  console.log(
    `\n${'page data'.padEnd(44)} ${'p50'.padStart(11)} ${'p95'.padStart(11)}   naive p50 / p95 (raw events)`,
  );
  for (const [name, fn, naiveFn] of cases) {
    const r = await time(RUNS, fn);
    const n = naiveFn ? await time(NAIVE_RUNS, naiveFn) : null;
    const naiveText = n
      ? `${fmt(n.p50)} / ${fmt(n.p95)}  (${(n.p50 / r.p50).toFixed(0)}× slower, ${n.runs} runs)`
      : '—';
    console.log(
      `${name.padEnd(44)} ${fmt(r.p50)} ${fmt(r.p95)}   ${naiveText}${r.p95 > 100 ? '   OVER 100 ms' : ''}`,
    );
  }
  console.log(
    `\n${RUNS} timed runs per page (+1 warm-up), naive ${NAIVE_RUNS}; sequential, one connection at a time.`,
  );
  await closeDb();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
