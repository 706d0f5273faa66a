import { createRequire } from 'node:module';
import path from 'node:path';
import { crc32 } from 'node:zlib';

// yazl computes every entry's CRC-32 through buffer-crc32, a table loop in JavaScript: the top
// item of the export's own CPU profile (≈ 0.8 s per 50k events). zlib's crc32 is native and gives
// the same values, so yazl's copy of buffer-crc32 (the CommonJS one it requires, not the ESM
// build an `import` would get) is pointed at it. yazl is a server-external package (next.config)
// so the app and the CLI load that same copy. Anything else the function is called with goes to
// the original.

type Crc = (input: Buffer | string, previous?: Buffer | number) => number;
interface BufferCrc32 {
  unsigned: Crc & { native?: true };
}

const fromApp = createRequire(path.join(process.cwd(), 'package.json'));
const yazlCrc = createRequire(fromApp.resolve('yazl'))('buffer-crc32') as BufferCrc32;

/** Installs the native CRC-32 into yazl's buffer-crc32 (idempotent); returns the module. */
export function installNativeCrc32(): BufferCrc32 {
  if (yazlCrc.unsigned.native) return yazlCrc;
  const original = yazlCrc.unsigned;
  const fast: Crc & { native?: true } = (input, previous) =>
    Buffer.isBuffer(input) && (previous === undefined || typeof previous === 'number')
      ? crc32(input, previous ?? 0)
      : original(input, previous);
  fast.native = true;
  yazlCrc.unsigned = fast;
  return yazlCrc;
}
