import type { Pool } from 'pg';
import type { DetectSettings } from '@/lib/detect/settings';
import type { Truth } from './metrics';
import { cutoffs, eventsBefore, firstDay, replayAt } from './replay';

export interface AlarmRow {
  family: string;
  campaign: string;
  total: number;
  before: number | null;
  cutoff: string | null;
}

const DAY = 86_400_000;
const addDays = (d: string, n: number) =>
  new Date(Date.parse(d) + n * DAY).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY);

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
  final: Set<string>,
  log: (m: string) => void = () => {},
): Promise<AlarmRow[]> {
  const all = await cutoffs(pool, points);
  const end = all[all.length - 1];
  const start = await firstDay(pool);
  const cache = new Map<string, Set<string>>([[end, final]]);
  const flaggedAt = async (day: string): Promise<Set<string>> => {
    const hit = cache.get(day);
    if (hit) return hit;
    if (day <= start) return new Set(); // nothing is known before the first day
    const t0 = Date.now();
    const r = await replayAt(pool, day, s);
    log(
      `replay before ${day}: ${r.flagged.size} flagged (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
    );
    cache.set(day, r.flagged);
    return r.flagged;
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
    const alarmed = (f: Set<string>) => ids.some((id) => f.has(id));
    const k = all.findIndex((c) => alarmed(cache.get(c)!));
    if (k < 0) {
      rows.push({ family, campaign, total, before: null, cutoff: null });
      continue;
    }
    const hi = await narrowToDay(k > 0 ? all[k - 1] : start, all[k], async (d) =>
      alarmed(await flaggedAt(d)),
    );
    const before = hi === end ? total : await eventsBefore(pool, ids, hi);
    rows.push({ family, campaign, total, before, cutoff: hi === end ? 'end' : hi });
  }
  return rows;
}
/** Per family: "median events before alarm (median share of the campaign's events)". */
export function summariseAlarms(rows: AlarmRow[]): Map<string, string> {
  const by = new Map<string, AlarmRow[]>();
  for (const r of rows) by.set(r.family, [...(by.get(r.family) ?? []), r]);
  const out = new Map<string, string>();
  for (const [family, rs] of by) {
    const caught = rs
      .filter((r) => r.before !== null)
      .map((r) => ({ n: r.before!, share: r.total > 0 ? r.before! / r.total : 0 }));
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
