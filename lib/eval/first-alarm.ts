import type { Pool } from 'pg';
import type { DetectSettings } from '@/lib/detect/settings';
import type { Truth } from './metrics';
import { addDays, daysBetween } from './days';
import { cutoffs, eventsBefore, firstDay, replayAt, type ReplayPoint } from './replay';

export interface AlarmRow {
  family: string;
  campaign: string;
  total: number;
  /** events before the first day a member was flagged (null: never) */
  before: number | null;
  /** events before the first day a member was flagged or sat in a flagged cluster */
  beforeAny: number | null;
}

/** What one replay alarmed on: accounts flagged, and members of flagged clusters. */
interface Alarms {
  flagged: Set<string>;
  inFlaggedCluster: Set<string>;
}

/**
 * For each attack campaign: the first day cut-off at which any of its accounts is flagged, and how
 * many of its events happened before that day. A coarse pass replays detection on `points` prefixes
 * spread over the data; then, for each campaign, the interval between the last prefix without an
 * alarm and the first with one is bisected down to one day (replays are cached by day and shared by
 * campaigns). This assumes an alarm, once raised, stays raised on longer prefixes — true for the
 * evidence that only grows with traffic, nearly so for the rest — and costs about log2(span/points)
 * extra replays per distinct interval instead of one replay per day.
 */
/**
 * Given no alarm on the prefix before `lo` and an alarm before `hi`, the first day cut-off with an
 * alarm, found by bisection (the alarm is assumed to stay raised on longer prefixes).
 */
export async function narrowToDay(
  lo: string,
  hi: string,
  alarmedBefore: (day: string) => Promise<boolean>,
): Promise<string> {
  while (daysBetween(lo, hi) > 1) {
    const mid = addDays(lo, Math.floor(daysBetween(lo, hi) / 2));
    if (await alarmedBefore(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

export async function firstAlarms(
  pool: Pool,
  truth: Truth[],
  s: DetectSettings,
  points: number,
  final: Alarms,
  log: (m: string) => void = () => {},
  o: { extra?: string[]; onReplay?: (p: ReplayPoint) => void } = {},
): Promise<AlarmRow[]> {
  const grid = await cutoffs(pool, points);
  const end = grid[grid.length - 1];
  // extra cut-offs (the census's early prefixes) join the coarse pass: a finer grid, same result
  const all = [...new Set([...grid, ...(o.extra ?? []).filter((d) => d < end)])].sort();
  const start = await firstDay(pool);
  const cache = new Map<string, Alarms>([[end, final]]);
  const none: Alarms = { flagged: new Set(), inFlaggedCluster: new Set() };
  const flaggedAt = async (day: string): Promise<Alarms> => {
    const hit = cache.get(day);
    if (hit) return hit;
    if (day <= start) return none; // nothing is known before the first day
    const t0 = Date.now();
    const r = await replayAt(pool, day, s);
    log(
      `replay before ${day}: ${r.flagged.size} flagged, ${r.inFlaggedCluster.size} in flagged clusters (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
    );
    cache.set(day, r);
    o.onReplay?.(r);
    return r;
  };
  for (const c of all.slice(0, -1)) await flaggedAt(c);

  const campaigns = new Map<string, Truth[]>();
  for (const t of truth)
    if (t.label === 'attack' && t.campaign_id)
      campaigns.set(t.campaign_id, [...(campaigns.get(t.campaign_id) ?? []), t]);
  const rows: AlarmRow[] = [];
  for (const [campaign, members] of campaigns) {
    const ids = members.map((m) => m.account_id);
    const family = members[0].family;
    const total = await eventsBefore(pool, ids, null);
    // the first day cut-off at which `hit` holds, coarse pass then bisection (null: never)
    const first = async (hit: (a: Alarms) => boolean): Promise<number | null> => {
      const k = all.findIndex((c) => hit(cache.get(c)!));
      if (k < 0) return null;
      const hi = await narrowToDay(k > 0 ? all[k - 1] : start, all[k], async (d) =>
        hit(await flaggedAt(d)),
      );
      return hi === end ? total : eventsBefore(pool, ids, hi);
    };
    const accountAlarm = (a: Alarms) => ids.some((id) => a.flagged.has(id));
    const anyAlarm = (a: Alarms) =>
      ids.some((id) => a.flagged.has(id) || a.inFlaggedCluster.has(id));
    const before = await first(accountAlarm);
    const beforeAny = await first(anyAlarm);
    rows.push({ family, campaign, total, before, beforeAny });
  }
  return rows;
}
/**
 * Per family: "median events before the first account flag (median share of the campaign's
 * events)", and after a slash the same for the first alarm of any kind (an account flag or a
 * flagged cluster holding a member) when it comes earlier.
 */
export function summariseAlarms(rows: AlarmRow[]): Map<string, string> {
  const account = summariseBy(rows, (r) => r.before);
  const any = summariseBy(rows, (r) => r.beforeAny);
  return new Map(
    [...account].map(([f, a]) => [f, any.get(f) === a ? a : `${a} / ${any.get(f) ?? '–'}`]),
  );
}

function summariseBy(rows: AlarmRow[], pick: (r: AlarmRow) => number | null): Map<string, string> {
  const by = new Map<string, AlarmRow[]>();
  for (const r of rows) by.set(r.family, [...(by.get(r.family) ?? []), r]);
  const out = new Map<string, string>();
  for (const [family, rs] of by) {
    const caught = rs
      .filter((r) => pick(r) !== null)
      .map((r) => ({ n: pick(r)!, share: r.total > 0 ? pick(r)! / r.total : 0 }));
    if (caught.length === 0) {
      out.set(family, 'never');
      continue;
    }
    caught.sort((a, b) => a.n - b.n);
    const m = caught[Math.floor((caught.length - 1) / 2)];
    out.set(
      family,
      `${Math.round(m.n).toLocaleString('en-US')} (${(m.share * 100).toFixed(0)}%)${caught.length < rs.length ? ` ${rs.length - caught.length} never` : ''}`,
    );
  }
  return out;
}
