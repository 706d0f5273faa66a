import { readFileSync } from 'node:fs';
import type { Pool } from 'pg';

/** A labelled account: 1 = abuse/attack, 0 = not abuse/benign; family for per-family tables. */
export interface Label {
  y: 0 | 1;
  family: string;
  source: 'scenario' | 'disposition';
}

/** Ground truth of a generated scenario (truth.ndjson). */
export function scenarioLabels(truthFile: string): Map<string, Label> {
  const out = new Map<string, Label>();
  for (const line of readFileSync(truthFile, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const t = JSON.parse(line) as { account_id: string; label: string; family: string };
    out.set(t.account_id, {
      y: t.label === 'attack' ? 1 : 0,
      family: t.family,
      source: 'scenario',
    });
  }
  return out;
}

/**
 * Case dispositions (the cases feature's `dispositions` table, when it exists): each account's
 * latest decision, 'abuse' → 1, 'not_abuse' → 0. These override scenario labels: a person looked.
 */
export async function dispositionLabels(pool: Pick<Pool, 'query'>): Promise<Map<string, Label>> {
  const exists = await pool.query<{ t: string | null }>(
    `SELECT to_regclass('public.dispositions')::text AS t`,
  );
  if (!exists.rows[0]?.t) return new Map();
  const { rows } = await pool.query<{ account_id: string; label: string }>(
    `SELECT DISTINCT ON (account_id) account_id, label FROM dispositions
     ORDER BY account_id, decided_at DESC, id DESC`,
  );
  return new Map(
    rows.map((r) => [
      r.account_id,
      { y: r.label === 'abuse' ? 1 : 0, family: 'disposition', source: 'disposition' } as Label,
    ]),
  );
}
