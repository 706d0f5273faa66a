import type { Pool, PoolClient } from 'pg';

// The cluster page's shared-indicator matrix (members × indicators held by ≥ 2 members), computed
// by detection for every cluster it writes and stored in cluster_matrix, so a 1,000-member
// cluster's page reads one row instead of grouping every member's indicators per view. The page
// computes it live with the same function when a cluster has no stored matrix.

export interface SharedIndicator {
  kind: string;
  value: string;
  /** members holding it */
  members: number;
  /** accounts holding it overall (counted up to 10,000): rarity is what makes a link meaningful */
  global: number;
  /** the matrix's rows (`IndicatorMatrix.accounts`) that hold it */
  accounts: string[];
}
export interface IndicatorMatrix {
  indicators: SharedIndicator[];
  accounts: string[];
}

/**
 * The indicators held by ≥ 2 of `memberIds` (most shared first, at most `maxIndicators`), and as
 * rows the `maxAccounts` members holding the most of them.
 */
export async function indicatorMatrix(
  db: Pick<Pool | PoolClient, 'query'>,
  memberIds: string[],
  maxIndicators = 30,
  maxAccounts = 40,
): Promise<IndicatorMatrix> {
  const { rows } = await db.query<SharedIndicator>(
    // Member ids as an array (not a join) keep the planner on the (account_id, …) primary key.
    `WITH ind AS (SELECT i.kind, i.value, i.account_id FROM account_indicator i WHERE i.account_id = ANY($1) AND i.kind <> 'model'),
     shared AS (SELECT kind, value, count(*)::int AS members FROM ind GROUP BY kind, value HAVING count(*) >= 2
                ORDER BY members DESC, kind, value LIMIT $2)
     SELECT s.kind, s.value, s.members,
            (SELECT count(*)::int FROM (SELECT 1 FROM account_indicator x WHERE x.kind = s.kind AND x.value = s.value LIMIT 10000) c) AS global,
            array_agg(ind.account_id ORDER BY ind.account_id) AS accounts
     FROM shared s JOIN ind USING (kind, value)
     GROUP BY s.kind, s.value, s.members
     ORDER BY s.members DESC, s.kind, s.value`,
    [memberIds, maxIndicators],
  );
  // Rows of the matrix: the members holding the most shared indicators.
  const score = new Map<string, number>();
  for (const ind of rows) for (const a of ind.accounts) score.set(a, (score.get(a) ?? 0) + 1);
  const accounts = [...score.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, maxAccounts)
    .map(([a]) => a);
  const shown = new Set(accounts);
  return {
    indicators: rows.map((r) => ({ ...r, accounts: r.accounts.filter((a) => shown.has(a)) })),
    accounts,
  };
}

/** Stores the matrix of each cluster (`[id, member ids]`), replacing what was there. */
export async function writeClusterMatrices(
  c: PoolClient,
  runId: string,
  clusters: Array<{ id: string; member_ids: string[] }>,
): Promise<void> {
  for (const k of clusters)
    await c.query(
      `INSERT INTO cluster_matrix (cluster_id, matrix, run_id) VALUES ($1, $2::jsonb, $3::bigint)
       ON CONFLICT (cluster_id) DO UPDATE SET matrix = EXCLUDED.matrix, run_id = EXCLUDED.run_id`,
      [k.id, JSON.stringify(await indicatorMatrix(c, k.member_ids)), runId],
    );
}
