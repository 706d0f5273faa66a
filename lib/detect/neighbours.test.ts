import { describe, expect, it } from 'vitest';
import type { SignalValues } from './compute-signals';
import {
  NEIGHBOURS_K,
  NOVELTY_MIN_EVENTS,
  novelty,
  noveltyEvidence,
  noveltyRange,
  noveltyText,
} from './neighbours';
import { Rng } from '@/lib/scenario/prng';

// Two benign segments, each ordinary on every single signal for SOME segment: batch jobs (round
// the clock, one capability) and curriculum builders (office hours, every capability). The
// odd account combines round the clock with every capability and long outputs.
const rng = new Rng(7);
const jitter = (x: number, w: number) => x + (rng.next() - 0.5) * w;
function batch(): SignalValues {
  return {
    hours_active: jitter(0.85, 0.1),
    coverage_tax: jitter(0.05, 0.04),
    out_per_request: jitter(300, 100),
  };
}
function curriculum(): SignalValues {
  return {
    hours_active: jitter(0.2, 0.1),
    coverage_tax: jitter(0.85, 0.1),
    out_per_request: jitter(1800, 400),
  };
}
const values: SignalValues[] = [];
const events: number[] = [];
for (let i = 0; i < 60; i++) {
  values.push(i % 2 ? batch() : curriculum());
  events.push(1000 + i);
}
values.push({ hours_active: 0.85, coverage_tax: 0.9, out_per_request: 2000 }); // the odd one
events.push(1030);
const odd = values.length - 1;
const ref = values.map((_, i) => i).filter((i) => i !== odd);

describe('distance to the nearest benign accounts', () => {
  const n = novelty(values, events, ref);
  const range = noveltyRange(n, ref);
  it('is small for a member of either segment and large for the account that matches neither', () => {
    expect(range.p95).toBeLessThan(n[odd].distance! / 2);
    expect(noveltyEvidence(n[odd].distance, range)).toBeGreaterThan(0.5);
    expect(noveltyEvidence(n[0].distance, range)).toBe(0);
  });
  it('names the signals that set it apart from its neighbours', () => {
    expect(n[odd].apart.length).toBeGreaterThan(0);
    expect(noveltyText(n[odd])).toMatch(
      new RegExp(`from its ${NEIGHBOURS_K} nearest benign accounts`),
    );
  });
  it('compares only with accounts of similar volume', () => {
    // the same odd profile among accounts ten times its volume has no near neighbours to hide by
    const far = novelty([...values, values[odd]], [...events, 10_000], ref);
    expect(far.at(-1)!.distance).toBeCloseTo(n[odd].distance!, 5);
  });
  it('does not compare an account with too few events to place', () => {
    const small = novelty([...values, values[odd]], [...events, NOVELTY_MIN_EVENTS - 1], ref);
    expect(small.at(-1)!.distance).toBeNull();
    expect(noveltyText(small.at(-1)!)).toMatch(/not compared/);
  });
});
