import type { Ranges } from './benign-range';
import type { SignalValues } from './compute-signals';
import type { SignalDef } from './signal-defs';

/**
 * Whether a gated signal's evidence counts (`SignalDef.needs`): the signal it needs must be at or
 * above its benign median among accounts of similar volume. Without a known range (too few similar
 * accounts) or a value, the gate stays open: no evidence is taken away on missing data.
 */
export function gateOpen(def: SignalDef, values: SignalValues, ranges: Ranges): boolean {
  if (!def.needs) return true;
  const v = values[def.needs];
  const r = ranges[def.needs];
  if (v === null || v === undefined || !Number.isFinite(v) || !r) return true;
  return v >= r.p50;
}
