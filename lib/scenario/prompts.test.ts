import { describe, expect, it } from 'vitest';
import { TAXONOMY_BUCKETS, classifyPrompt } from '../features';
import { benchmarkItem } from './benchmarks';
import { paraphrase } from './prompt-variants';
import { bucketPrompt, generatableBuckets } from './prompts';
import { Rng } from './prng';

describe('prompt templates', () => {
  const keys = generatableBuckets(TAXONOMY_BUCKETS.map((b) => b.key));

  it('cover every taxonomy bucket except unknown and other', () => {
    expect(keys).toHaveLength(TAXONOMY_BUCKETS.length - 2);
  });

  it('produce prompts that the taxonomy puts in the intended bucket', () => {
    const r = new Rng('templates');
    let ok = 0;
    let okParaphrased = 0;
    let total = 0;
    for (const key of keys) {
      for (let i = 0; i < 12; i++) {
        const p = bucketPrompt(r, key, i);
        total++;
        if (classifyPrompt(p).key === key) ok++;
        if (classifyPrompt(paraphrase(r, p)).key === key) okParaphrased++;
      }
    }
    expect(ok / total).toBeGreaterThan(0.97);
    expect(okParaphrased / total).toBeGreaterThan(0.93);
  });

  it('benchmark items depend only on suite and index', () => {
    expect(benchmarkItem('mmlu', 42)).toBe(benchmarkItem('mmlu', 42));
    expect(benchmarkItem('gsm', 1)).not.toBe(benchmarkItem('gsm', 2));
    expect(benchmarkItem('code', 7)).toContain('>>>');
  });
});

describe('Rng', () => {
  it('is deterministic per seed and label', () => {
    const a = new Rng(5);
    const b = new Rng(5);
    expect(Array.from({ length: 5 }, () => a.u32())).toEqual(
      Array.from({ length: 5 }, () => b.u32()),
    );
    expect(new Rng(5).fork('x').next()).toBe(new Rng(5).fork('x').next());
    expect(new Rng(5).fork('x').next()).not.toBe(new Rng(5).fork('y').next());
  });
  it('stays in range', () => {
    const r = new Rng('range');
    for (let i = 0; i < 1000; i++) {
      const x = r.int(3, 7);
      expect(x >= 3 && x <= 7).toBe(true);
      expect(r.next()).toBeLessThan(1);
    }
  });
});
