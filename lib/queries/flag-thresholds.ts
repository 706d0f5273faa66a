import { pgPool } from '@/lib/db/client';
import { loadSettings } from '@/lib/detect/settings';

// The risk at which detection flags an account or a cluster lives in one place: detection's settings
// (admin-editable, defaults in lib/detect/settings.ts). Pages read it here, on the server, and pass
// it down, so a red number on screen means exactly what the `flagged=true` filter means.
export interface FlagThresholds {
  account: number;
  cluster: number;
}

export async function getFlagThresholds(): Promise<FlagThresholds> {
  const s = await loadSettings(pgPool());
  return { account: s.accountThreshold, cluster: s.clusterThreshold };
}

/** Colour band of a risk: 'high' at the flag threshold, 'elevated' from two thirds of it. */
export function riskBand(risk: number, threshold: number): 'high' | 'elevated' | 'low' {
  if (risk >= threshold) return 'high';
  return risk >= (threshold * 2) / 3 ? 'elevated' : 'low';
}
