import type { Pool } from 'pg';
import type { DetectSettings } from '@/lib/detect/settings';
import type { Truth } from './metrics';
import { cutoffs, eventsBefore, replayAt, type ReplayPoint } from './replay';

export interface AlarmRow {
  family: string;
  campaign: string;
  total: number;
  before: number | null;
  cutoff: string | null;
}

/**
 * For each attack campaign: the first replay cut-off at which any of its accounts is flagged, and how
 * many of its events happened before that day. Granularity = span / points (the final point is the
 * full run's result, passed in as `final`).
 */
export async function firstAlarms(
  pool: Pool,
  truth: Truth[],
  s: DetectSettings,
  points: number,
  final: Set<string>,
  log: (m: string) => void = () => {},
): Promise<AlarmRow[]> {
  const cuts = (await cutoffs(pool, points)).slice(0, -1);
  const replays: ReplayPoint[] = [];
  for (const c of cuts) {
    const t0 = Date.now();
    replays.push(await replayAt(pool, c, s));
    log(
      `replay before ${c}: ${replays[replays.length - 1].flagged.size} flagged (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
    );
  }
  const campaigns = new Map<string, Truth[]>();
  for (const t of truth)
    if (t.label === 'attack' && t.campaign_id)
      campaigns.set(t.campaign_id, [...(campaigns.get(t.campaign_id) ?? []), t]);
  const rows: AlarmRow[] = [];
  for (const [campaign, members] of campaigns) {
    const ids = members.map((m) => m.account_id);
    const total = await eventsBefore(pool, ids, null);
    const hit = replays.find((r) => ids.some((id) => r.flagged.has(id)));
    if (hit)
      rows.push({
        family: members[0].family,
        campaign,
        total,
        before: await eventsBefore(pool, ids, hit.cutoff),
        cutoff: hit.cutoff,
      });
    else if (ids.some((id) => final.has(id)))
      rows.push({ family: members[0].family, campaign, total, before: total, cutoff: 'end' });
    else rows.push({ family: members[0].family, campaign, total, before: null, cutoff: null });
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
