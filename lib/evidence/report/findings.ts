import { getAccountHeader } from '@/lib/queries/account-header';
import { getAccountSeries, type AccountSeries } from '@/lib/queries/account-series';
import { getClusterHeader, getClusterMemberIds } from '@/lib/queries/cluster-detail';
import { getClusterTimeline } from '@/lib/queries/cluster-page';
import type { DetectSettings } from '@/lib/detect/settings';
import type { ReportFinding, ReportSeriesPoint } from './types';

// Findings come from the same read models the account and cluster pages use, so a chart in the
// report and the chart on screen are drawn from one series.

/** Accounts beyond this many get no page of their own; the natives and load file still hold them. */
export const MAX_ACCOUNT_FINDINGS = 40;

const toPoints = (s: AccountSeries): ReportSeriesPoint[] =>
  s.points.map((p) => ({
    key: p.key,
    events: p.events,
    coverage: p.tax_cov,
    band_lo: p.band_lo,
    band_hi: p.band_hi,
  }));

const day = (s: string | null) => (s ? s.slice(0, 10) : null);

export async function clusterFinding(id: string, reasons: string[]): Promise<ReportFinding | null> {
  const h = await getClusterHeader(id);
  if (!h) return null;
  const series = await getClusterTimeline(await getClusterMemberIds(id), h.events);
  const days = series.points.map((p) => p.key);
  return {
    kind: 'cluster',
    id,
    title: `${h.members} linked accounts`,
    risk: h.risk,
    events: h.events,
    firstSeen: days[0] ?? null,
    lastSeen: days[days.length - 1] ?? null,
    members: h.members,
    reasons: reasons.length ? reasons : h.reasons,
    signals: [],
    series: toPoints(series),
  };
}

export async function accountFinding(
  id: string,
  reasons: string[],
  settings: DetectSettings,
): Promise<ReportFinding | null> {
  const h = await getAccountHeader(id);
  if (!h) return null;
  const series = await getAccountSeries(id, h.events);
  return {
    kind: 'account',
    id,
    title: [h.email_domain, h.tier, h.country].filter(Boolean).join(' · ') || 'account',
    risk: h.risk,
    events: h.events,
    firstSeen: day(h.first_seen),
    lastSeen: day(h.last_seen),
    clusterId: h.cluster_id,
    reasons: reasons.length ? reasons : h.reasons,
    // Only signals that moved the score; the method section defines every signal.
    signals: h.contributions
      .filter((c) => c.contribution > 0.001)
      .slice(0, 15)
      .map((c) => {
        const weight = settings.weights[c.signal] ?? 0;
        return {
          id: c.signal,
          label: c.label ?? c.signal,
          value: c.value ?? 0,
          unit: '',
          // Stored contributions are weight × evidence; the report shows both factors.
          evidence: weight > 0 ? Math.min(1, c.contribution / weight) : 0,
          weight,
        };
      }),
    series: toPoints(series),
  };
}
