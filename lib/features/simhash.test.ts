import { describe, expect, it } from 'vitest';
import { computeEventFeatures } from './index';
import { fineBucket, FINE_BUCKETS } from './lsh';
import { normalisePrompt } from './normalise';
import { hamming, simhash64, simhashBands } from './simhash';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function rng(seed: number): () => number {
  return () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
}
const WORDS =
  'the model data city river quick analysis report energy garden market theory signal music window paper storm light bridge number'.split(
    ' ',
  );
function randomText(r: () => number, words: number): string {
  return Array.from({ length: words }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ');
}

describe('simhash64', () => {
  it('returns a signed int64 and 0 for empty text', () => {
    const h = simhash64(normalisePrompt('Write a haiku about the sea and the moon at night'));
    expect(h >= INT64_MIN && h <= INT64_MAX).toBe(true);
    expect(simhash64('')).toBe(0n);
  });

  it('is the same whether computed from normalised text or by computeEventFeatures on raw text', () => {
    const samples = [
      'Translate THIS into French: 12 apples, 7 pears',
      '  Tabs\tand\nnewlines\r\n and   spaces ',
      'ÉCOLE Ünïcode Straße ΣΟΦΙΑ ΟΔΟΣ final sigma',
      'emoji 🚀 rocket launch 42 times 😀 ok',
      'İstanbul is a city in Türkiye with 15 million people',
      '中文翻译 请把这句话翻译成英文 thanks a lot',
      'c++ and c# and f# code: int x = 1 + 2; return x;',
      'no\u00a0break\u2003em\u3000ideographic spaces here',
      'hi',
      'two words',
    ];
    for (const s of samples) {
      expect(computeEventFeatures({ prompt: s }).simhash, s).toBe(simhash64(normalisePrompt(s)));
    }
  });

  it('puts templated near-duplicates much closer than unrelated texts', () => {
    const r = rng(7);
    let near = 0;
    let far = 0;
    const N = 60;
    for (let i = 0; i < N; i++) {
      const base = randomText(r, 60);
      const words = base.split(' ');
      words[Math.floor(r() * words.length)] = 'replaced';
      words[Math.floor(r() * words.length)] = 'changed';
      near += hamming(simhash64(base), simhash64(words.join(' ')));
      far += hamming(simhash64(base), simhash64(randomText(r, 60)));
    }
    expect(near / N).toBeLessThan(12);
    expect(far / N).toBeGreaterThan(24);
  });

  it('ignores digit values and case (same-length numbers give the same template)', () => {
    const a = simhash64(
      normalisePrompt('Compute 123 * 456 and explain each step of the method in detail'),
    );
    const b = simhash64(
      normalisePrompt('compute 987 * 654 and EXPLAIN each step of the method in detail'),
    );
    expect(a).toBe(b);
  });

  it('falls back to character grams for very short text', () => {
    const a = simhash64('hello');
    const b = simhash64('hellp');
    const c = simhash64('zq');
    expect(a).not.toBe(0n);
    expect(hamming(a, b)).toBeLessThan(hamming(a, c) + 20);
    expect(simhash64('ok')).toBe(simhash64('ok'));
  });
});

describe('bands, hamming, fine buckets', () => {
  it('splits the unsigned 64-bit pattern into four 16-bit bands, most significant first', () => {
    expect(simhashBands(0x0123456789abcdefn)).toEqual([0x0123, 0x4567, 0x89ab, 0xcdef]);
    expect(simhashBands(-1n)).toEqual([65535, 65535, 65535, 65535]);
    expect(simhashBands(INT64_MIN)).toEqual([0x8000, 0, 0, 0]);
  });
  it('counts differing bits', () => {
    expect(hamming(0n, 0n)).toBe(0);
    expect(hamming(0n, -1n)).toBe(64);
    expect(hamming(0b1011n, 0b0001n)).toBe(2);
    expect(hamming(INT64_MIN, 0n)).toBe(1);
  });
  it('fine bucket is the top 12 bits', () => {
    expect(FINE_BUCKETS).toBe(4096);
    expect(fineBucket(0x0123456789abcdefn)).toBe(0x012);
    expect(fineBucket(-1n)).toBe(4095);
    const f = computeEventFeatures({ prompt: 'Explain the theory of relativity to a child' });
    expect(f.lshBucket).toBe(fineBucket(f.simhash));
    expect(f.bands).toEqual(simhashBands(f.simhash));
  });
});
