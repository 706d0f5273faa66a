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
const SAMPLE_SQL = `
SELECT id FROM (
  SELECT id, md5(${SEED} || ':' || id) AS h,
         row_number() OVER (PARTITION BY account_id, (ts AT TIME ZONE 'UTC')::date
                            ORDER BY md5(${SEED} || ':' || id), id) AS rk
    FROM events WHERE ${SCOPE_WHERE}
) s WHERE rk <= ${SIZE} ORDER BY rk, h, id LIMIT ${SIZE}`;

/** Event ids of the sample, in draw order (index = draw position). */
export async function drawSample(
  client: Pick<PoolClient, 'query'>,
  scope: ResolvedScope,
  seed: string,
  size: number,
): Promise<string[]> {
  if (size <= 0 || scope.accountIds.length === 0) return [];
  const r = await client.query<{ id: string }>(SAMPLE_SQL, [...scopeParams(scope), seed, size]);
  return r.rows.map((x) => x.id);
}
