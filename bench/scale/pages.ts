import type pg from 'pg';
import { timeRuns } from '../page-timer';

export interface PageTimes {
  name: string;
  p50: number;
  p95: number;
}

/** The three pages of the scaling table: accounts list, top account's page, biggest cluster's page. */
export async function pageTimes(pool: pg.Pool, runs: number): Promise<PageTimes[]> {
  const { listAccounts } = await import('@/lib/queries/accounts-list');
  const { parseAccountQuery } = await import('@/lib/queries/account-filter');
  const { getAccountPageData } = await import('@/lib/queries/account-page');
  const { getClusterPageData } = await import('@/lib/queries/cluster-page');
  const defaults = () => parseAccountQuery(new URLSearchParams());
  const top = (await listAccounts(defaults())).rows[0]?.account_id;
  const cluster = (
    await pool.query<{ id: string }>('SELECT id FROM clusters ORDER BY members DESC, id LIMIT 1')
  ).rows[0]?.id;
  const out: PageTimes[] = [];
  const run = async (name: string, fn: () => Promise<unknown>) =>
    out.push({ name, ...(await timeRuns(runs, fn)) });
  await run('accounts list', () => listAccounts(defaults()));
  if (top) await run('account page', () => getAccountPageData(top));
  if (cluster) await run('cluster page', () => getClusterPageData(cluster));
  return out;
}
