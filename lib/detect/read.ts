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

export interface AccountListQuery {
  flagged?: boolean;
  clusterId?: string;
  minRisk?: number;
  page: number;
  pageSize: number;
}

export async function listAccountScores(pool: Pick<Pool, 'query'>, q: AccountListQuery) {
  const where = [
    '($1::boolean IS NULL OR flagged = $1)',
    '($2::text IS NULL OR cluster_id = $2)',
    '($3::real IS NULL OR risk >= $3)',
  ];
  const params = [q.flagged ?? null, q.clusterId ?? null, q.minRisk ?? null];
  const [items, total] = await Promise.all([
    pool.query(
      `SELECT account_id, risk, flagged, cluster_id, reasons, events, coverage, first_seen, last_seen, run_id::text AS run_id
       FROM account_score WHERE ${where.join(' AND ')} ORDER BY risk DESC, account_id LIMIT $4 OFFSET $5`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    ),
    pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM account_score WHERE ${where.join(' AND ')}`,
      params,
    ),
  ]);
  return { items: items.rows, total: total.rows[0].n, page: q.page, pageSize: q.pageSize };
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

/** One account's score with its per-signal contributions and the cohort baseline of each signal. */
export async function getAccountDetection(pool: Pick<Pool, 'query'>, accountId: string) {
  const { rows } = await pool.query(`SELECT * FROM account_score WHERE account_id = $1`, [
    accountId,
  ]);
  if (rows.length === 0) return null;
  const base = await pool.query(
    `SELECT signal, p5, p25, p50, p75, p95, p99, n FROM signal_baseline`,
  );
  return {
    score: rows[0],
    baselines: Object.fromEntries(base.rows.map((b: { signal: string }) => [b.signal, b])),
  };
}
