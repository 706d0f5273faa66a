import type { Pool } from 'pg';
import type { IndicatorGroup } from '@/lib/detect/load-indicators';

/** Near-duplicate events per account, and template frames shared across accounts. */
export interface BandFacts {
  nearDup: Map<string, number>;
  frames: IndicatorGroup[];
}

// The four 16-bit bands of each template's SimHash, one account after the other (PK order).
const SQL = `SELECT account_id, events, (simhash & 65535)::int, ((simhash >> 16) & 65535)::int,
  ((simhash >> 32) & 65535)::int, ((simhash >> 48) & 65535)::int FROM account_template ORDER BY account_id`;

type Row = [string, number, number, number, number, number];

/**
 * One pass over account_template (in Node: a GROUP BY over 4 × templates rows was the slowest part
 * of detect). Near-duplicates: two distinct templates of one account agreeing on one of the four
 * bands (Hamming distance ≤ 3 guarantees a shared band). Frames: a band used by ≥ 3 distinct
 * prompts of one account (a fixed frame with swapped fill-ins), grouped across accounts.
 */
export async function loadBands(pool: Pick<Pool, 'query'>, cap: number): Promise<BandFacts> {
  const { rows } = await pool.query<Row>({ text: SQL, rowMode: 'array' } as unknown as string);
  const nearDup = new Map<string, number>();
  const frameAccounts = new Map<number, string[]>();
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && rows[i][0] === rows[start][0]) continue;
    accountBands(rows, start, i, nearDup, frameAccounts);
    start = i;
  }
  const frames: IndicatorGroup[] = [];
  for (const [key, accounts] of frameAccounts) {
    if (accounts.length >= 2 && accounts.length <= cap)
      frames.push({ kind: 'template_band', value: `${key >>> 16}:${key & 65535}`, accounts });
  }
  return { nearDup, frames };
}

function accountBands(
  rows: Row[],
  from: number,
  to: number,
  nearDup: Map<string, number>,
  frames: Map<number, string[]>,
): void {
  const id = rows[from][0];
  if (to - from < 2) return;
  const counts = new Map<number, number>();
  for (let i = from; i < to; i++)
    for (let k = 0; k < 4; k++) {
      const key = (k << 16) | (rows[i][2 + k] as number);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  let dup = 0;
  for (let i = from; i < to; i++) {
    let shared = false;
    for (let k = 0; k < 4 && !shared; k++)
      shared = (counts.get((k << 16) | (rows[i][2 + k] as number)) ?? 0) > 1;
    if (shared) dup += Number(rows[i][1]);
  }
  if (dup > 0) nearDup.set(id, dup);
  for (const [key, n] of counts) {
    if (n < 3) continue;
    let list = frames.get(key);
    if (!list) frames.set(key, (list = []));
    list.push(id);
  }
}
