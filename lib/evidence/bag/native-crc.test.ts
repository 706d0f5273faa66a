import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { installNativeCrc32 } from './native-crc';

// The native CRC-32 must give the zip format's CRC-32 (checked against a plain bitwise one), whole
// and chained chunk by chunk as yazl's stream watcher calls it, or every entry's CRC is wrong.
function reference(data: Buffer | string): number {
  let c = 0xffffffff;
  for (const b of Buffer.from(data)) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

describe('native CRC-32 for yazl', () => {
  it('matches the bitwise CRC-32 for whole buffers and chained chunks', () => {
    const crc = installNativeCrc32();
    expect(crc.unsigned.native).toBe(true);
    for (const size of [0, 1, 7, 64, 4096, 20_003]) {
      const data = randomBytes(size);
      expect(crc.unsigned(data)).toBe(reference(data));
      const mid = Math.floor(size / 3);
      const chained = crc.unsigned(data.subarray(mid), crc.unsigned(data.subarray(0, mid)));
      expect(chained).toBe(reference(data));
    }
    expect(crc.unsigned('text')).toBe(reference('text'));
  });
});
