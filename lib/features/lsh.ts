import { halvesFromInt64 } from './hash32';

/**
 * Fine-grained LSH bucket for query coverage: the top 12 bits of the 64-bit SimHash.
 * Near-duplicate prompts (small Hamming distance) usually share these bits, so a sweep through
 * many distinct templates touches many fine buckets, while a templated pipeline touches few.
 */
export const FINE_BUCKETS = 4096;
export const FINE_BUCKET_BITS = 12;

export function fineBucketFromHi(hi: number): number {
  return (hi >>> (32 - FINE_BUCKET_BITS)) & (FINE_BUCKETS - 1);
}

export function fineBucket(simhash: bigint): number {
  return fineBucketFromHi(halvesFromInt64(simhash).hi);
}
