import 'server-only';
import { rows } from './sql';

export interface LinkedAccount {
  account_id: string;
  kinds: string[];
  /** what is shared, as "kind value" (e.g. "asn 396982"), at most 64 characters of each value */
  shares: string[];
  shared: number;
  risk: number | null;
  cluster_id: string | null;
}

// An indicator shared by more than this many accounts (a big cloud ASN, a popular SDK user agent)
// links nothing useful and would fan out to thousands of rows, so it is skipped.
const RARE_MAX = 200;

/** Accounts sharing rare indicators with this one (indicator rollup, index on (kind, value)). */
export async function getLinkedAccounts(accountId: string, limit = 25): Promise<LinkedAccount[]> {
  return rows<LinkedAccount>(
    `WITH mine AS (
       SELECT kind, value FROM account_indicator WHERE account_id = $1 AND kind <> 'model'
     ), rare AS (
       SELECT m.kind, m.value FROM mine m
       WHERE (SELECT count(*) FROM (SELECT 1 FROM account_indicator x WHERE x.kind = m.kind AND x.value = m.value LIMIT ${RARE_MAX + 1}) t) <= ${RARE_MAX}
     )
     SELECT o.account_id, array_agg(DISTINCT o.kind ORDER BY o.kind) AS kinds,
            array_agg(DISTINCT o.kind || ' ' || left(o.value, 64)) AS shares, count(*)::int AS shared, s.risk, s.cluster_id
     FROM rare r JOIN account_indicator o ON o.kind = r.kind AND o.value = r.value AND o.account_id <> $1
     LEFT JOIN account_score s ON s.account_id = o.account_id
     GROUP BY o.account_id, s.risk, s.cluster_id
     ORDER BY shared DESC, s.risk DESC NULLS LAST, o.account_id
     LIMIT $2`,
    [accountId, limit],
  );
}
