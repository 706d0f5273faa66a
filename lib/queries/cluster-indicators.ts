import 'server-only';
import { rows } from './sql';

export interface SharedIndicator {
  kind: string;
  value: string;
  members: number;
  global: number;
  accounts: string[];
}
export interface IndicatorMatrix {
  indicators: SharedIndicator[];
  accounts: string[];
}

/**
 * Which members share what: the indicators held by ≥ 2 members (most shared first), with how many
 * accounts hold them overall (rarity is what makes a link meaningful).
 */
export async function getClusterIndicators(
  memberIds: string[],
  maxIndicators = 30,
  maxAccounts = 40,
): Promise<IndicatorMatrix> {
  const r = await rows<SharedIndicator>(
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
  for (const ind of r) for (const a of ind.accounts) score.set(a, (score.get(a) ?? 0) + 1);
  const accounts = [...score.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, maxAccounts)
    .map(([a]) => a);
  return { indicators: r, accounts };
}
