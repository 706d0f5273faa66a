import type { Pool } from 'pg';

/**
 * Tables a full detection run rewrites. Nothing else refreshes their planner statistics here:
 * the Postgres these machines run has autovacuum off (docs/operations.md, "Planner statistics"),
 * and without statistics the planner guesses (ingest analyses the tables it writes itself:
 * lib/ingest/analyze.ts). On the 29M-event database (2026-11-30, issue 14, load ~4) the cluster
 * page's members query of the 2,500-member hydra took 72 ms unanalysed (2,500 index probes into
 * account_score, planned for 23 rows) and 31–54 ms after this ANALYZE (one hash join).
 */
const DETECTION_TABLES = [
  'account_score',
  'clusters',
  'cluster_members',
  'cluster_coverage',
  'cluster_daily',
  'cluster_matrix',
  'flags',
  'detect_member_result',
  'detect_link_state',
  'detect_reference',
  'signal_baseline',
  'coverage_band',
  'queue_items',
];

/**
 * ANALYZE after a full run, outside its transaction (statistics are advisory: a failure here must
 * not undo a committed run, so it is reported to the caller's log and swallowed). A since-last
 * run changes a few rows of these tables and skips it.
 */
export async function analyzeDetectionTables(
  pool: Pick<Pool, 'query'>,
  log: (msg: string) => void = () => undefined,
): Promise<void> {
  try {
    await pool.query(`ANALYZE ${DETECTION_TABLES.join(', ')}`);
  } catch (e) {
    log(`detect: ANALYZE after the run failed (${(e as Error).message}); results are committed`);
  }
}
