import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { IngestInputError } from './types';

/** Limits on what a gzip input may expand to (HTTP; the CLI reads the operator's own files). */
export interface GunzipLimits {
  /** most decompressed bytes (default: no limit) */
  maxBytes?: number;
  /** most decompressed bytes per compressed byte, checked once past `ratioFloor` bytes */
  maxRatio?: number;
}
/** Below this many decompressed bytes the ratio is not judged: small inputs compress freakishly. */
const RATIO_FLOOR = 1 << 20;

const GZIP_ERROR = /^Z_|^ERR_(ZLIB|INVALID_ARG)/;

/**
 * Gunzips `src`, counting the output: past `maxBytes`, or past `maxRatio` times the compressed
 * bytes read so far (`compressed()`), it stops at once with IngestInputError('too_large') — a
 * gzip bomb never expands further than one chunk past the limit. Corrupt or truncated gzip data
 * ends with IngestInputError('unsupported_format') naming it, never a bare zlib error.
 */
export async function* gunzipLimited(
  src: AsyncIterable<Buffer>,
  compressed: () => number,
  lim: GunzipLimits,
): AsyncGenerator<Buffer> {
  const gunzip = createGunzip({ chunkSize: 1 << 20 });
  pipeline(Readable.from(src), gunzip, () => undefined); // errors surface when iterating gunzip
  const max = lim.maxBytes ?? Infinity;
  const ratio = lim.maxRatio ?? Infinity;
  let out = 0;
  try {
    for await (const chunk of gunzip) {
      out += (chunk as Buffer).length;
      if (out > max)
        throw new IngestInputError(
          'too_large',
          `the gzip body decompresses to more than ${max} bytes (the decompressed limit); split it into several requests`,
        );
      if (out > RATIO_FLOOR && out > ratio * Math.max(1, compressed()))
        throw new IngestInputError(
          'too_large',
          `the gzip body expands more than ${ratio}:1 (compression ratio limit; ${compressed()} bytes read became ${out}); this looks like a gzip bomb`,
        );
      yield chunk as Buffer;
    }
  } catch (e) {
    if (e instanceof IngestInputError) throw e;
    const code = String((e as { code?: string }).code ?? '');
    if (!GZIP_ERROR.test(code)) throw e;
    throw new IngestInputError('unsupported_format', `corrupt gzip data: ${(e as Error).message}`);
  } finally {
    gunzip.destroy();
  }
}
