import type { Pool } from 'pg';
import { eachAccountSets, foldTemplates } from './day-sets';
import type { IndicatorGroup } from './load-indicators';

/** Near-duplicate events per account, and template frames shared across accounts. */
export interface BandFacts {
  nearDup: Map<string, number>;
  frames: IndicatorGroup[];
  /** per account, its frame keys (band index << 16 | band), whatever the frame's spread: linking state */
  accountFrames?: Map<string, number[]>;
}

/** One template of an account: its events and its four 16-bit SimHash bands. */
type Template = { events: number; bands: [number, number, number, number] };

/**
 * One pass over the template rollup's day sets (in Node: a GROUP BY over 4 × templates rows was the slowest part
 * of detect). Near-duplicates: two distinct templates of one account agreeing on one of the four
 * bands (Hamming distance ≤ 3 guarantees a shared band). Frames: a band used by ≥ 3 distinct
 * prompts of one account (a fixed frame with swapped fill-ins), grouped across accounts.
 */
export async function loadBands(pool: Pick<Pool, 'query'>, cap: number): Promise<BandFacts> {
  const nearDup = new Map<string, number>();
  const frameAccounts = new Map<number, string[]>();
  const accountFrames = new Map<string, number[]>();
  await eachAccountSets(pool, 'simhash, tmpl_events', (id, sets) => {
    const templates: Template[] = [];
    for (const [h, events] of foldTemplates(sets)) templates.push({ events, bands: bandsOf(h) });
    const keys = accountBands(id, templates, nearDup, frameAccounts);
    if (keys.length > 0) accountFrames.set(id, keys);
  });
  return { nearDup, frames: frameGroups(frameAccounts, cap), accountFrames };
}

/** Frames shared by 2..cap accounts, as indicator groups (key → accounts using it). */
export function frameGroups(frameAccounts: Map<number, string[]>, cap: number): IndicatorGroup[] {
  const frames: IndicatorGroup[] = [];
  for (const [key, accounts] of frameAccounts) {
    if (accounts.length >= 2 && accounts.length <= cap)
      frames.push({ kind: 'template_band', value: `${key >>> 16}:${key & 65535}`, accounts });
  }
  return frames;
}

/** The four 16-bit bands of a SimHash (signed 64-bit, as text), low bits first. */
function bandsOf(h: string): [number, number, number, number] {
  const u = BigInt.asUintN(64, BigInt(h));
  const lo = Number(u & 0xffffffffn);
  const hi = Number(u >> 32n);
  return [lo & 65535, lo >>> 16, hi & 65535, hi >>> 16];
}

function accountBands(
  id: string,
  templates: Template[],
  nearDup: Map<string, number>,
  frames: Map<number, string[]>,
): number[] {
  if (templates.length < 2) return []; // one template or none: nothing to share
  const key = (k: number, t: Template) => (k << 16) | t.bands[k];
  const counts = new Map<number, number>();
  for (const t of templates)
    for (let k = 0; k < 4; k++) counts.set(key(k, t), (counts.get(key(k, t)) ?? 0) + 1);
  let dup = 0;
  for (const t of templates) {
    let shared = false;
    for (let k = 0; k < 4 && !shared; k++) shared = (counts.get(key(k, t)) ?? 0) > 1;
    if (shared) dup += t.events;
  }
  if (dup > 0) nearDup.set(id, dup);
  const mine: number[] = [];
  for (const [band, n] of counts) {
    if (n < 3) continue;
    let list = frames.get(band);
    if (!list) frames.set(band, (list = []));
    list.push(id);
    mine.push(band);
  }
  return mine;
}
