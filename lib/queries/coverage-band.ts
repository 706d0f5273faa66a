import { rows } from './sql';

// Benign band behind a cumulative coverage curve. Detection writes coverage_band (p5/p50/p95 of
// taxonomy coverage at normalised time t_norm of the active span, per volume bin) at detect time.
// Until lib/detect exports its own reader this one picks the bin nearest log2(volume); switching
// to getCoverageCurve from lib/detect/coverage-read.ts is a change to this file only.

export interface BandPoint { t_norm: number; lo: number; mid: number; hi: number }

export function volumeBin(events: number): number {
  return Math.floor(Math.log2(Math.max(1, events)));
}

export async function getBenignBand(subject: 'account' | 'cluster', events: number): Promise<BandPoint[]> {
  const bins = await rows<{ volume_bin: number }>(
    'SELECT DISTINCT volume_bin FROM coverage_band WHERE subject = $1', [subject],
  ).catch(() => []); // table absent on a database migrated before detection's baselines
  if (bins.length === 0) return [];
  const want = volumeBin(events);
  const bin = bins.reduce((best, b) => (Math.abs(b.volume_bin - want) < Math.abs(best - want) ? b.volume_bin : best), bins[0].volume_bin);
  return rows<BandPoint>(
    `SELECT t_norm, tax_p5 AS lo, tax_p50 AS mid, tax_p95 AS hi FROM coverage_band
     WHERE subject = $1 AND volume_bin = $2 ORDER BY step`,
    [subject, bin],
  );
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
      return { t_norm: t, lo: a.lo + w * (b.lo - a.lo), mid: a.mid + w * (b.mid - a.mid), hi: a.hi + w * (b.hi - a.hi) };
    }
  }
  return band[band.length - 1];
}
