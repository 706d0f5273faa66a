import type { Pool } from 'pg';
import type { Db } from './core';
import type { Population } from './score-accounts';

// What an incremental run (`npm run detect -- --since-last`) starts from: the accounts that changed
// since the last successful run, and the population the last full run judged accounts against.

/**
 * The ingest high-water mark for a run starting now: every ingest run with an id up to it has
 * finished, so the rollups this run reads hold all its rows. A run still going (or one a killed
 * process left 'running') holds the mark below itself: its accounts are rescanned next time.
 */
export async function ingestHighWater(db: Db): Promise<string> {
  const { rows } = await db.query<{ hwm: string }>(
    `SELECT coalesce((SELECT min(id) - 1 FROM ingest_runs WHERE status = 'running'),
                     (SELECT max(id) FROM ingest_runs), 0)::text AS hwm`,
  );
  return rows[0].hwm;
}

/**
 * The rollup rows' sequence now (read before the run's row is inserted): rows with a greater
 * part were appended later. Rows of an ingest run that was under way may carry a smaller part;
 * such runs started before this run and are looked up through events (touchedSinceLast).
 */
export async function partsMark(db: Db): Promise<string> {
  const { rows } = await db.query<{ v: string }>(
    `SELECT (CASE WHEN is_called THEN last_value ELSE 0 END)::text AS v FROM account_day_sets_part_seq`,
  );
  return rows[0].v;
}

export interface Touched {
  /** the last successful detection run this one continues */
  sinceRun: string;
  /** accounts with traffic that received events (or account rows) since then */
  accounts: string[];
  /** account rows written since then (new accounts, changed attributes): linking is redone in full */
  reingested: number;
}

/** Accounts with events of ingest runs past the last successful run's mark, or account rows since it started. */
export async function touchedSinceLast(db: Db): Promise<Touched> {
  const last = await db.query<{
    id: string;
    hwm: string | null;
    parts: string | null;
    started: Date;
  }>(
    `SELECT id::text AS id, ingest_hwm::text AS hwm, parts_mark::text AS parts, started_at AS started
     FROM detect_runs WHERE status = 'done' ORDER BY id DESC LIMIT 1`,
  );
  const run = last.rows[0];
  if (!run)
    throw new Error('--since-last: no detection run has finished yet; run a full one first');
  if (run.hwm === null)
    throw new Error(
      `--since-last: detection run ${run.id} recorded no ingest mark (it predates --since-last); run a full one first`,
    );
  // rollup rows appended since the run's mark; ingest runs past its ingest mark that had already
  // started (their rows may carry smaller parts; rare) through events.run_id, as every run past
  // the mark when the last run predates parts_mark
  const early =
    run.parts === null
      ? null
      : (
          await db.query<{ id: string }>(
            `SELECT id::text AS id FROM ingest_runs WHERE id > $1::bigint AND started_at < $2`,
            [run.hwm, run.started],
          )
        ).rows.map((r) => r.id);
  const [branches, params] =
    early === null
      ? [
          [
            'SELECT DISTINCT account_id FROM events WHERE run_id > $1::bigint',
            'SELECT account_id FROM accounts WHERE ingested_at >= $2',
          ],
          [run.hwm, run.started],
        ]
      : [
          [
            'SELECT account_id FROM accounts WHERE ingested_at >= $1',
            'SELECT DISTINCT account_id FROM account_day_sets WHERE part > $2::bigint',
            ...(early.length
              ? ['SELECT DISTINCT account_id FROM events WHERE run_id = ANY($3::bigint[])']
              : []),
          ],
          [run.started, run.parts, ...(early.length ? [early] : [])],
        ];
  const { rows } = await db.query<{ account_id: string }>(
    `SELECT account_id FROM (${branches.join(' UNION ')}) t
     WHERE EXISTS (SELECT 1 FROM account_daily d WHERE d.account_id = t.account_id)
     ORDER BY account_id`,
    params,
  );
  const re = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM accounts WHERE ingested_at >= $1',
    [run.started],
  );
  return { sinceRun: run.id, accounts: rows.map((r) => r.account_id), reingested: re.rows[0].n };
}

/** The population of the last full run (detect_reference), in account order. */
export async function loadPopulation(db: Db): Promise<Population> {
  const { rows } = await db.query<{
    account_id: string;
    events: number;
    signals: Population['values'][number];
  }>(`SELECT account_id, events, signals FROM detect_reference ORDER BY account_id`);
  if (rows.length === 0)
    throw new Error(
      '--since-last: no full detection run has recorded its population; run a full one first',
    );
  return {
    ids: rows.map((r) => r.account_id),
    events: rows.map((r) => r.events),
    values: rows.map((r) => r.signals),
  };
}

/** A full run records the population it judged accounts against (same transaction as its results). */
export async function writePopulation(c: Pick<Pool, 'query'>, runId: string): Promise<void> {
  await c.query('DELETE FROM detect_reference');
  await c.query(
    `INSERT INTO detect_reference (account_id, events, signals, run_id)
     SELECT account_id, events, signals, $1::bigint FROM account_score`,
    [runId],
  );
}
