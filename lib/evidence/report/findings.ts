import { getAccountHeader } from '@/lib/queries/account-header';
import { getClusterHeader } from '@/lib/queries/cluster-detail';
import { bandAt, getBenignBand } from '@/lib/queries/coverage-band';
import { dayRange, downsample } from '@/lib/queries/downsample';
import { TAXONOMY_BUCKETS } from '@/lib/features/taxonomy';
import type { DetectSettings } from '@/lib/detect/settings';
import type { DailyPoint } from '../types';
import type { ReportFinding, ReportSeriesPoint } from './types';

// Findings: the charts and event counts come from the package's own events (the bag writer's
// snapshot and cut-off, lib/evidence/writers/chart-series.ts), drawn the way the account and
// cluster pages draw theirs (days filled, folded past 2,000 points, cumulative taxonomy coverage
// against the benign band). Risk, reasons and signals come from the detection read models.

// Same denominator as detection and the pages: the "unknown" bucket is not a capability.
const TAX_TOTAL = TAXONOMY_BUCKETS.length - 1;

async function toPoints(
  daily: DailyPoint[],
  subject: 'account' | 'cluster',
  events: number,
): Promise<ReportSeriesPoint[]> {
  if (daily.length === 0) return [];
  const byDay = new Map(daily.map((p) => [p.key, p]));
  const filled = dayRange(daily[0].key, daily[daily.length - 1].key).map(
    (key) => byDay.get(key) ?? { key, events: 0, tax_new: 0 },
  );
  const folded = downsample(filled, { events: 'sum', tax_new: 'sum' });
  const band = await getBenignBand(subject, events);
  let tax = 0;
  return folded.map((p, i) => {
    tax += p.tax_new;
    const b = bandAt(band, (i + 1) / folded.length);
    return {
      key: p.key,
      events: p.events,
      coverage: tax / TAX_TOTAL,
      band_lo: b?.lo ?? null,
      band_hi: b?.hi ?? null,
    };
  });
}

export async function clusterFinding(
  id: string,
  reasons: string[],
  daily: DailyPoint[],
): Promise<ReportFinding | null> {
  const h = await getClusterHeader(id);
  if (!h) return null;
  const events = daily.reduce((s, p) => s + p.events, 0);
  return {
    kind: 'cluster',
    id,
    title: `${h.members} linked accounts`,
    risk: h.risk,
    events,
    firstSeen: daily[0]?.key ?? null,
    lastSeen: daily[daily.length - 1]?.key ?? null,
    members: h.members,
    reasons: reasons.length ? reasons : h.reasons,
    signals: [],
    series: await toPoints(daily, 'cluster', events),
  };
}

export async function accountFinding(
  id: string,
  reasons: string[],
  settings: DetectSettings,
  daily: DailyPoint[],
): Promise<ReportFinding | null> {
  const h = await getAccountHeader(id);
  if (!h) return null;
  const events = daily.reduce((s, p) => s + p.events, 0);
  return {
    kind: 'account',
    id,
    title: [h.email_domain, h.tier, h.country].filter(Boolean).join(' · ') || 'account',
    risk: h.risk,
    events,
    firstSeen: daily[0]?.key ?? null,
    lastSeen: daily[daily.length - 1]?.key ?? null,
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
    series: await toPoints(daily, 'account', events),
  };
}
