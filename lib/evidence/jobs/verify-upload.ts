import 'server-only';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pgPool } from '@/lib/db/client';
import { TooLargeError, ValidationError } from '@/lib/errors';
import { verifyBag, verifyMaxBytes, type BagVerification } from '@/lib/evidence/bag';

const mb = (n: number) => `${(n / 1024 ** 2).toFixed(0)} MB`;

/**
 * The Verify page's upload: streams the zip to a private temp file (never held in memory),
 * refusing it as soon as it passes EVIDENCE_VERIFY_MAX_BYTES, then runs the same checks as
 * `npm run evidence:verify`, including the chain heads against this server's audit log.
 */
export async function verifyUpload(
  body: ReadableStream<Uint8Array> | null,
  declaredBytes: number | null,
): Promise<BagVerification & { bytes: number }> {
  const max = verifyMaxBytes();
  const tooLarge = () =>
    new TooLargeError(`The package is larger than the ${mb(max)} Verify accepts`, 'file');
  if (declaredBytes != null && declaredBytes > max) throw tooLarge();
  if (!body) throw new ValidationError('Upload a zip file of the package', 'file');
  const dir = await mkdtemp(path.join(tmpdir(), 'dw-verify-'));
  const file = path.join(dir, 'upload.zip');
  let bytes = 0;
  try {
    const limit = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        done(bytes > max ? tooLarge() : null, chunk);
      },
    });
    await pipeline(
      Readable.fromWeb(body as never),
      limit,
      createWriteStream(file, { mode: 0o600 }),
    );
    if (bytes === 0) throw new ValidationError('The upload is empty', 'file');
    return { ...(await verifyBag(file, { pool: pgPool(), maxBytes: max })), bytes };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
