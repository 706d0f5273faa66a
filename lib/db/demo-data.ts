import type { Pool } from 'pg';

export interface DemoOptions { accounts: number; events: number; dataDir: string }

/**
 * Loads the demo scenario into a fresh embedded database (once). Filled in by the detection
 * work (scenario generator + ingest + detect); until then there is no demo traffic to load.
 */
export async function loadDemoData(pool: Pool, _url: string, _opts: DemoOptions): Promise<void> {
  const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM accounts');
  if (Number(rows[0]?.n) > 0) return;
}
