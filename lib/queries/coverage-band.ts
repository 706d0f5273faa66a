import 'server-only';
import { pgPool } from '@/lib/db/client';
import { getBenignBand as readBand } from '@/lib/detect/coverage-read';
import { volumeBin } from '@/lib/detect/baseline';

// Benign band behind a cumulative coverage curve: detection's reader over coverage_band (p5/p50/p95
// of taxonomy coverage at normalised time of the active span, per volume bin), reshaped for charts.
export interface BandPoint {
  t_norm: number;
  lo: number;
  mid: number;
  hi: number;
}

export async function getBenignBand(
  subject: 'account' | 'cluster',
  events: number,
): Promise<BandPoint[]> {
  const band = await readBand(pgPool(), volumeBin(events), subject).catch(() => []); // no band table yet → no band
  return band.map((b) => ({ t_norm: b.tNorm, lo: b.tax_p5, mid: b.tax_p50, hi: b.tax_p95 }));
}

/** Band value at t (0..1] by linear interpolation between steps; null when no band. */
export function bandAt(band: BandPoint[], t: number): BandPoint | null {
  if (band.length === 0) return null;
  if (t <= band[0].t_norm) return band[0];
  for (let i = 1; i < band.length; i++) {
    const a = band[i - 1];
    const b = band[i];
    if (t <= b.t_norm) {
      const w = (t - a.t_norm) / (b.t_norm - a.t_norm || 1);
      return {
        t_norm: t,
        lo: a.lo + w * (b.lo - a.lo),
        mid: a.mid + w * (b.mid - a.mid),
        hi: a.hi + w * (b.hi - a.hi),
      };
    }
  }
  return band[band.length - 1];
}
