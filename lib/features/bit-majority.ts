// SimHash's last step for the scanner (./scan.ts): the majority bit vector of the word-shingle
// hashes of one text, counted four bits at a time in SWAR nibbles (one add per 4 bits per hash).

function flush(counts: Int32Array, acc0: number, acc1: number, acc2: number, acc3: number): void {
  for (let nibble = 0; nibble < 8; nibble++) {
    const shift = nibble << 2;
    counts[shift] += (acc0 >>> shift) & 15;
    counts[shift + 1] += (acc1 >>> shift) & 15;
    counts[shift + 2] += (acc2 >>> shift) & 15;
    counts[shift + 3] += (acc3 >>> shift) & 15;
  }
}

const bitCounts = new Int32Array(32);

/** Bit j set when bit j is set in more than half of hashes[0..count): SWAR nibble counts, flushed every 15. */
export function majorityOf(hashes: Int32Array, count: number): number {
  bitCounts.fill(0);
  let acc0 = 0,
    acc1 = 0,
    acc2 = 0,
    acc3 = 0,
    pending = 0;
  for (let i = 0; i < count; i++) {
    const hash = hashes[i];
    acc0 = (acc0 + (hash & 0x11111111)) | 0;
    acc1 = (acc1 + ((hash >>> 1) & 0x11111111)) | 0;
    acc2 = (acc2 + ((hash >>> 2) & 0x11111111)) | 0;
    acc3 = (acc3 + ((hash >>> 3) & 0x11111111)) | 0;
    if (++pending === 15) {
      flush(bitCounts, acc0, acc1, acc2, acc3);
      acc0 = acc1 = acc2 = acc3 = pending = 0;
    }
  }
  flush(bitCounts, acc0, acc1, acc2, acc3);
  let out = 0;
  for (let bit = 0; bit < 32; bit++) if (bitCounts[bit] * 2 > count) out |= 1 << bit;
  return out;
}
