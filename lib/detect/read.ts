import type { Pool } from 'pg';

// Read functions over the detection output, shared by the HTTP API, the CLI and the UI.

export interface FlagLine {
  account_id: string;
  risk: number;
  flagged: boolean;
  cluster_id: string | null;
  reasons: string[];
}

/** Every scored account, highest risk first, in the exact shape of `npm run flags -- --format ndjson`. */
export async function* scoredAccounts(
  pool: Pick<Pool, 'query'>,
  pageSize = 5000,
): AsyncGenerator<FlagLine> {
  let after: { risk: number; id: string } | null = null;
  for (;;) {
    const res = await pool.query<FlagLine>(
      `SELECT account_id, risk, flagged, cluster_id, coalesce(reasons, '{}') AS reasons FROM account_score
       WHERE $1::real IS NULL OR (risk, account_id) < ($1::real, $2::text)
       ORDER BY risk DESC, account_id DESC LIMIT $3`,
      [after?.risk ?? null, after?.id ?? '', pageSize],
    );
    const rows: FlagLine[] = res.rows;
    for (const r of rows)
      yield {
        account_id: r.account_id,
        risk: Number(r.risk),
        flagged: r.flagged,
        cluster_id: r.cluster_id,
        reasons: r.reasons,
      };
    if (rows.length < pageSize) return;
    const l: FlagLine = rows[rows.length - 1];
    after = { risk: Number(l.risk), id: l.account_id };
  }
}

export async function listClusters(
  pool: Pick<Pool, 'query'>,
  q: { flagged?: boolean; page: number; pageSize: number },
) {
  const [items, total] = await Promise.all([
    pool.query(
      `SELECT id, risk, flagged, members, events::float8 AS events, reasons, features, indicators, run_id::text AS run_id
       FROM clusters WHERE ($1::boolean IS NULL OR flagged = $1) ORDER BY risk DESC, members DESC, id LIMIT $2 OFFSET $3`,
      [q.flagged ?? null, q.pageSize, (q.page - 1) * q.pageSize],
    ),
    pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM clusters WHERE ($1::boolean IS NULL OR flagged = $1)`,
      [q.flagged ?? null],
    ),
  ]);
  return { items: items.rows, total: total.rows[0].n, page: q.page, pageSize: q.pageSize };
}
