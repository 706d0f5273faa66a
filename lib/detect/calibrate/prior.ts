import { JOINT, NOVELTY } from '../score';
import { SIGNALS } from '../signal-defs';

// The expert prior the calibration starts from and shrinks towards (a Gaussian prior on each
// weight, `fitLogistic({ prior })`). It is set by reasoning, not fitted:
// - every signal: 1. Full evidence (two band-widths beyond the benign range of accounts of the
//   same volume) multiplies the odds by e ≈ 2.7, so one unusual fact never flags an account
//   against the base rate; four or five together do.
// - the joint outlier score: 3. It reaches full evidence only when several independent signal
//   groups are unusual at once within the volume cohort, i.e. it already stands for about three
//   facts. The distance to the nearest benign accounts (neighbours.ts) likewise: 3.
// Why a prior at all: a training set holds only the attack families someone has labelled. With a
// plain (zero-centred) penalty, a signal that never fires on a training positive gets weight 0 even
// when it is exactly what a new family shows, so the model cannot generalise to it
// (leave-one-family-out recall was 0 % for the quiet families). Under this prior such a signal
// keeps its prior weight unless benign accounts contradict it; signals the labels do inform move
// freely.
export const PRIOR_SIGNAL_WEIGHT = 1;
export const PRIOR_JOINT_WEIGHT = 3;

export function priorWeights(features: readonly string[]): number[] {
  const known = new Set(SIGNALS.map((d) => d.id));
  return features.map((f) =>
    f === JOINT || f === NOVELTY ? PRIOR_JOINT_WEIGHT : known.has(f) ? PRIOR_SIGNAL_WEIGHT : 0,
  );
}
