import type { PoolClient } from 'pg';
import type { Db } from './core';
import type { DailyAgg } from './load-daily';
import type { AccountResult } from './score-accounts';
import { insertJson } from './write-results';

// Cluster members' own results (detect_member_result, migration 20261203400000): what an
// incremental run needs of a member it rescores only because its cluster is rescored. Its rollups
// and the population are unchanged, so its own result is the stored one; reading it spares loading
// and scoring the rollups of every member of a large cluster (a hydra of thousands) for a batch
// that touched a few of them.

/** What accountRows and cluster scoring read of an account's own result (daily: totals only). */
type Stored = Pick<
  AccountResult,
  'risk' | 'flagged' | 'reasons' | 'contributions' | 'total' | 'values'
> & {
  daily: Omit<DailyAgg, 'daily' | 'dayIdx' | 'how'>;
};

export interface MemberResultRow {
  account_id: string;
  result: Stored;
}

function stored(r: AccountResult): Stored {
  const { daily: _d, dayIdx: _i, how: _h, ...daily } = r.daily;
  const { risk, flagged, reasons, contributions, total, values } = r;
  return { risk, flagged, reasons, contributions, total, values, daily };
}

/**
 * Stored own results of these accounts, as AccountResults for accountRows and scoreLinked: per-day
 * series, coverage, joint and novelty details are not kept (nothing after scoring reads them).
 */
export async function loadMemberResults(
  db: Db,
  ids: string[],
): Promise<Map<string, AccountResult>> {
  const { rows } = await db.query<{ account_id: string; result: Stored }>(
    'SELECT account_id, result FROM detect_member_result WHERE account_id = ANY($1)',
    [ids],
  );
  return new Map(
    rows.map(({ account_id: id, result: r }) => [
      id,
      {
        ...r,
        id,
        daily: { ...r.daily, daily: [], dayIdx: [], how: [] },
        cov: undefined,
      } as unknown as AccountResult,
    ]),
  );
}

/** The rows to store: the own results of the accounts that are members of one of `clusters`. */
export function memberResults(results: AccountResult[], clusters: string[][]): MemberResultRow[] {
  const members = new Set(clusters.flat());
  return results
    .filter((r) => members.has(r.id))
    .map((r) => ({ account_id: r.id, result: stored(r) }));
}

/**
 * Writes them (caller holds the run's transaction): a full run replaces every row; an incremental
 * one those of `replaced` (touched or rescored accounts: a touched account's old row is stale).
 */
export async function writeMemberResults(
  c: PoolClient,
  runId: string,
  rows: MemberResultRow[],
  replaced: string[] | 'all',
): Promise<void> {
  if (replaced === 'all') await c.query('DELETE FROM detect_member_result');
  else await c.query('DELETE FROM detect_member_result WHERE account_id = ANY($1)', [replaced]);
  await insertJson(
    c,
    'detect_member_result',
    rows.map((r) => ({ ...r, run_id: runId })),
  );
}
