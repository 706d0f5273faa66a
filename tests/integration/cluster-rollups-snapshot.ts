import type { Pool } from 'pg';
import { writeClusterRollups } from '@/lib/detect/cluster-rollups';
import { COVERAGE_COLS } from '@/lib/detect/cluster-coverage';

export interface RollupSnapshot {
  coverage: string[];
  daily: string[];
  matrix: string[];
  templateDays: string[];
}

type Q = Pick<Pool, 'query'>;
const rowsOf = async (c: Q, sql: string) =>
  (await c.query(sql)).rows.map((r) => JSON.stringify(r)).sort();

/** The cluster page's rollups as stored (run ids left out), rows sorted. */
export async function rollupSnapshot(c: Q): Promise<RollupSnapshot> {
  return {
    coverage: await rowsOf(c, `SELECT ${COVERAGE_COLS}, day::text AS day FROM cluster_coverage`),
    daily: await rowsOf(
      c,
      `SELECT cluster_id, day::text AS day, events::text, input_tokens::text, output_tokens::text,
         reasoning::text, thinking::text, finish_length::text, tax_new, new_templates FROM cluster_daily`,
    ),
    matrix: await rowsOf(c, 'SELECT cluster_id, matrix FROM cluster_matrix'),
    // rows of accounts that are no longer members may remain after an incremental run: unread
    templateDays: await rowsOf(
      c,
      `SELECT t.account_id, t.days::text AS days, t.counts FROM member_template_days t
       JOIN cluster_members m USING (account_id)`,
    ),
  };
}

/** What a full run's rollup write gives over the clusters stored now (computed, then rolled back). */
export async function recomputedSnapshot(pool: Pool): Promise<RollupSnapshot> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await writeClusterRollups(c, '0');
    return await rollupSnapshot(c);
  } finally {
    await c.query('ROLLBACK');
    c.release();
  }
}
