import type { Pool } from 'pg';
import { eachAccountSets, foldTemplates } from './day-sets';
import type { IndicatorGroup } from './load-indicators';

/** Near-duplicate events per account, and template frames shared across accounts. */
export interface BandFacts {
  nearDup: Map<string, number>;
  frames: IndicatorGroup[];
}

type Row = [string, number, number, number, number, number];

/**
 * One pass over the template rollup's day sets (in Node: a GROUP BY over 4 × templates rows was the slowest part
 * of detect). Near-duplicates: two distinct templates of one account agreeing on one of the four
 * bands (Hamming distance ≤ 3 guarantees a shared band). Frames: a band used by ≥ 3 distinct
 * prompts of one account (a fixed frame with swapped fill-ins), grouped across accounts.
 */
export async function loadBands(pool: Pick<Pool, 'query'>, cap: number): Promise<BandFacts> {
  const nearDup = new Map<string, number>();
  const frameAccounts = new Map<number, string[]>();
  await eachAccountSets(pool, 'simhash, tmpl_events', (id, sets) => {
    const rows: Row[] = [];
    for (const [h, events] of foldTemplates(sets)) rows.push([id, events, ...bandsOf(h)]);
    accountBands(rows, 0, rows.length, nearDup, frameAccounts);
  });
  const frames: IndicatorGroup[] = [];
  for (const [key, accounts] of frameAccounts) {
    if (accounts.length >= 2 && accounts.length <= cap)
      frames.push({ kind: 'template_band', value: `${key >>> 16}:${key & 65535}`, accounts });
  }
  return { nearDup, frames };
}

/** The four 16-bit bands of a SimHash (signed 64-bit, as text), low bits first. */
function bandsOf(h: string): [number, number, number, number] {
  const u = BigInt.asUintN(64, BigInt(h));
  const lo = Number(u & 0xffffffffn);
  const hi = Number(u >> 32n);
  return [lo & 65535, lo >>> 16, hi & 65535, hi >>> 16];
}

function accountBands(
  rows: Row[],
  from: number,
  to: number,
  nearDup: Map<string, number>,
  frames: Map<number, string[]>,
): void {
  if (to - from < 2) return; // fewer than two templates: nothing to share (and maybe no row at all)
  const id = rows[from][0];
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
