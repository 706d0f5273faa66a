import type { PoolClient } from 'pg';
import { SCOPE_PARAMS, SCOPE_WHERE, scopeParams, type ResolvedScope } from './event-sql';

// A reproducible sample for exhibits, stratified by account and UTC day. Every event gets a rank
// inside its stratum by md5(seed || ':' || event id); the sample takes all rank-1 events (one per
// stratum) in md5 order, then rank-2, … until `size`. Same scope + seed → same events, whatever
// the row order in the database; another seed → another draw. Postgres does the ranking, so
// memory stays flat however many strata there are.

export const SAMPLE_METHOD =
  'Stratified by (account_id, UTC day of ts). Within each stratum events are ranked by ' +
  "md5(seed || ':' || event id) ascending; the sample takes the rank-1 event of every stratum, " +
  'ordered by that hash, then rank-2 events, and so on, until the sample size is reached.';

const SEED = `$${SCOPE_PARAMS + 1}`;
const SIZE = `$${SCOPE_PARAMS + 2}`;
// One scan gives both the sample and the scope's event count (the progress total): the count
// rides on every ranked row, and a zero-size sample still returns one row for it.
const SAMPLE_SQL = `
SELECT id, total FROM (
  SELECT id, md5(${SEED} || ':' || id) AS h, count(*) OVER () AS total,
         row_number() OVER (PARTITION BY account_id, (ts AT TIME ZONE 'UTC')::date
                            ORDER BY md5(${SEED} || ':' || id), id) AS rk
    FROM events WHERE ${SCOPE_WHERE}
) s WHERE rk <= greatest(${SIZE}, 1) ORDER BY rk, h, id LIMIT greatest(${SIZE}, 1)`;

/** Event ids of the sample, in draw order (index = draw position), and the scope's event count. */
export async function drawSample(
  client: Pick<PoolClient, 'query'>,
  scope: ResolvedScope,
  seed: string,
  size: number,
): Promise<{ ids: string[]; total: number }> {
  if (scope.accountIds.length === 0) return { ids: [], total: 0 };
  const r = await client.query<{ id: string; total: string }>(SAMPLE_SQL, [
    ...scopeParams(scope),
    seed,
    Math.max(0, size),
  ]);
  return {
    ids: size > 0 ? r.rows.map((x) => x.id) : [],
    total: Number(r.rows[0]?.total ?? 0),
  };
}
